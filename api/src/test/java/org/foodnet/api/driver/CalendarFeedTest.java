package org.foodnet.api.driver;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver's private calendar feed: fetched without any credentials (as a calendar app does, or curl) it holds that
 * driver's published trips and no one else's; renewing the token ends the old address (404).
 */
class CalendarFeedTest extends ApiTestBase {

    private static final Pattern UID = Pattern.compile("UID:trip-(\\d+)-(.+)@foodnet");

    private static List<String> uids(String ics) {
        List<String> found = new ArrayList<>();
        Matcher m = UID.matcher(ics.replace("\r\n ", ""));
        while (m.find()) {
            found.add(m.group(1) + "/" + m.group(2));
        }
        return found;
    }

    @Test
    void withoutCredentialsTheFeedHoldsOnlyThatDriversTrips_andARenewalEndsTheOldAddress() {
        Response started = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long planId = started.json().get("planId").asLong();
        awaitJob(coordinator, started.json().get("jobId").asLong(), Duration.ofSeconds(120));
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        JsonNode trips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips");
        // A short solve (or a loaded machine) may leave the demo volunteer without trips: the test signs in with an
        // account of its own for the volunteer with the most trips, so it never depends on how far the search got
        // (and leaves the shared demo accounts as they are).
        Map<String, Long> tripsPerDriver = new java.util.TreeMap<>();
        for (JsonNode t : trips) {
            if (!t.get("stops").isEmpty()) {
                tripsPerDriver.merge(t.get("driverId").asString(), 1L, Long::sum);
            }
        }
        assertThat(tripsPerDriver).as("the published plan has trips").isNotEmpty();
        String busiest = tripsPerDriver.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String username = "cal-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Response account = coordinator.post("/api/users", Map.of("username", username, "password", "calendar-feed-test",
                "role", "DRIVER", "driverId", busiest));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Http driver = coordinator.as(username, "calendar-feed-test");
        String me = driver.get("/api/me").json().get("driverId").asString();
        assertThat(me).isEqualTo(busiest);
        List<String> mine = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode t : trips) {
            String id = planId + "/" + t.get("id").asString();
            if (!t.get("driverId").asString().equals(me)) {
                others.add(id);
            } else if (!t.get("stops").isEmpty()) {
                mine.add(id);
            }
        }
        assertThat(mine).as("the demo driver has trips in the published plan").isNotEmpty();

        Response made = driver.post("/api/drivers/me/calendar-token", null);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String path = made.json().get("path").asString();
        assertThat(path).matches("/api/calendar/fnc_[A-Za-z0-9_-]{43}\\.ics");
        assertThat(made.json().get("url").asString()).isEqualTo("http://localhost:" + port + path);
        assertThat(made.json().get("driverId").asString()).isEqualTo(me);

        Http nobody = coordinator.anonymous();
        Response feed = nobody.get(path);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.header("content-type")).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
        // exactly the signed-in driver's own feed: their trips, no one else's
        assertThat(feed.body()).isEqualTo(driver.get("/api/drivers/me/calendar.ics").body());
        List<String> shown = uids(feed.body());
        assertThat(shown).containsAll(mine);
        // event titles in words, in the driver's language (ja unless their record says en): no trip ids
        List<String> titles = feed.body().replace("\r\n ", "").lines().filter(l -> l.startsWith("SUMMARY:")).toList();
        assertThat(titles).hasSize(shown.size());
        assertThat(titles).allMatch(l -> l.matches("SUMMARY:配送 \\d{1,2}:\\d{2} .+ → .+（\\d+ か所）"), "words like 配送 9:00 A → B（3 か所）")
                .noneMatch(l -> l.contains(me + "@"));
        assertThat(shown).doesNotContainAnyElementsOf(others);

        // renewed: the old address is gone, the new one works
        Response renewed = driver.post("/api/drivers/me/calendar-token", null);
        assertThat(renewed.status()).isEqualTo(201);
        String newPath = renewed.json().get("path").asString();
        assertThat(newPath).isNotEqualTo(path);
        Response old = nobody.get(path);
        assertThat(old.status()).isEqualTo(404);
        assertThat(old.header("content-type")).startsWith("application/problem+json");
        assertThat(nobody.get(newPath).body()).isEqualTo(feed.body());
        // unknown or malformed tokens: 404 as well
        assertThat(nobody.get("/api/calendar/fnc_" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
        assertThat(nobody.get("/api/calendar/nonsense.ics").status()).isEqualTo(404);

        // a coordinator makes one for another driver: that driver's trips only; a driver may not for someone else
        String other = trips.valueStream().map(t -> t.get("driverId").asString()).filter(d -> !d.equals(me)).findFirst().orElse("drv-002");
        Response theirs = coordinator.post("/api/drivers/" + other + "/calendar-token", null);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        List<String> theirUids = uids(nobody.get(theirs.json().get("path").asString()).body());
        assertThat(theirUids).doesNotContainAnyElementsOf(mine);
        assertThat(driver.post("/api/drivers/" + other + "/calendar-token", null).status()).isEqualTo(403);
        // the driver's own feed still works: one token per driver
        assertThat(nobody.get(newPath).status()).isEqualTo(200);
    }
}
