package org.foodnet.api.tenancy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database of a Foodnet that served one network (data migrations up to V11, api up to V102, with accounts,
 * tokens, idempotency keys and a solve job) migrated to networks side by side (data V12, api V103): everything lands
 * in the configured network, nothing is lost. Its own embedded PostgreSQL; no Spring context.
 */
class TenancyMigrationTest {

    static EmbeddedPostgres postgres;
    static DataSource db;
    static JdbcClient jdbc;

    @BeforeAll
    static void migrateAnOldDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("foodnet-tenancy-migration"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "off").start();
        db = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(db);
        data("11").migrate();
        api("102", "unused").migrate();

        // the single network's rows, as an older Foodnet wrote them
        long region = jdbc.sql("INSERT INTO region (code, network_name) VALUES ('tottori', '麒麟のまち') RETURNING id")
                .query(Long.class).single();
        long plan = jdbc.sql("INSERT INTO plan (region_id, month, network_name) VALUES (?, date '2026-12-01', '麒麟のまち') RETURNING id")
                .param(region).query(Long.class).single();
        jdbc.sql("INSERT INTO solve_job (plan_id) VALUES (?)").param(plan).update();
        jdbc.sql("INSERT INTO api_user (username, password_hash, role, driver_id) VALUES "
                + "('yamada', '{noop}a', 'COORDINATOR', NULL), ('sato', '{noop}b', 'DRIVER', 'drv-001'), ('ito', '{noop}c', 'ORGANIZER', NULL)")
                .update();
        jdbc.sql("INSERT INTO api_token (username, name, secret_sha256) VALUES ('sato', 'calendar', decode(repeat('ab', 32), 'hex'))").update();
        jdbc.sql("INSERT INTO api_idempotency (username, scope, idem_key, fingerprint, lot_id) VALUES ('ito', 'donation', 'k1', repeat('0', 64), 'lot-1')")
                .update();

        data(null).migrate();
        api(null, "tottori").migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Flyway data(String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static Flyway api(String target, String network) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/api-migration").table("flyway_api_history")
                .baselineOnMigrate(true).baselineVersion("1").placeholders(Map.of("network", network));
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void everyAccountHasItsRoleInTheConfiguredNetwork() {
        assertThat(jdbc.sql("SELECT username || ':' || network || ':' || role || ':' || coalesce(driver_id, '-') FROM account_role WHERE network = 'tottori' ORDER BY username")
                .query(String.class).list())
                .containsExactly("ito:tottori:ORGANIZER:-", "sato:tottori:DRIVER:drv-001", "yamada:tottori:COORDINATOR:-");
        assertThat(jdbc.sql("SELECT username || ':' || password_hash || ':' || federation_admin FROM api_user ORDER BY username")
                .query(String.class).list()).containsExactly("ito:{noop}c:false", "sato:{noop}b:false", "yamada:{noop}a:false");
    }

    @Test
    void tokensKeysAndJobsBelongToTheirNetwork() {
        assertThat(jdbc.sql("SELECT username || ':' || network || ':' || name FROM api_token").query(String.class).list())
                .containsExactly("sato:tottori:calendar");
        assertThat(jdbc.sql("SELECT network || ':' || lot_id FROM api_idempotency").query(String.class).list())
                .containsExactly("tottori:lot-1");
        assertThat(jdbc.sql("SELECT DISTINCT r.code FROM solve_job j JOIN region r ON r.id = j.region_id").query(String.class).list())
                .containsExactly("tottori");
    }

    @Test
    void rolesAreCheckedPerNetworkAndJobsTakeTheirPlansRegion() {
        // a driver role names its volunteer; a person has one role per network
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO account_role (username, network, role) VALUES ('ito', 'other', 'DRIVER')").update())
                .hasMessageContaining("account_role_driver_only_for_drivers");
        jdbc.sql("INSERT INTO account_role (username, network, role) VALUES ('yamada', 'other', 'ORGANIZER')").update();
        assertThat(jdbc.sql("SELECT count(*) FROM account_role WHERE username = 'yamada'").query(Long.class).single()).isEqualTo(2);
        List<Long> regions = jdbc.sql("SELECT region_id FROM plan").query(Long.class).list();
        long plan = jdbc.sql("INSERT INTO plan (region_id, month, network_name) VALUES (?, date '2027-01-01', 'x') RETURNING id")
                .param(regions.get(0)).query(Long.class).single();
        long job = jdbc.sql("INSERT INTO solve_job (plan_id) VALUES (?) RETURNING id").param(plan).query(Long.class).single();
        assertThat(jdbc.sql("SELECT region_id FROM solve_job WHERE id = ?").param(job).query(Long.class).single()).isEqualTo(regions.get(0));
    }
}
