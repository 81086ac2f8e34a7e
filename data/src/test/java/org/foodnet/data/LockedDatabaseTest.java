package org.foodnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.foodnet.data.network.NetworkRepository;
import org.jooq.impl.DSL;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded database as every run gets it: durable, listening on 127.0.0.1 only, passwords (SCRAM) for everyone,
 * generated passwords in owner-only files, the application as an unprivileged role that owns its schema; and a
 * data directory of an older Foodnet (trust, application as postgres) upgraded to all that without losing data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedDatabaseTest {

    private Path root;
    private Path directory;
    private Database database;
    private int port;

    @BeforeAll
    void open() throws Exception {
        root = Files.createTempDirectory("foodnet-locked");
        directory = root.resolve("pgdata");
        database = Database.open(DatabaseSettings.embedded(directory));
        port = database.embeddedServer().port();
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
        TestDatabase.deleteTree(root);
    }

    @Test
    void theDefaultRunIsDurable() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void theMeasuredSettingsAreInEffect() {
        // EmbeddedServer.TUNING (data/README.md, "Settings measured"), beside the durable ones above
        assertThat(show("checkpoint_timeout")).isEqualTo("15min");
        assertThat(show("max_wal_size")).isEqualTo("2GB");
        assertThat(show("jit")).isEqualTo("off");
    }

    @Test
    void itListensOnLoopbackTcpOnlyWithPasswordsForEveryone() throws Exception {
        assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
        try (Connection c = EmbeddedServer.connect(port, "postgres", password("postgres.password"), "postgres")) {
            assertThat(query(c, "SHOW unix_socket_directories")).isEmpty();
        }
        assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
        assertThat(show("password_encryption")).isEqualTo("scram-sha-256");
        List<String> rules = Files.readAllLines(directory.resolve("pg_hba.conf")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules).containsExactly("host    all       all   127.0.0.1/32  scram-sha-256");
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + port + "/foodnet");
    }

    @Test
    void connectionsWithoutThePasswordOrWithAWrongOneAreRefused() throws Exception {
        for (String role : List.of("postgres", "foodnet")) {
            for (String database : List.of("postgres", "foodnet")) {
                assertRefused(role, null, database);
                assertRefused(role, "", database);
                assertRefused(role, "wrong-password", database);
            }
        }
        // the right ones work
        try (Connection c = EmbeddedServer.connect(port, "postgres", password("postgres.password"), "postgres")) {
            assertThat(query(c, "SELECT current_user")).isEqualTo("postgres");
        }
        try (Connection c = EmbeddedServer.connect(port, "foodnet", password("foodnet.password"), "foodnet")) {
            assertThat(query(c, "SELECT current_user")).isEqualTo("foodnet");
        }
    }

    @Test
    void thePasswordFilesAreReadableByTheirOwnerOnly() throws Exception {
        for (String file : List.of("postgres.password", "foodnet.password")) {
            Path path = directory.resolve(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(file).isEqualTo("rw-------");
            assertThat(password(file)).hasSize(43).matches("[A-Za-z0-9_-]+");
        }
        assertThat(password("postgres.password")).isNotEqualTo(password("foodnet.password"));
        // no password file for initdb is left next to the data directory
        try (var siblings = Files.list(root)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("pgdata");
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndCannotRunPrograms() {
        var dsl = database.dsl();
        assertThat(dsl.fetchValue("SELECT current_user")).isEqualTo("foodnet");
        var role = dsl.fetchOne("SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls"
                + " FROM pg_roles WHERE rolname = current_user");
        assertThat(role.intoArray()).containsExactly(false, false, false, true, false, false);
        assertThat(dsl.fetchValue("SELECT pg_has_role(current_user, 'pg_execute_server_program', 'USAGE')")).isEqualTo(false);
        assertThatThrownBy(() -> dsl.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.execute("COPY (SELECT 1) TO '/tmp/foodnet-should-not-exist'"))
                .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> dsl.execute("CREATE ROLE intruder SUPERUSER"))
                .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void theApplicationRoleOwnsItsDatabaseSchemaAndTables() {
        var dsl = database.dsl();
        assertThat(dsl.fetchValue("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                .isEqualTo("foodnet");
        assertThat(dsl.fetchValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
                .isEqualTo("foodnet");
        assertThat(dsl.fetchValue("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind = 'r' AND pg_get_userbyid(relowner) = 'foodnet'")).isEqualTo(
                dsl.fetchValue("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"));
        assertThat(dsl.fetchValue("SELECT count(*) FROM flyway_schema_history WHERE success")).isNotEqualTo(0L);
    }

    @Test
    void aTestMayOptOutOfDurabilityExplicitly() throws Exception {
        Path other = Files.createTempDirectory("foodnet-fast").resolve("pgdata");
        try (Database fast = Database.open(DatabaseSettings.embedded(other).withoutDurabilityForTests())) {
            assertThat(fast.dsl().fetchValue("SHOW fsync")).isEqualTo("off");
            assertThat(fast.dsl().fetchValue("SHOW synchronous_commit")).isEqualTo("off");
            assertThat(fast.settings().toString()).contains("NOT durable");
        } finally {
            TestDatabase.deleteTree(other.getParent());
        }
        assertThat(DatabaseSettings.embedded(other).durable()).isTrue();
        assertThat(DatabaseSettings.fromEnvironment().durable()).isTrue();
    }

    /**
     * A data directory as an older Foodnet left it: zonky's initdb (trust for everyone), database foodnet and all
     * tables owned by postgres. The first start upgrades it in place and keeps the data.
     */
    @Test
    void aDataDirectoryOfAnOlderVersionIsUpgradedWithoutLosingData() throws Exception {
        Path old = Files.createTempDirectory("foodnet-old").resolve("pgdata");
        try {
            try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(old).setCleanDataDirectory(false).start()) {
                try (Connection c = legacy.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE foodnet");
                }
                var dataSource = legacy.getDatabase("postgres", "foodnet");
                Database.migrate(dataSource);
                new NetworkRepository(DSL.using(dataSource, SQLDialect.POSTGRES)).store("kirin", TestNetworks.rich());
            }
            assertThat(old.resolve("postgres.password")).doesNotExist();
            assertThat(Files.readString(old.resolve("pg_hba.conf"))).contains("trust");

            try (Database upgraded = Database.open(DatabaseSettings.embedded(old))) {
                int oldPort = upgraded.embeddedServer().port();
                assertThat(new NetworkRepository(upgraded.dsl()).load("kirin", TestNetworks.MONTH)).contains(TestNetworks.rich());
                assertThat(upgraded.dsl().fetchValue("SELECT current_user")).isEqualTo("foodnet");
                assertThat(upgraded.dsl().fetchValue("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                        + " AND relkind IN ('r', 'v', 'S') AND pg_get_userbyid(relowner) <> 'foodnet'")).isEqualTo(0L);
                assertThat(upgraded.dsl().fetchValue("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                        + " AND pg_get_userbyid(proowner) <> 'foodnet'")).isEqualTo(0L);
                // the app role can still change what it owns (what a later migration does)
                upgraded.dsl().execute("ALTER TABLE region ADD COLUMN upgrade_check int");
                upgraded.dsl().execute("ALTER TABLE region DROP COLUMN upgrade_check");
                assertThat(Files.readString(old.resolve("pg_hba.conf"))).doesNotContain("trust");
                for (String role : List.of("postgres", "foodnet")) {
                    assertRefused(oldPort, role, null, "foodnet");
                }
                for (String file : List.of("postgres.password", "foodnet.password")) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old.resolve(file)))).isEqualTo("rw-------");
                }
            }
            // and it starts as a locked one from then on
            try (Database again = Database.open(DatabaseSettings.embedded(old))) {
                assertThat(new NetworkRepository(again.dsl()).load("kirin", TestNetworks.MONTH)).contains(TestNetworks.rich());
                assertRefused(again.embeddedServer().port(), "postgres", null, "postgres");
            }
        } finally {
            TestDatabase.deleteTree(old.getParent());
        }
    }

    private String show(String setting) {
        return database.dsl().fetchValue("SHOW " + setting).toString();
    }

    private String password(String file) throws Exception {
        return Files.readString(directory.resolve(file)).strip();
    }

    private void assertRefused(String role, String password, String db) {
        assertRefused(port, role, password, db);
    }

    private static void assertRefused(int port, String role, String password, String db) {
        assertThatThrownBy(() -> EmbeddedServer.connect(port, role, password, db).close())
                .as("%s with password %s to %s", role, password, db)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
