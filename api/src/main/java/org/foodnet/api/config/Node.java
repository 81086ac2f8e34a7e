package org.foodnet.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This node: its name, its roles (api, worker) and how many solve jobs it runs at once. */
@Component
public class Node {

    private static final Set<String> ROLES = Set.of("api", "worker");

    private final String name;
    private final boolean api;
    private final boolean worker;
    private final int solverThreads;

    public Node(NodeProperties properties, FoodnetProperties foodnet, Environment env) {
        List<String> roles = properties.roles().stream().flatMap(r -> java.util.Arrays.stream(r.split(",")))
                .map(r -> r.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(r -> !r.isEmpty()).toList();
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("foodnet.node.roles must be api, worker or api,worker, not " + properties.roles());
        }
        this.api = roles.contains("api");
        this.worker = roles.contains("worker");
        int threads = properties.solverThreads() == null ? foodnet.solver().parallelism() : properties.solverThreads();
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("foodnet.node.solver-threads must be from 1 to 64, not " + threads);
        }
        this.solverThreads = threads;
        String configured = properties.name();
        this.name = configured == null || configured.isBlank() ? defaultName(env) : configured.strip();
    }

    private static String defaultName(Environment env) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String port = env.getProperty("server.port", "8080");
        return host + ":" + ("0".equals(port.trim()) ? "pid" + ProcessHandle.current().pid() : port.trim());
    }

    public String name() {
        return name;
    }

    /** Serves the web pages and the API (and accepts solve requests). */
    public boolean api() {
        return api;
    }

    /** Claims and solves jobs. */
    public boolean worker() {
        return worker;
    }

    public int solverThreads() {
        return solverThreads;
    }

    @Override
    public String toString() {
        return name + " (" + (api && worker ? "api,worker" : api ? "api" : "worker") + ", " + solverThreads + " solver thread(s))";
    }
}
