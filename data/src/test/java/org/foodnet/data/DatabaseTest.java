package org.foodnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.foodnet.data.network.NetworkRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded default: its data survives a restart, and a server left behind by a killed JVM is dealt with. */
class DatabaseTest {

    private Path directory;

    @BeforeEach
    void makeDirectory() throws Exception {
        directory = Files.createTempDirectory("foodnet-restart").resolve("pgdata");
    }

    @AfterEach
    void removeDirectory() {
        TestDatabase.deleteTree(directory.getParent());
        System.clearProperty("foodnet.data.dir");
        System.clearProperty("foodnet.db.url");
    }

    @Test
    void dataWrittenThroughTheEmbeddedDefaultSurvivesARestart() {
        System.setProperty("foodnet.data.dir", directory.toString());
        try (Database first = Database.open()) {
            assertThat(first.isEmbedded()).isTrue();
            new NetworkRepository(first.dsl()).store("kirin", TestNetworks.rich());
        }

        try (Database second = Database.open()) {
            assertThat(second.settings().dataDirectory()).isEqualTo(directory);
            assertThat(new NetworkRepository(second.dsl()).load("kirin", TestNetworks.MONTH)).contains(TestNetworks.rich());
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheDataIsStillThere() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledWriter.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        String output;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output = out.lines().reduce("", (a, b) -> a + b + "\n");
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(output).contains("written");
        assertThat(directory.resolve("postmaster.pid")).as("the killed writer left its server running").exists();

        try (Database database = Database.open(DatabaseSettings.embedded(directory))) {
            assertThat(new NetworkRepository(database.dsl()).load("before-crash", TestNetworks.MONTH)).contains(TestNetworks.rich());
        }
    }

    @Test
    void aDataDirectoryInUseByARunningFoodnetIsRefused() {
        try (Database running = Database.open(DatabaseSettings.embedded(directory))) {
            assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(directory)))
                    .hasMessageContaining("is in use by another running Foodnet");
            assertThat(running.dsl().fetchValue("SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void settingsComeFromSystemPropertiesOrTheEnvironment() {
        System.setProperty("foodnet.db.url", "jdbc:postgresql://db.example:5432/foodnet");
        DatabaseSettings external = DatabaseSettings.fromEnvironment();
        System.clearProperty("foodnet.db.url");

        assertThat(external.embedded()).isFalse();
        assertThat(external.url()).isEqualTo("jdbc:postgresql://db.example:5432/foodnet");
        if (System.getenv(DatabaseSettings.URL) == null && System.getenv(DatabaseSettings.DATA_DIR) == null) {
            DatabaseSettings defaults = DatabaseSettings.fromEnvironment();
            assertThat(defaults.embedded()).isTrue();
            assertThat(defaults.dataDirectory()).isEqualTo(Path.of(System.getProperty("user.home"), ".foodnet", "pgdata"));
        }
        assertThat(DatabaseSettings.external("jdbc:postgresql://x/y", "u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void migrationsRunOnAnExternalDatabaseToo() {
        try (TestDatabase external = TestDatabase.start()) {
            assertThat(external.database().isEmbedded()).isFalse();
            assertThat(external.dsl().fetchValue("SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(
                    (long) new File(getClass().getResource("/db/migration").getFile()).list().length);
        }
    }
}
