package org.foodnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.Operation;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad data is refused by the database itself, not only by Java: each case writes a row that breaks one rule
 * with plain SQL (no repository in between) and expects PostgreSQL to name that rule in its error.
 */
class DatabaseRulesTest {

    private static TestDatabase db;
    private static long planId;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        new NetworkRepository(db.dsl()).store("kirin", TestNetworks.rich());
        new NetworkRepository(db.dsl()).store("other", TestNetworks.rich());
        PlanInfo plan = new PlanRepository(db.dsl()).store("kirin", TestNetworks.plan(), Map.of("drivingTime", java.math.BigDecimal.ONE));
        planId = plan.id();
        db.dsl().execute("INSERT INTO solve_job (plan_id) VALUES (" + planId + ")");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static final String REGION = "(SELECT id FROM region WHERE code = 'kirin')";

    private static String site(String id) {
        return "(SELECT id FROM site WHERE external_id = '" + id + "' AND region_id = " + REGION + ")";
    }

    private static String otherSite(String id) {
        return "(SELECT id FROM site WHERE external_id = '" + id + "' AND region_id = (SELECT id FROM region WHERE code = 'other'))";
    }

    private static String lot(String id) {
        return "(SELECT id FROM donation_lot WHERE external_id = '" + id + "' AND region_id = " + REGION + ")";
    }

    private static String logged(String lot) {
        return "(SELECT id FROM stock_movement WHERE kind = 'LOGGED' AND lot_id = " + lot(lot) + ")";
    }

    private static String siteRow(String externalId, String kind, String lat, String storage) {
        return "INSERT INTO site (region_id, external_id, name, kind, lat, lon, storage_chilled_grams) VALUES (" + REGION
                + ", '" + externalId + "', 'x', '" + kind + "', " + lat + ", 134.0, " + storage + ")";
    }

    private static String lotRow(String externalId, String temperature, String grams, String expiryKind, String earmark) {
        return "INSERT INTO donation_lot (region_id, external_id, donor_id, temperature, grams, expiry_date, expiry_kind, "
                + "available_from, earmarked_for, logged_by) VALUES (" + REGION + ", '" + externalId + "', " + site("sup-001")
                + ", '" + temperature + "', " + grams + ", DATE '2026-12-10', '" + expiryKind + "', DATE '2026-12-01', "
                + earmark + ", 'test')";
    }

    private static String movement(String operation, String kind, String lot, String from, String to, String recipient,
                                   String grams, String corrects, String reason) {
        return "INSERT INTO stock_movement (operation_id, region_id, kind, lot_id, from_site_id, to_site_id, recipient_id, "
                + "grams, corrects_id, reason, occurred_at, recorded_by) VALUES ('" + operation + "', " + REGION + ", '" + kind
                + "', " + lot + ", " + from + ", " + to + ", " + recipient + ", " + grams + ", " + corrects + ", " + reason
                + ", now(), 'test')";
    }

