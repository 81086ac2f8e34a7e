package org.foodnet.api.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this node of a Foodnet cluster does ({@code foodnet.node.*}; also FOODNET_NODE_ROLES, FOODNET_NODE_NAME,
 * FOODNET_NODE_SOLVER_THREADS).
 *
 * @param roles         {@code api} (web pages and API; accepts solve requests), {@code worker} (solves jobs), or
 *                      both (the default: one node behaves as a single service)
 * @param name          what jobs show as {@code node}; default host:port (host:pid when the port is chosen at random)
 * @param solverThreads solve jobs this node runs at the same time; default {@code foodnet.solver.parallelism}
 */
@ConfigurationProperties("foodnet.node")
public record NodeProperties(@DefaultValue("api,worker") List<String> roles, String name, Integer solverThreads) {
}
