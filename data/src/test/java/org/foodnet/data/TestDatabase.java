package org.foodnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh embedded PostgreSQL in a temporary data directory, removed on close. One per test class keeps tests fast. */
public final class TestDatabase implements AutoCloseable {

    private final Path directory;
    private final Database database;

    private TestDatabase(Path directory, Database database) {
        this.directory = directory;
        this.database = database;
    }

    public static TestDatabase start() {
        try {
            Path directory = Files.createTempDirectory("foodnet-test-pg");
            return new TestDatabase(directory, Database.open(DatabaseSettings.embedded(directory).withPoolSize(12)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        deleteTree(directory);
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
