package org.foodnet.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.foodnet.api.Http.Response;
import org.foodnet.data.stock.LedgerEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver ticks single stops done: the food unloaded there goes to the stock ledger once, the route sheet shows
 * the stop done, and "trip done" afterwards writes only the rest.
 */
class StopDoneTest extends ApiTestBase {

    @Test
    void aDriverTicksOneStop_itsUnloadsAreInTheLedgerOnce_andTheRestOfTheTripLater() {
        long planId = solvedAndPublished();

        // a trip with a stop after the first that unloads food
        JsonNode trip = independentTrip(planId, t -> IntStream.range(1, t.get("stops").size())
                .anyMatch(i -> !unloads(t.get("stops").get(i)).isEmpty()));
        JsonNode stops = trip.get("stops");
        int index = IntStream.range(1, stops.size()).filter(i -> !unloads(stops.get(i)).isEmpty()).findFirst().orElseThrow();
        int number = index + 1;
        String tripId = trip.get("id").asString();
        String driverId = trip.get("driverId").asString();
        String user = "stops-" + driverId;
        if (coordinator.get("/api/users").body().indexOf("\"" + user + "\"") < 0) {
            assertThat(coordinator.post("/api/users", Map.of("username", user, "password", "stops-driver-pw",
                    "role", "DRIVER", "driverId", driverId)).status()).isEqualTo(201);
        }
        Http me = driver.as(user, "stops-driver-pw");
        String base = "/api/drivers/me/trips/" + planId + "/" + tripId;

        Response ticked = me.post(base + "/stops/" + number + "/done", null);
        assertThat(ticked.status()).as(ticked.toString()).isEqualTo(200);
        List<Long> sequences = ticked.json().valueStream().map(e -> e.get("sequence").asLong()).toList();
        assertThat(ticked.json().valueStream()).allSatisfy(e -> {
            assertThat(e.get("operationId").asString()).startsWith("trip-done:" + tripId + "/");
            assertThat(e.get("replayed").asBoolean()).isFalse();
        });
        // the ledger holds exactly this stop's unloads for the trip, nothing of its other stops
        List<LedgerEntry> rows = rowsOfTrip(trip);
        assertThat(rows).extracting(LedgerEntry::sequence).containsExactlyInAnyOrderElementsOf(sequences);
        assertThat(byLot(rows)).isEqualTo(unloads(stops.get(index)));
        String site = stops.get(index).get("siteId").asString();
        assertThat(rows).allSatisfy(e -> assertThat(site).isIn(e.toSiteId(), e.recipientId()));

        // ticking again records nothing new
        Response again = me.post(base + "/stops/" + number + "/done", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().valueStream().map(e -> e.get("sequence").asLong()).toList()).isEqualTo(sequences);
        assertThat(again.json().valueStream()).allSatisfy(e -> assertThat(e.get("replayed").asBoolean()).isTrue());
        assertThat(rowsOfTrip(trip)).hasSize(rows.size());

        // the route sheet shows the stop done, the others and the trip not
        JsonNode sheetTrip = me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json().get("trips")
                .valueStream().filter(t -> t.get("tripId").asString().equals(tripId)).findFirst().orElseThrow();
        assertThat(sheetTrip.get("done").asBoolean()).isFalse();
        assertThat(sheetTrip.get("stops").valueStream().map(s -> s.get("done").asBoolean()).toList())
                .isEqualTo(IntStream.range(0, stops.size()).mapToObj(i -> i == index).toList());
        assertThat(sheetTrip.get("stops").get(index).get("doneAt").asString()).startsWith("2026-12-10T10:00");

        // bad stop numbers name the field; another driver may not tick it
        assertProblem(me.post(base + "/stops/0/done", null), 400, "stop");
        assertProblem(me.post(base + "/stops/" + (stops.size() + 1) + "/done", null), 400, "stop");
        assertProblem(me.post(base + "/stops/x/done", null), 400, "stop");
        Http other = driverId.equals("drv-001") ? coordinator.as("route-other", "route-other-pw") : driver;
        if (driverId.equals("drv-001") && coordinator.get("/api/users").body().indexOf("\"route-other\"") < 0) {
            coordinator.post("/api/users", Map.of("username", "route-other", "password", "route-other-pw", "role", "DRIVER",
                    "driverId", "drv-002"));
        }
        assertProblem(other.post("/api/drivers/" + driverId + "/trips/" + planId + "/" + tripId + "/stops/" + number + "/done",
                null), 403, null);
        assertProblem(other.post("/api/drivers/me/trips/" + planId + "/" + tripId + "/stops/" + number + "/done", null), 404, null);
        assertThat(rowsOfTrip(trip)).hasSize(rows.size());

        // the whole trip: the rest is written, the ticked stop's rows stay as they were
        Response done = me.post(base + "/done", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        List<LedgerEntry> all = rowsOfTrip(trip);
        assertThat(all).extracting(LedgerEntry::sequence).containsAll(sequences).doesNotHaveDuplicates();
        assertThat(all.stream().map(LedgerEntry::operationId).distinct().count()).isEqualTo(all.size());
        Map<String, Long> unloaded = new HashMap<>();
        stops.valueStream().forEach(s -> unloads(s).forEach((lot, g) -> unloaded.merge(lot, g, Long::sum)));
        assertThat(byLot(all)).isEqualTo(new TreeMap<>(unloaded));
        sheetTrip = me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json().get("trips")
                .valueStream().filter(t -> t.get("tripId").asString().equals(tripId)).findFirst().orElseThrow();
        assertThat(sheetTrip.get("done").asBoolean()).isTrue();
        assertThat(sheetTrip.get("stops").valueStream()).allSatisfy(s -> assertThat(s.get("done").asBoolean()).isTrue());
    }

    private static boolean passOnly(JsonNode stop) {
        return stop.get("movements").size() > 0 && stop.get("movements").valueStream()
                .allMatch(m -> m.get("kind").asString().equals("PASS"));
    }

    @Test
    void aStopWhereFoodOnlyPassesIsOnTheRouteSheet_andTickingItWritesNothingToTheLedger() {
        long planId = solvedAndPublished();

        // a trip after today with a stop where food only passes (ticking it writes nothing, whatever other trips did)
        String today = TODAY.toLocalDate().toString();
        List<JsonNode> trips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips").valueStream()
                .filter(t -> t.get("date").asString().compareTo(today) > 0).toList();
        JsonNode trip = trips.stream().filter(t -> t.get("stops").valueStream().anyMatch(StopDoneTest::passOnly))
                .findFirst().orElseThrow(() -> new AssertionError("no stop where food only passes after today"));
        JsonNode stops = trip.get("stops");
        int index = IntStream.range(0, stops.size()).filter(i -> passOnly(stops.get(i))).findFirst().orElseThrow();
        JsonNode pass = stops.get(index).get("movements").get(0);
        String tripId = trip.get("id").asString();
        String driverId = trip.get("driverId").asString();
        String user = "pass-" + driverId;
        if (coordinator.get("/api/users").body().indexOf("\"" + user + "\"") < 0) {
            assertThat(coordinator.post("/api/users", Map.of("username", user, "password", "pass-driver-pw",
                    "role", "DRIVER", "driverId", driverId)).status()).isEqualTo(201);
        }
        Http me = driver.as(user, "pass-driver-pw");

        // the route sheet has the stop, with its times, nothing to load or unload and the food staying on board
        JsonNode sheetTrip = me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json().get("trips")
                .valueStream().filter(t -> t.get("tripId").asString().equals(tripId)).findFirst().orElseThrow();
        JsonNode sheetStop = sheetTrip.get("stops").get(index);
        assertThat(sheetTrip.get("stops").size()).isEqualTo(stops.size());
        assertThat(sheetStop.get("siteId").asString()).isEqualTo(stops.get(index).get("siteId").asString());
        assertThat(sheetStop.get("arrival").asString()).startsWith(stops.get(index).get("arrival").asString().substring(0, 16));
        assertThat(sheetStop.get("load").size()).isZero();
        assertThat(sheetStop.get("unload").size()).isZero();
        assertThat(sheetStop.get("stayOnBoard").valueStream().map(i -> i.get("lotId").asString()))
                .contains(pass.get("lotId").asString());
        assertThat(sheetStop.get("stayOnBoard").get(0).get("recipientName").asString()).isNotBlank();
        String html = me.get("/api/drivers/me/route-sheet.html?date=" + trip.get("date").asString(), "Accept-Language", "en")
                .body();
        assertThat(html).contains("Stop here; nothing to load or unload", "Stays on board");

        // ticking it records nothing, and the route sheet shows it done
        int rowsBefore = rowsOfTrip(trip).size();
        Response ticked = me.post("/api/drivers/me/trips/" + planId + "/" + tripId + "/stops/" + (index + 1) + "/done", null);
        assertThat(ticked.status()).as(ticked.toString()).isEqualTo(200);
        assertThat(ticked.json().size()).isZero();
        assertThat(rowsOfTrip(trip)).hasSize(rowsBefore);
        sheetTrip = me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json().get("trips")
                .valueStream().filter(t -> t.get("tripId").asString().equals(tripId)).findFirst().orElseThrow();
        assertThat(sheetTrip.get("stops").get(index).get("done").asBoolean()).isTrue();
    }

    /** A plan of the month solved for 3 s and published; its id. */
    private long solvedAndPublished() {
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long planId = accepted.json().get("planId").asLong();
        Response job = awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(60));
        assertThat(job.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        return planId;
    }
}