    static Stream<Arguments> rules() {
        String hub = site("hub");
        String depot = site("depot-kurayoshi");
        String cafe = site("caf-001");
        String donor = site("sup-001");
        String trip = "(SELECT id FROM plan_trip WHERE plan_id = " + planId + " AND position = 0)";
        String stop = "(SELECT id FROM plan_stop WHERE trip_id = " + trip + " AND position = 0)";
        return Stream.of(
                // region
                Arguments.of("region_code_format", "INSERT INTO region (code, network_name) VALUES ('Kirin!', 'x')"),
                Arguments.of("region_code_unique", "INSERT INTO region (code, network_name) VALUES ('kirin', 'x')"),
                Arguments.of("region_time_zone_known", "INSERT INTO region (code, network_name, time_zone) VALUES ('r1', 'x', 'Mars/Olympus')"),
                Arguments.of("region_road_factor_range", "INSERT INTO region (code, network_name, road_factor) VALUES ('r2', 'x', 0.5)"),
                Arguments.of("region_grace_days_range", "INSERT INTO region (code, network_name, best_before_grace_days) VALUES ('r3', 'x', -1)"),
                // sites
                Arguments.of("site_kind_known", siteRow("s1", "CASTLE", "35.5", "0")),
                Arguments.of("site_lat_range", siteRow("s2", "FARM", "91", "0")),
                Arguments.of("site_storage_chilled_not_negative", siteRow("s3", "HUB_DEPOT", "35.5", "-1")),
                Arguments.of("site_external_id_unique", siteRow("hub", "FARM", "35.5", "0")),
                Arguments.of("external_id_not_blank", siteRow(" ", "FARM", "35.5", "0")),
                Arguments.of("site_service_seconds_range", "UPDATE site SET service_seconds = 20000 WHERE id = " + hub),
                Arguments.of("site_serving_depot_is_hub_or_depot", "UPDATE site SET serving_depot_id = " + donor + " WHERE id = " + cafe),
                Arguments.of("site_serving_depot_is_hub_or_depot", "UPDATE site SET serving_depot_id = " + otherSite("hub") + " WHERE id = " + cafe),
                Arguments.of("site_opening_hours_window", "INSERT INTO site_opening_hours VALUES (" + donor + ", 1, '18:00', '09:00')"),
                Arguments.of("site_opening_hours_weekday_range", "INSERT INTO site_opening_hours VALUES (" + donor + ", 8, '09:00', '18:00')"),
                Arguments.of("site_opening_hours_pkey", "INSERT INTO site_opening_hours VALUES (" + hub + ", 1, '09:00', '18:00')"),
                Arguments.of("site_closed_date_site_id_fkey", "INSERT INTO site_closed_date VALUES (-1, DATE '2026-12-01')"),
                // needs
                Arguments.of("recipient_need_is_of_a_recipient", "INSERT INTO recipient_need (region_id, recipient_id, month) VALUES ("
                        + REGION + ", " + donor + ", DATE '2027-01-01')"),
                Arguments.of("recipient_need_month_first_day", "INSERT INTO recipient_need (region_id, recipient_id, month) VALUES ("
                        + REGION + ", " + cafe + ", DATE '2027-01-15')"),
                Arguments.of("recipient_need_frozen_not_negative", "INSERT INTO recipient_need (region_id, recipient_id, month, frozen_grams) VALUES ("
                        + REGION + ", " + cafe + ", DATE '2027-01-01', -5)"),
                Arguments.of("recipient_need_unique", "INSERT INTO recipient_need (region_id, recipient_id, month) VALUES ("
                        + REGION + ", " + cafe + ", DATE '2026-12-01')"),
                Arguments.of("serving_day_in_month", "INSERT INTO serving_day SELECT id, month, DATE '2027-01-03' FROM recipient_need WHERE recipient_id = " + cafe),
                // vehicles and volunteers
                Arguments.of("vehicle_ambient_not_negative", "INSERT INTO vehicle (region_id, external_id, name, ambient_grams) VALUES ("
                        + REGION + ", 'v9', 'x', -1)"),
                Arguments.of("vehicle_external_id_unique", "INSERT INTO vehicle (region_id, external_id, name) VALUES (" + REGION + ", 'van-1', 'x')"),
                Arguments.of("volunteer_max_minutes_range", "UPDATE volunteer SET max_minutes_per_day = 0"),
                Arguments.of("volunteer_home_lon_range", "UPDATE volunteer SET home_lon = 200"),
                Arguments.of("volunteer_vehicle_fk", "UPDATE volunteer SET vehicle_id = (SELECT id FROM vehicle WHERE external_id = 'van-1' "
                        + "AND region_id = (SELECT id FROM region WHERE code = 'other')) WHERE region_id = " + REGION),
                Arguments.of("availability_slot_window", "INSERT INTO availability_slot (volunteer_id, slot_date, starts, ends) "
                        + "SELECT id, DATE '2026-12-05', '12:00', '12:00' FROM volunteer WHERE external_id = 'drv-003' AND region_id = " + REGION),
                Arguments.of("availability_slot_unique_start", "INSERT INTO availability_slot (volunteer_id, slot_date, starts, ends) "
                        + "SELECT id, DATE '2026-12-02', '08:00', '09:00' FROM volunteer WHERE external_id = 'drv-001' AND region_id = " + REGION),
                // donation lots
                Arguments.of("donation_lot_grams_positive", lotRow("bad-1", "AMBIENT", "-1000", "USE_BY", "NULL")),
                Arguments.of("donation_lot_grams_positive", lotRow("bad-2", "AMBIENT", "0", "USE_BY", "NULL")),
                Arguments.of("temperature_class_known", lotRow("bad-3", "WARM", "1000", "USE_BY", "NULL")),
                Arguments.of("donation_lot_expiry_kind_known", lotRow("bad-4", "AMBIENT", "1000", "SOMEDAY", "NULL")),
                Arguments.of("donation_lot_earmarked_for_a_recipient", lotRow("bad-5", "AMBIENT", "1000", "USE_BY", donor)),
                Arguments.of("donation_lot_external_id_unique", lotRow("lot-0001", "AMBIENT", "1000", "USE_BY", "NULL")),
                Arguments.of("donation_lot_donor_fk", lotRow("bad-6", "AMBIENT", "1000", "USE_BY", "NULL").replace(site("sup-001"), otherSite("sup-001"))),
                // the ledger
                Arguments.of("stock_movement_grams_positive", movement("m1", "LOGGED", lot("lot-0004"), "NULL", hub, "NULL", "-5", "NULL", "NULL")),
                Arguments.of("stock_movement_kind_known", movement("m2", "STOLEN", lot("lot-0004"), hub, "NULL", "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_not_below_zero", movement("m3", "TRANSFERRED", lot("lot-0004"), hub, depot, "NULL", "100001", "NULL", "NULL")),
                Arguments.of("stock_not_below_zero", movement("m4", "DELIVERED", lot("lot-0004"), depot, "NULL", cafe, "1", "NULL", "NULL")),
                Arguments.of("stock_movement_operation_id_unique", movement("import:kirin:lot-0001", "LOGGED", lot("lot-0004"), "NULL", hub, "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_movement_site_roles", movement("m5", "LOGGED", lot("lot-0004"), "NULL", cafe, "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_movement_site_roles", movement("m6", "PICKED_UP", lot("lot-0004"), hub, depot, "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_movement_delivered_to_a_recipient", movement("m7", "DELIVERED", lot("lot-0004"), hub, "NULL", depot, "5", "NULL", "NULL")),
                Arguments.of("stock_movement_earmark", movement("m8", "DELIVERED", lot("lot-0006"), site("ind-001"), "NULL", site("mcf-001"), "5", "NULL", "NULL")),
                Arguments.of("stock_movement_move_shape", movement("m9", "TRANSFERRED", lot("lot-0004"), hub, hub, "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_movement_discarded_shape", movement("m10", "DISCARDED", lot("lot-0004"), hub, "NULL", "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_movement_corrected_shape", movement("m11", "CORRECTED", lot("lot-0004"), "NULL", hub, "NULL", "5", "NULL", "'typo'")),
                Arguments.of("stock_movement_corrects_same_lot", movement("m12", "CORRECTED", lot("lot-0004"), "NULL", hub, "NULL", "5", logged("lot-0003"), "'typo'")),
                Arguments.of("stock_movement_correction_site", movement("m13", "CORRECTED", lot("lot-0004"), "NULL", depot, "NULL", "5", logged("lot-0004"), "'typo'")),
                Arguments.of("stock_movement_lot_fk", movement("m14", "LOGGED", "(SELECT id FROM donation_lot WHERE external_id = 'lot-0004' AND region_id = "
                        + "(SELECT id FROM region WHERE code = 'other'))", "NULL", hub, "NULL", "5", "NULL", "NULL")),
                Arguments.of("stock_derived_only", "INSERT INTO stock (site_id, lot_id, grams) VALUES (" + depot + ", " + lot("lot-0004") + ", 5)"),
                Arguments.of("stock_movement_append_only", "UPDATE stock_movement SET grams = grams + 1 WHERE lot_id = " + lot("lot-0004")),
                Arguments.of("stock_movement_append_only", "DELETE FROM stock_movement WHERE lot_id = " + lot("lot-0004")),
                // plans
                Arguments.of("plan_month_first_day", "INSERT INTO plan (region_id, month, network_name) VALUES (" + REGION + ", DATE '2026-12-02', 'x')"),
                Arguments.of("plan_status_known", "INSERT INTO plan (region_id, month, network_name, status) VALUES (" + REGION + ", DATE '2026-12-01', 'x', 'DONE')"),
                Arguments.of("plan_status_transition", "INSERT INTO plan (region_id, month, network_name, status) VALUES (" + REGION + ", DATE '2026-12-01', 'x', 'PUBLISHED')"),
                Arguments.of("plan_status_transition", "UPDATE plan SET status = 'DRAFT' WHERE id = " + planId),
                Arguments.of("plan_solved_has_score", "UPDATE plan SET score = NULL WHERE id = " + planId),
                Arguments.of("plan_constraint_weight_not_negative", "INSERT INTO plan_constraint_weight VALUES (" + planId + ", 'fairShares', -1)"),
                Arguments.of("plan_trip_window", "UPDATE plan_trip SET ends_at = starts_at - interval '1 minute' WHERE id = " + trip),
                Arguments.of("plan_trip_volunteer_fk", "UPDATE plan_trip SET volunteer_id = (SELECT id FROM volunteer WHERE region_id = "
                        + "(SELECT id FROM region WHERE code = 'other') LIMIT 1) WHERE id = " + trip),
                Arguments.of("plan_trip_external_id_unique", "UPDATE plan_trip SET external_id = 'trip-002' WHERE id = " + trip),
                Arguments.of("plan_stop_times_ordered", "UPDATE plan_stop SET departure_at = arrival_at - interval '1 second' WHERE id = " + stop),
                Arguments.of("stop_load_grams_positive", "UPDATE stop_load SET grams = 0 WHERE stop_id = " + stop),
                Arguments.of("stop_load_temperature_of_lot", "UPDATE stop_load SET temperature = 'FROZEN' WHERE stop_id = " + stop),
                Arguments.of("stop_load_kind_known", "UPDATE stop_load SET kind = 'THROW' WHERE stop_id = " + stop),
                Arguments.of("plan_allocation_grams_positive", "UPDATE plan_allocation SET grams = -1 WHERE plan_id = " + planId),
                Arguments.of("plan_allocation_for_a_recipient", "UPDATE plan_allocation SET recipient_id = " + hub + " WHERE plan_id = " + planId),
                Arguments.of("plan_allocation_parcel_unique", "UPDATE plan_allocation SET parcel_id = 'p-0001' WHERE plan_id = " + planId),
                // solve jobs
                Arguments.of("solve_job_progress_range", "UPDATE solve_job SET progress = 1.5"),
                Arguments.of("solve_job_status_known", "UPDATE solve_job SET status = 'PAUSED', ended_at = now()"),
                Arguments.of("solve_job_status_transition", "UPDATE solve_job SET status = 'SUCCEEDED', started_at = now(), ended_at = now()"),
                Arguments.of("solve_job_failed_has_error", "UPDATE solve_job SET status = 'FAILED', ended_at = now()"),
                Arguments.of("solve_job_ended_iff_finished", "UPDATE solve_job SET status = 'CANCELLED'"),
                Arguments.of("solve_job_one_active_per_plan", "INSERT INTO solve_job (plan_id) VALUES (" + planId + ")"),
                // travel matrix
                Arguments.of("travel_leg_km_not_negative", "INSERT INTO travel_place VALUES (" + REGION + ", 0, 'hub'); "
                        + "INSERT INTO travel_leg VALUES (" + REGION + ", 0, 0, -1, 0)"),
                Arguments.of("travel_leg_from_fk", "INSERT INTO travel_leg VALUES (" + REGION + ", 7, 7, 1, 1)"),
                Arguments.of("travel_source_sha256_hex", "INSERT INTO travel_source VALUES (" + REGION + ", 'andorra.osm.pbf', 'ABC')"),
                Arguments.of("travel_source_extract_not_blank", "INSERT INTO travel_source VALUES (" + REGION + ", ' ', '"
                        + "0".repeat(64) + "')"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void theDatabaseRefuses(String rule, String sql) {
        assertThatThrownBy(() -> db.dsl().transaction(cfg -> cfg.dsl().execute(sql)))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    ConstraintViolation violation = ConstraintViolation.of(e).orElseThrow(() -> new AssertionError("not a constraint violation", e));
                    assertThat(violation.constraint()).as(violation.getMessage()).isEqualTo(rule);
                    assertThat(violation.getMessage()).isNotBlank();
                });
    }

    @Test
    void theErrorsReadClearly() {
        Ledger ledger = new Ledger(db.dsl());

        assertThatThrownBy(() -> ledger.deliver("kirin", "lot-0004", "hub", "caf-001", -3, Operation.now("neg", "t")))
                .isInstanceOf(ConstraintViolation.class)
                .hasMessageContaining("violates check constraint \"stock_movement_grams_positive\"");
        assertThatThrownBy(() -> db.dsl().execute(lotRow("bad-7", "WARM", "1000", "USE_BY", "NULL")))
                .hasMessageContaining("value for domain temperature_class violates check constraint \"temperature_class_known\"");
        assertThatThrownBy(() -> ledger.log("kirin", "lot-0004", "caf-001", 1000, Operation.now("at-recipient", "t")))
                .hasMessageContaining("lot lot-0004 can only be logged at a donor, the hub or a depot, not at a recipient site");
    }
}
