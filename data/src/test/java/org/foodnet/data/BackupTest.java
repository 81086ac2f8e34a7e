package org.foodnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./foodnet backup} / {@code restore}: a base backup taken while the database runs and is written to, restored
 * into another directory and started there, holds exactly the data as it was when the backup was taken.
 */
class BackupTest {

    private static List<String> contents(Database db) throws Exception {
        int port = db.embeddedServer().port();
        try (Connection c = EmbeddedServer.connect(port, "foodnet", db.embeddedServer().appPassword(), "foodnet");
             Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, name FROM backup_probe ORDER BY id")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + "|" + r.getString(2));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT version, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
                while (r.next()) {
                    rows.add("flyway|" + r.getString(1) + "|" + r.getString(2));
                }
            }
            return rows;
        }
    }

    private static void insert(Database db, int from, int to, String name) throws Exception {
        try (Connection c = EmbeddedServer.connect(db.embeddedServer().port(), "foodnet", db.embeddedServer().appPassword(), "foodnet");
             PreparedStatement p = c.prepareStatement("INSERT INTO backup_probe (id, name) VALUES (?, ?)")) {
            for (int i = from; i < to; i++) {
                p.setLong(1, i);
                p.setString(2, name + " " + i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Test
    void aBackupOfARunningDatabaseRestoresToTheSameData() throws Exception {
        Path root = Files.createTempDirectory("foodnet-backup");
        try {
            Path original = root.resolve("pgdata");
            Path file = root.resolve("foodnet-backup.zip");
            List<String> before;
            try (Database db = Database.open(DatabaseSettings.embedded(original))) {
                try (Connection c = EmbeddedServer.connect(db.embeddedServer().port(), "foodnet", db.embeddedServer().appPassword(), "foodnet");
                     Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE backup_probe (id bigint PRIMARY KEY, name text NOT NULL)");
                }
                insert(db, 0, 5000, "鳥取 花子");
                before = contents(db);
                Backup.backup(original, file);   // while it runs
                insert(db, 5000, 5010, "after the backup");
                assertThat(contents(db)).hasSize(before.size() + 10);
            }
            assertThat(before).hasSizeGreaterThan(5000).contains("4999|鳥取 花子 4999");

            Path restored = root.resolve("restored");
            assertThat(Backup.restore(file, restored)).isNull();
            assertThat(Files.readString(restored.resolve("foodnet.password")))
                    .isEqualTo(Files.readString(original.resolve("foodnet.password")));
            try (Database db = Database.open(DatabaseSettings.embedded(restored))) {
                assertThat(contents(db)).isEqualTo(before);
            }

            // restoring over an existing directory keeps that one beside it; a running database is refused
            Path kept = Backup.restore(file, restored);
            assertThat(kept).isNotNull();
            assertThat(kept.resolve("postgresql.conf")).exists();
            try (Database db = Database.open(DatabaseSettings.embedded(restored))) {
                assertThat(contents(db)).isEqualTo(before);
                assertThatThrownBy(() -> Backup.restore(file, restored)).isInstanceOf(IllegalStateException.class);
            }
            // a file that is not a backup
            Path junk = root.resolve("junk.zip");
            Files.write(junk, new byte[] {1, 2, 3});
            assertThatThrownBy(() -> Backup.restore(junk, root.resolve("junk-restore"))).isInstanceOf(java.io.IOException.class);
        } finally {
            TestDatabase.deleteTree(root);
        }
    }
}
