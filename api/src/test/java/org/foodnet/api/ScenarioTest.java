package org.foodnet.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.foodnet.api.Http.Response;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.network.NetworkRepository;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month of the 麒麟のまち demo network, end to end over HTTP on a real PostgreSQL, as numbered use cases.
 * "Today" is 2026-12-10 in Tokyo.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioTest extends ApiTestBase {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioTest.class);
    private static final YearMonth MONTH = YearMonth.of(2026, 12);

    private static String donationLot;
    private static long planId;
    private static JsonNode publishedTrips;
    private static String routeDriver;
    private static String cancellingDriver;
    private static LocalDate cancelledDay;
    private static long replanId;

    @Autowired
    Ledger ledger;
    @Autowired
    NetworkRepository networks;

    private Map<String, Object> donation(String siteId, long grams) {
        return Map.of("siteId", siteId, "category", "rice", "temperature", "AMBIENT", "grams", grams,
                "expiryDate", "2027-03-31", "expiryKind", "BEST_BEFORE");
    }

    @Test
    @Order(1)
    void uc1_organizerLogsDonationsAndARetryMakesNoSecondDonation() {
        Response first = organizer.post("/api/donations", donation("hub", 12_500), "Idempotency-Key", "scenario-rice-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        donationLot = first.json().get("lotId").asString();
        assertThat(first.header("location")).isEqualTo("/api/donations/" + donationLot);
        assertThat(first.header("idempotent-replayed")).isEqualTo("false");

        Response retry = organizer.post("/api/donations", donation("hub", 12_500), "Idempotency-Key", "scenario-rice-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("lotId").asString()).isEqualTo(donationLot);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");

        Response other = organizer.post("/api/donations", donation("hub", 8_000), "Idempotency-Key", "scenario-rice-2");
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("lotId").asString()).isNotEqualTo(donationLot);

        Response sameKeyOtherBody = organizer.post("/api/donations", donation("hub", 9_999), "Idempotency-Key", "scenario-rice-1");
        assertProblem(sameKeyOtherBody, 422, "Idempotency-Key");

        List<String> mine = new ArrayList<>();
        organizer.get("/api/donations").json().forEach(d -> mine.add(d.get("lotId").asString()));
        assertThat(mine.stream().filter(donationLot::equals)).hasSize(1);
        assertThat(ledger.entriesOf("kirin", donationLot)).filteredOn(e -> e.kind() == EntryKind.LOGGED).hasSize(1);
    }

    @Test
    @Order(2)
    void uc2_organizerCorrectsTheirOwnLogAsALedgerEntry() {
        Response corrected = organizer.post("/api/donations/" + donationLot + "/corrections",
                Map.of("deltaGrams", -500, "reason", "weighed again: 12 kg"), "Idempotency-Key", "fix-1");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.json().get("grams").asLong()).isEqualTo(12_000);
        assertThat(corrected.json().get("ledger")).hasSize(2);
        // a retried correction is applied once
        organizer.post("/api/donations/" + donationLot + "/corrections",
                Map.of("deltaGrams", -500, "reason", "weighed again: 12 kg"), "Idempotency-Key", "fix-1");
        assertThat(organizer.get("/api/donations/" + donationLot).json().get("grams").asLong()).isEqualTo(12_000);

        coordinator.post("/api/users", Map.of("username", "organizer2", "password", "organizer2-pw", "role", "ORGANIZER"));
        Http other = organizer.as("organizer2", "organizer2-pw");
        assertProblem(other.get("/api/donations/" + donationLot), 404, null);
        assertThat(other.get("/api/donations").json()).isEmpty();
    }

    @Test
    @Order(3)
    void uc3_coordinatorPlansTheMonthAndWatchesProgress() {
        Instant posted = Instant.now();
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 6));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long jobId = accepted.json().get("jobId").asLong();
        planId = accepted.json().get("planId").asLong();
        assertThat(accepted.header("location")).isEqualTo("/api/jobs/" + jobId);

        String events = coordinator.events("/api/jobs/" + jobId + "/events", Duration.ofSeconds(60));
        assertThat(events).contains("event:progress").contains("\"feasible\":true").contains("event:end");

        Response job = awaitJob(coordinator, jobId, Duration.ofSeconds(30));
        assertThat(job.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.json().get("feasible").asBoolean()).isTrue();
        JsonNode firstFeasible = null;
        for (JsonNode p : job.json().get("scores")) {
            if (p.get("feasible").asBoolean()) {
                firstFeasible = p;
                break;
            }
        }
        assertThat(firstFeasible).isNotNull();
        long ms = Duration.between(posted, OffsetDateTime.parse(firstFeasible.get("at").asString()).toInstant()).toMillis();
        LOG.info("Demo network: POST /api/plans -> first feasible plan stored after {} ms (stored each 1 s)", ms);
    }

    @Test
    @Order(4)
    void uc4_coordinatorReadsThePlanWithItsScoreExplainedInWords() {
        Response plan = coordinator.get("/api/plans/" + planId);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json().get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan.json().get("summary").get("feasible").asBoolean()).isTrue();
        assertThat(plan.json().get("plan").get("trips").size()).isPositive();

        Response explanation = coordinator.get("/api/plans/" + planId + "/explanation");
        assertThat(explanation.status()).isEqualTo(200);
        JsonNode e = explanation.json();
        assertThat(e.get("feasible").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        e.get("constraints").forEach(c -> names.add(c.get("name").asString()));
        assertThat(names).containsAll(org.foodnet.solver.constraint.FoodnetConstraints.NAMES);
        JsonNode driving = null;
        for (JsonNode c : e.get("constraints")) {
            if (c.get("name").asString().equals("Driving time")) {
                driving = c;
            }
        }
        assertThat(driving.get("details").get(0).asString()).startsWith("Trip ").contains(" on 2026-12-");
        assertThat(e.get("recipients").size()).isPositive();
    }

    @Test
    @Order(5)
    void uc5_coordinatorPublishesThePlan() {
        Response published = coordinator.post("/api/plans/" + planId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        publishedTrips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips");
        assertProblem(coordinator.post("/api/plans/" + planId + "/publish", null), 409, null);
    }

    @Test
    @Order(6)
    void uc6_driverFetchesTheirRouteSheetAsJsonHtmlAndICalendar() {
        // the trips up to today were driven: their drivers ticked each stop as they went, so the ledger gets the
        // stops in time order across trips and every unload finds its food there (whole trips confirmed after
        // the fact in any order can meet a load whose food another unconfirmed trip brought: StopDoneTest)
        List<JsonNode> past = new ArrayList<>();
        publishedTrips.forEach(t -> {
            if (!LocalDate.parse(t.get("date").asString()).isAfter(TODAY.toLocalDate())) {
                past.add(t);
            }
        });
        int total = past.size();
        List<Object[]> ticks = new ArrayList<>();
        for (JsonNode t : past) {
            for (int i = 0; i < t.get("stops").size(); i++) {
                JsonNode stop = t.get("stops").get(i);
                ticks.add(new Object[] {t, i + 1, stop.get("serviceStart").asString() + "|" + stop.get("departure").asString()});
            }
        }
        ticks.sort(java.util.Comparator.comparing(x -> (String) x[2]));
        for (Object[] tick : ticks) {
            JsonNode t = (JsonNode) tick[0];
            Response done = coordinator.post("/api/drivers/" + t.get("driverId").asString() + "/trips/" + planId + "/"
                    + t.get("id").asString() + "/stops/" + tick[1] + "/done", null);
            assertThat(done.status()).as("stop %s of %s: %s", tick[1], t.get("id").asString(), done).isEqualTo(200);
        }
        List<JsonNode> confirmed = new ArrayList<>();
        for (JsonNode t : past) {
            // every stop ticked: the trip is done, and confirming the whole trip returns the rows its stops wrote
            Response again = coordinator.post("/api/drivers/" + t.get("driverId").asString() + "/trips/" + planId + "/"
                    + t.get("id").asString() + "/done", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            if (t.toString().contains("UNLOAD")) {
                assertThat(again.json().size()).as(t.get("id").asString()).isPositive();
            }
            confirmed.add(t);
        }
        LOG.info("{} past trips ticked stop by stop ({} stops)", total, ticks.size());
        assertThat(confirmed).hasSize(total).isNotEmpty();

        // a volunteer with a trip on or before today that delivered to a recipient
        JsonNode trip = null;
        for (JsonNode t : confirmed) {
            if (t.toString().contains("UNLOAD") && t.toString().contains("\"siteId\":\"caf-")) {
                trip = t;
                break;
            }
        }
        assertThat(trip).as("a confirmed trip on or before today").isNotNull();
        routeDriver = trip.get("driverId").asString();
        coordinator.post("/api/users", Map.of("username", "route-driver", "password", "route-driver-pw", "role", "DRIVER",
                "driverId", routeDriver));
        Http me = driver.as("route-driver", "route-driver-pw");

        Response json = me.get("/api/drivers/me/route-sheet?month=2026-12");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        JsonNode sheet = json.json();
        long expected = 0;
        for (JsonNode t : publishedTrips) {
            expected += t.get("driverId").asString().equals(routeDriver) ? 1 : 0;
        }
        assertThat(sheet.get("trips").size()).isEqualTo((int) expected);
        JsonNode stop = sheet.get("trips").get(0).get("stops").get(0);
        assertThat(stop.get("address").asString()).isNotBlank();
        assertThat(stop.get("mapUrl").asString()).startsWith("https://www.google.com/maps/");
        assertThat(sheet.get("totals").get("trips").asInt()).isEqualTo((int) expected);

        Response day = me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString());
        assertThat(day.json().get("trips").size()).isPositive();

        Response ja = me.get("/api/drivers/me/route-sheet.html?month=2026-12", "Accept-Language", "ja-JP,ja;q=0.9");
        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.header("content-type")).startsWith("text/html");
        assertThat(ja.body()).contains("配送表").contains("@page").contains("size:A4").contains("冷蔵");
        Response en = me.get("/api/drivers/me/route-sheet.html?month=2026-12", "Accept-Language", "en");
        assertThat(en.body()).contains("Route sheet").doesNotContain("配送表");

        Response ics = me.get("/api/drivers/me/calendar.ics?month=2026-12");
        assertThat(ics.header("content-type")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("END:VCALENDAR");
        assertThat(ics.body().split("BEGIN:VEVENT", -1)).hasSize((int) expected + 1);

        String someoneElse = publishedTrips.get(0).get("driverId").asString().equals(routeDriver) ? "drv-999" : publishedTrips.get(0).get("driverId").asString();
        assertProblem(me.get("/api/drivers/" + someoneElse + "/route-sheet?month=2026-12"), 403, null);

        // the driver confirming their own trip again writes nothing new
        String path = "/api/drivers/me/trips/" + planId + "/" + trip.get("id").asString() + "/done";
        Response again = me.post(path, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get(0).get("operationId").asString()).startsWith("trip-done:" + trip.get("id").asString());
        assertThat(me.get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json().get("trips").get(0)
                .get("done").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void uc7_aVolunteerCancelsADay() {
        JsonNode later = null;
        for (JsonNode t : publishedTrips) {
            if (LocalDate.parse(t.get("date").asString()).isAfter(TODAY.toLocalDate().plusDays(2))) {
                later = t;
                break;
            }
        }
        assertThat(later).isNotNull();
        cancellingDriver = later.get("driverId").asString();
        cancelledDay = LocalDate.parse(later.get("date").asString());
        coordinator.post("/api/users", Map.of("username", "cancelling", "password", "cancelling-pw", "role", "DRIVER",
                "driverId", cancellingDriver));
        Http volunteer = driver.as("cancelling", "cancelling-pw");
        Response cancelled = volunteer.delete("/api/volunteers/me/slots/" + cancelledDay);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        JsonNode slots = volunteer.get("/api/volunteers/me/slots?month=2026-12").json();
        slots.forEach(s -> assertThat(s.get("date").asString()).isNotEqualTo(cancelledDay.toString()));
        assertProblem(volunteer.delete("/api/volunteers/me/slots/" + cancelledDay), 404, null);
    }

    @Test
    @Order(8)
    void uc8_coordinatorReplansAndPublishedPastTripsStayUnchanged() {
        Response accepted = coordinator.post("/api/plans/" + planId + "/replan", Map.of("timeLimitSeconds", 5));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        replanId = accepted.json().get("planId").asLong();
        Response job = awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(60));
        assertThat(job.json().get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");

        JsonNode replan = coordinator.get("/api/plans/" + replanId).json();
        assertThat(replan.get("replanOf").asLong()).isEqualTo(planId);
        assertThat(replan.get("fixedThrough").asString()).isEqualTo("2026-12-10");
        List<String> before = new ArrayList<>();
        for (JsonNode t : publishedTrips) {
            if (!LocalDate.parse(t.get("date").asString()).isAfter(TODAY.toLocalDate())) {
                before.add(t.toString());
            }
        }
        List<String> after = new ArrayList<>();
        for (JsonNode t : replan.get("plan").get("trips")) {
            LocalDate date = LocalDate.parse(t.get("date").asString());
            if (!date.isAfter(TODAY.toLocalDate())) {
                after.add(t.toString());
            }
            if (date.equals(cancelledDay)) {
                assertThat(t.get("driverId").asString()).isNotEqualTo(cancellingDriver);
            }
        }
        java.util.Collections.sort(before);
        java.util.Collections.sort(after);
        assertThat(after).isEqualTo(before);
        assertThat(replan.get("summary").get("feasible").asBoolean()).as(replan.get("summary") + " "
                + coordinator.get("/api/plans/" + replanId + "/explanation").body()).isTrue();

        Response published = coordinator.post("/api/plans/" + replanId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/plans/" + planId).json().get("status").asString()).isEqualTo("ARCHIVED");
    }

    @Test
    @Order(9)
    void uc9_theMonthReportAgreesWithTheLedger() {
        Response report = coordinator.get("/api/reports/2026-12");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("publishedPlanId").asLong()).isEqualTo(replanId);
        // the demo network leaves no need unreachable; the field is there for the coordinator when one is
        assertThat(r.get("unreachableNeeds").isArray()).as(report.toString()).isTrue();
        assertThat(r.get("unreachableNeeds").size()).isZero();

        long deliveredGrams = 0;
        long loggedGrams = 0;
        Instant start = MONTH.atDay(1).atStartOfDay(TOKYO).toInstant();
        Instant end = MONTH.plusMonths(1).atDay(1).atStartOfDay(TOKYO).toInstant();
        java.util.Set<String> lots = new java.util.HashSet<>();
        networks.load("kirin", MONTH).orElseThrow().lots().forEach(l -> lots.add(l.id().contains("@") ? l.id().substring(0, l.id().lastIndexOf('@')) : l.id()));
        for (String lot : lots) {
            for (LedgerEntry e : ledger.entriesOf("kirin", lot)) {
                if (!e.occurredAt().isBefore(start) && e.occurredAt().isBefore(end)) {
                    deliveredGrams += e.kind() == EntryKind.DELIVERED ? e.grams() : 0;
                    loggedGrams += e.kind() == EntryKind.LOGGED ? e.grams() : 0;
                }
            }
        }
        assertThat(deliveredGrams).isPositive();
        assertThat(r.get("totals").get("deliveredKg").asDouble()).isEqualTo(deliveredGrams / 1000.0);
        assertThat(r.get("ledger").get("deliveredKg").asDouble()).isEqualTo(deliveredGrams / 1000.0);
        assertThat(r.get("ledger").get("loggedKg").asDouble()).isEqualTo(loggedGrams / 1000.0);
        double perRecipient = 0;
        for (JsonNode rec : r.get("recipients")) {
            perRecipient += rec.get("deliveredKg").asDouble();
        }
        assertThat(perRecipient).isCloseTo(deliveredGrams / 1000.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(r.get("totals").get("trips").asInt()).isPositive();
        assertThat(r.get("totals").get("km").asDouble()).isPositive();
        assertThat(r.get("totals").get("volunteerHours").asDouble()).isPositive();
        // the trips confirmed belong to the published plan's fixed part: the re-plan keeps them (and their ids)
        assertThat(r.get("totals").get("tripsDone").asInt()).isPositive();
    }

    @Test
    @Order(10)
    void uc10_aFreshPlanMidMonthStartsFromTheLedger_whereConfirmedTripsLeftTheFood() {
        // the ledger now: stock per (lot, site), and what recipients got in December
        Map<String, Long> stock = new java.util.HashMap<>();
        stockLedger.stock("kirin").forEach(site -> site.lines().forEach(l -> stock.put(l.lotId() + "|" + l.siteId(), l.grams())));
        var opening = networks.load("kirin", MONTH).orElseThrow();
        Map<String, org.foodnet.solver.domain.TemperatureClass> temperature = new java.util.HashMap<>();
        opening.lots().forEach(l -> temperature.put(base(l.id()), l.temperature()));
        Instant start = MONTH.atDay(1).atStartOfDay(TOKYO).toInstant();
        Map<String, long[]> got = new java.util.HashMap<>();
        java.util.Set<String> movedByTrips = new java.util.HashSet<>(); // lot|site that a confirmed trip brought food to
        for (String lot : temperature.keySet()) {
            for (LedgerEntry e : ledger.entriesOf("kirin", lot)) {
                if (e.kind() == EntryKind.DELIVERED && !e.occurredAt().isBefore(start)) {
                    got.computeIfAbsent(e.recipientId(), k -> new long[3])[temperature.get(lot).ordinal()] += e.grams();
                }
                if (e.operationId().startsWith("trip-done:") && e.toSiteId() != null) {
                    movedByTrips.add(lot + "|" + e.toSiteId());
                }
            }
        }
        assertThat(got).as("deliveries confirmed in December").isNotEmpty();
        assertThat(movedByTrips).as("food brought to the hub or a depot by confirmed trips").isNotEmpty();
        // what the month's opening stock would have planned with differs from the ledger now
        Map<String, Long> openingStock = new java.util.HashMap<>();
        opening.lots().forEach(l -> openingStock.merge(base(l.id()) + "|" + l.siteId(), l.grams(), Long::sum));
        assertThat(openingStock).isNotEqualTo(stock);

        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 6));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long freshId = accepted.json().get("planId").asLong();
        Response job = awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(90));
        assertThat(job.json().get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.json().get("feasible").asBoolean()).as(job.toString()).isTrue();
        JsonNode fresh = coordinator.get("/api/plans/" + freshId).json();
        assertThat(fresh.get("replanOf").isNull()).isTrue();
        assertThat(fresh.get("ledgerThrough").asLong()).isPositive();
        assertThat(fresh.get("fixedThrough").asString()).isEqualTo("2026-12-10");
        // checked independently against where it started: no stock taken that is not there
        assertThat(fresh.get("summary").get("feasible").asBoolean()).as(fresh.get("summary").toString()).isTrue();
        JsonNode trips = fresh.get("plan").get("trips");
        assertThat(trips.size()).isPositive();

        // (a) nothing planned on or before today; no lot loaded at a site beyond what the ledger has there plus
        // what the plan itself brings there first
        Map<String, Long> loaded = new java.util.HashMap<>();
        Map<String, Long> unloaded = new java.util.HashMap<>();
        Map<String, long[]> planned = new java.util.HashMap<>();
        for (JsonNode t : trips) {
            assertThat(LocalDate.parse(t.get("date").asString())).isAfter(TODAY.toLocalDate());
            for (JsonNode stop : t.get("stops")) {
                String site = stop.get("siteId").asString();
                for (JsonNode m : stop.get("movements")) {
                    String key = base(m.get("lotId").asString()) + "|" + site;
                    long grams = m.get("grams").asLong();
                    if (m.get("kind").asString().equals("PASS")) {
                        continue; // stays on board: neither taken from nor left at the site
                    }
                    (m.get("kind").asString().equals("LOAD") ? loaded : unloaded).merge(key, grams, Long::sum);
                    if (m.get("kind").asString().equals("UNLOAD") && m.hasNonNull("recipientId")
                            && m.get("recipientId").asString().equals(site)) {
                        planned.computeIfAbsent(site, k -> new long[3])[
                                org.foodnet.solver.domain.TemperatureClass.valueOf(m.get("temperature").asString()).ordinal()] += grams;
                    }
                }
            }
        }
        loaded.forEach((key, grams) -> assertThat(grams).as("loaded %s", key)
                .isLessThanOrEqualTo(stock.getOrDefault(key, 0L) + unloaded.getOrDefault(key, 0L)));

        // (c) what recipients got is not planned again: their needs are the rest of the month's
        Map<String, Double> needKg = new java.util.HashMap<>();
        coordinator.get("/api/plans/" + freshId + "/explanation").json().get("recipients")
                .forEach(r -> needKg.put(r.get("id").asString(), r.get("needKg").asDouble()));
        for (var need : opening.needs()) {
            long[] had = got.getOrDefault(need.recipientId(), new long[3]);
            long left = need.servingDays().stream().noneMatch(d -> d.isAfter(TODAY.toLocalDate())) ? 0
                    : Math.max(0, need.monthlyNeed().ambientGrams() - had[0]) + Math.max(0, need.monthlyNeed().chilledGrams() - had[1])
                    + Math.max(0, need.monthlyNeed().frozenGrams() - had[2]);
            assertThat(needKg.get(need.recipientId())).as("need left of %s", need.recipientId()).isEqualTo(left / 1000.0);
            long[] p = planned.getOrDefault(need.recipientId(), new long[3]);
            if (left == 0 && opening.lots().stream().noneMatch(l -> need.recipientId().equals(l.earmarkedFor()))) {
                assertThat(p[0] + p[1] + p[2]).as("planned to %s, whose need is met", need.recipientId()).isZero();
            }
        }
        assertThat(got.keySet()).anySatisfy(r -> assertThat(needKg.get(r)).isLessThan(
                opening.needs().stream().filter(n -> n.recipientId().equals(r)).findFirst().orElseThrow().monthlyNeed().totalGrams() / 1000.0));

        // (b) published, a trip that loads food a confirmed trip brought to the hub or a depot is confirmed done
        assertThat(coordinator.post("/api/plans/" + freshId + "/publish", null).status()).isEqualTo(200);
        JsonNode chosen = null;
        for (JsonNode t : trips) {
            boolean usesMoved = false;
            boolean onHand = true;
            for (JsonNode stop : t.get("stops")) {
                Map<String, Long> here = new java.util.HashMap<>();
                for (JsonNode m : stop.get("movements")) {
                    if (m.get("kind").asString().equals("LOAD")) {
                        here.merge(base(m.get("lotId").asString()) + "|" + stop.get("siteId").asString(), m.get("grams").asLong(), Long::sum);
                    }
                }
                for (var e : here.entrySet()) {
                    usesMoved |= movedByTrips.contains(e.getKey());
                    onHand &= e.getValue() <= stock.getOrDefault(e.getKey(), 0L);
                }
            }
            if (usesMoved && onHand && (chosen == null || t.get("start").asString().compareTo(chosen.get("start").asString()) < 0)) {
                chosen = t;
            }
        }
        assertThat(chosen).as("a trip of the fresh plan loading food that confirmed trips moved").isNotNull();
        Response done = coordinator.post("/api/drivers/" + chosen.get("driverId").asString() + "/trips/" + freshId + "/"
                + chosen.get("id").asString() + "/done", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().size()).isPositive();
        assertThat(done.json().valueStream()).allSatisfy(e -> assertThat(e.get("replayed").asBoolean()).isFalse());
    }

    private static String base(String lotId) {
        int at = lotId.lastIndexOf('@');
        return at > 0 ? lotId.substring(0, at) : lotId;
    }
}
