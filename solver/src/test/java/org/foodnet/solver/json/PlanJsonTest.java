package org.foodnet.solver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {

    @TempDir
    Path dir;

    static Plan handMadePlan() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        PlannedStop pickup = new PlannedStop("donor-001", day.atTime(9, 20), day.atTime(9, 20), day.atTime(9, 30),
                List.of(new Movement(MovementKind.LOAD, "lot-0007", TemperatureClass.AMBIENT, 20_000, "p-1", "caf-001"),
                        new Movement(MovementKind.LOAD, "lot-0007", TemperatureClass.AMBIENT, 10_000, "p-2", "caf-002")));
        PlannedStop hub = new PlannedStop("hub", day.atTime(9, 52, 30), LocalDateTime.of(2026, 12, 4, 10, 0, 0, 125_000_000),
                day.atTime(10, 15), List.of(
                new Movement(MovementKind.UNLOAD, "lot-0007", TemperatureClass.AMBIENT, 30_000, "p-1", "caf-001"),
                new Movement(MovementKind.LOAD, "lot-0002", TemperatureClass.FROZEN, 4_500, "p-3", "caf-001")));
        PlannedStop depot = new PlannedStop("depot-tottori", day.atTime(10, 30), day.atTime(10, 30), day.atTime(10, 40),
                List.of(new Movement(MovementKind.UNLOAD, "lot-0002", TemperatureClass.FROZEN, 4_500, "p-3", "caf-001"),
                        new Movement(MovementKind.PASS, "lot-0007", TemperatureClass.AMBIENT, 10_000, "p-2", "caf-002")));
        PlannedTrip trip = new PlannedTrip("trip-001", "drv-001", "veh-001", day, day.atTime(9, 0), day.atTime(11, 5),
                List.of(pickup, hub, depot));
        PlannedTrip empty = new PlannedTrip("trip-002", "drv-002", "veh-002", day.plusDays(1), day.plusDays(1).atTime(13, 0),
                day.plusDays(1).atTime(13, 0), List.of());
        List<Allocation> allocations = List.of(
                new Allocation("p-1", "lot-0007", "caf-001", LocalDate.of(2026, 12, 5), 20_000, true),
                new Allocation("p-2", "lot-0007", "caf-002", LocalDate.of(2026, 12, 19), 10_000, false),
                new Allocation("p-3", "lot-0002", "caf-001", LocalDate.of(2026, 12, 5), 4_500, true));
        return new Plan("麒麟のまち デモ 2026-12 (seed 1)", YearMonth.of(2026, 12), "0hard/-120medium/-5400soft",
                List.of(trip, empty), allocations);
    }

    @Test
    void planRoundTripsThroughAFile() {
        Plan plan = handMadePlan();
        Path file = dir.resolve("plan.json");
        PlanJson.write(plan, file);
        assertThat(PlanJson.read(file)).isEqualTo(plan);
        String json = PlanJson.toJson(plan);
        assertThat(PlanJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x")).isEqualTo(plan);
        assertThat(PlanJson.read(new StringReader(json), "x")).isEqualTo(plan);
        assertThat(json)
                .contains("\"month\": \"2026-12\"")
                .contains("\"arrival\": \"2026-12-04T09:52:30\"")
                .contains("\"serviceStart\": \"2026-12-04T10:00:00.125\"")
                .contains("\"date\": \"2026-12-04\"")
                .contains("\"grams\": 4500")
                .contains("\"kind\": \"UNLOAD\"")
                .contains("\"kind\": \"PASS\"")
                .contains("\"planned\": false")
                .doesNotContain("null");
    }

    @Test
    void planWithoutScoreAndListsReadsAsEmpty() {
        Plan plan = PlanJson.fromJson("{\"networkName\": \"n\", \"month\": \"2026-12\"}");
        assertThat(plan.trips()).isEmpty();
        assertThat(plan.allocations()).isEmpty();
        assertThat(plan.score()).isNull();
        Plan back = PlanJson.fromJson(PlanJson.toJson(plan));
        assertThat(back).isEqualTo(plan);
    }

    @Test
    void badPlansGiveOneLineWithThePath() {
        String json = PlanJson.toJson(handMadePlan());
        assertThat(fail(json.replaceFirst("\"grams\": 4500", "\"grams\": -1")).getMessage())
                .startsWith("plan.json: trips[0].stops[1].movements[1].grams: movement of lot lot-0002: grams must be > 0");
        assertThat(fail(json.replaceFirst("\"kind\": \"LOAD\"", "\"kind\": \"PICKUP\"")).getMessage())
                .startsWith("plan.json: trips[0].stops[0].movements[0].kind: unknown value \"PICKUP\" (expected one of LOAD, UNLOAD, PASS)");
        assertThat(fail(json.replaceFirst(",\\s*\"parcelId\": \"p-1\"", "")).getMessage())
                .startsWith("plan.json: trips[0].stops[0].movements[0].parcelId: missing required field");
        assertThat(fail(json.replaceFirst("\"recipientId\": \"caf-001\"", "\"recipientId\": null")).getMessage())
                .startsWith("plan.json: trips[0].stops[0].movements[0].recipientId");
        assertThat(fail(json.replaceFirst("\"month\": \"2026-12\",", "")).getMessage())
                .startsWith("plan.json: month: missing required field");
        assertThat(fail(json.replaceFirst("\"servingDay\": \"2026-12-05\"", "\"servingDay\": \"5 Dec\"")).getMessage())
                .startsWith("plan.json: allocations[0].servingDay: invalid \"5 Dec\", expected an ISO date like \"2026-12-01\"");
        assertThat(fail(json.replaceFirst("\"driverId\": \"drv-001\",", "")).getMessage())
                .startsWith("plan.json: trips[0].driverId: missing required field");
        assertThat(fail(json.substring(0, json.length() / 2)).getMessage()).startsWith("plan.json: line ");
        assertThatThrownBy(() -> PlanJson.read(dir.resolve("none.json")))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("no such file");
    }

    private static InputFormatException fail(String json) {
        try {
            PlanJson.fromJson(json);
        } catch (InputFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("no InputFormatException for input");
    }
}
