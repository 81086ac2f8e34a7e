package org.foodnet.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the three lines {@link DbServer} ({@code ./foodnet db}) prints on its standard output once PostgreSQL
 * accepts connections: {@code FOODNET_DB_URL=…}, {@code FOODNET_DB_USER=…}, {@code FOODNET_DB_PASSWORD=…}. The one
 * parser of that output, for whatever starts {@code ./foodnet db} as a process (the cluster test, the federation
 * benchmark).
 */
public final class DbServerOutput {

    /** The variables a node needs to join the database, in the order printed. */
    public static final List<String> VARIABLES = List.of("FOODNET_DB_URL", "FOODNET_DB_USER", "FOODNET_DB_PASSWORD");

    private DbServerOutput() {
    }

    /**
     * Waits until {@code process} (a started {@code DbServer}) has printed the three variables and returns them. Its
     * standard output is read to its end by a daemon thread, so the pipe never fills.
     *
     * @throws IllegalStateException if the process ends, or {@code timeout} passes, before all three were printed
     */
    public static Map<String, String> await(Process process, Duration timeout) throws InterruptedException {
        Map<String, String> env = new HashMap<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (env) {
                        parseLine(line, env);
                        if (env.keySet().containsAll(VARIABLES)) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.complete(null);
        }, "foodnet-db-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("./foodnet db printed no connection within " + timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        synchronized (env) {
            if (!env.keySet().containsAll(VARIABLES)) {
                throw new IllegalStateException("./foodnet db ended before printing " + VARIABLES + " (got " + env.keySet() + ")");
            }
            return Map.copyOf(env);
        }
    }

    /** Adds {@code NAME=value} to {@code env} if the line is one of the three variables; other lines are ignored. */
    static void parseLine(String line, Map<String, String> env) {
        int eq = line.indexOf('=');
        if (eq > 0 && VARIABLES.contains(line.substring(0, eq))) {
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }
}
