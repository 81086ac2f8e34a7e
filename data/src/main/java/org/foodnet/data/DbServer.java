package org.foodnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code ./foodnet db --data-dir DIR --port PORT}: the embedded PostgreSQL alone, in the foreground, for several
 * Foodnet nodes to share. It keeps its data in DIR (same directory layout, password files and lock as a node's
 * embedded database), listens on 127.0.0.1:PORT, brings the data module's schema up to date and, once it accepts
 * connections, prints three lines a shell can source:
 * <pre>
 * FOODNET_DB_URL=jdbc:postgresql://127.0.0.1:PORT/foodnet
 * FOODNET_DB_USER=foodnet
 * FOODNET_DB_PASSWORD=…
 * </pre>
 * It runs until it gets SIGTERM/SIGINT (then PostgreSQL stops cleanly).
 */
public final class DbServer {

    private DbServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // stdout carries only the three lines; everything else (log lines, PostgreSQL's output) goes to stderr
        java.io.PrintStream out = System.out;
        System.setOut(System.err);
        Path dataDir = null;
        int port = 5432;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[i + 1] : null);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(require(name, value));
                case "--port" -> port = parsePort(require(name, value));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("foodnet db: unknown option " + arg);
                    usage();
                    System.exit(2);
                }
            }
            if (!arg.contains("=")) {
                i++;
            }
        }
        if (dataDir == null) {
            System.err.println("foodnet db: --data-dir is required");
            usage();
            System.exit(2);
        }
        EmbeddedServer server = EmbeddedServer.start(dataDir, true, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "foodnet-db-stop"));
        migrate(server);
        out.println("FOODNET_DB_URL=" + server.jdbcUrl());
        out.println("FOODNET_DB_USER=" + server.appRole());
        out.println("FOODNET_DB_PASSWORD=" + server.appPassword());
        out.flush();
        stopped.await();
    }

    /** The data module's migrations, so that nodes starting together do not all do it first. */
    private static void migrate(EmbeddedServer server) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.appRole());
        pool.setPassword(server.appPassword());
        pool.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Database.migrate((DataSource) dataSource);
        }
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            System.err.println("foodnet db: " + name + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("foodnet db: --port must be a TCP port (1-65535), not " + value);
            System.exit(2);
            return -1;
        }
    }

    private static void usage() {
        System.err.println("usage: ./foodnet db --data-dir DIR [--port 5432]");
    }
}
