package org.foodnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh, migrated database for one test class. All classes share one embedded PostgreSQL per test JVM
 * (started once, stopped at JVM exit) and each gets its own database in it, so a class starts in about a
 * second instead of paying initdb every time. This shared server is the repository tests' own (trust, superuser,
 * not durable); the embedded server as the application runs it is tested by {@code DatabaseTest} and
 * {@code LockedDatabaseTest}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final Database database;

    private TestDatabase(Database database) {
        this.database = database;
    }

    public static TestDatabase start() {
        EmbeddedPostgres postgres = server();
        String name = "test_" + NEXT.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DatabaseSettings settings = DatabaseSettings.external(postgres.getJdbcUrl("postgres", name), "postgres", null)
                .withPoolSize(12);
        return new TestDatabase(Database.open(settings));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("foodnet-test-pg");
                // Test-only and explicit: durability is not what the repository tests test, so this shared server
                // runs with fsync, synchronous_commit and full_page_writes off (zonky's defaults, spelled out), unless
                // -Dfoodnet.test.durable=true (to measure what durability costs). Database.open() never does this.
                String durability = Boolean.getBoolean("foodnet.test.durable") ? "on" : "off";
                server = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
                        .setServerConfig("fsync", durability)
                        .setServerConfig("synchronous_commit", durability)
                        .setServerConfig("full_page_writes", durability)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public Database database() {
        return database;
    }

    public org.jooq.DSLContext dsl() {
        return database.dsl();
    }

    @Override
    public void close() {
        database.close();
    }

    public static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
