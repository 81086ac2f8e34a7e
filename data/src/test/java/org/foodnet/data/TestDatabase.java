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
 * second instead of paying initdb every time.
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
                server = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
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
