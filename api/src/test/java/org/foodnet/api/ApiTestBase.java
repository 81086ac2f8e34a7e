package org.foodnet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Predicate;

import org.foodnet.api.Http.Response;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context (and one embedded PostgreSQL in a temp directory) for all HTTP tests that extend this:
 * the demo network and logins, a fixed "today" of 2026-12-10 10:00 in Tokyo, short solver time limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foodnet.demo=true",
        "foodnet.solver.default-time-limit=4s",
        "foodnet.solver.store-every=1s",
        "foodnet.solver.parallelism=1",
        "foodnet.max-body-bytes=200000",
        "logging.structured.format.console=",
        "logging.level.org.foodnet=info"})
@Import(ApiTestBase.TestClock.class)
public abstract class ApiTestBase {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final LocalDateTime TODAY = LocalDateTime.of(2026, 12, 10, 10, 0);
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Ledger stockLedger;

    protected Http coordinator;
    protected Http organizer;
    protected Http driver;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("foodnet.data.dir", DATA_DIR::toString);
    }

    @BeforeEach
    void clients() {
        coordinator = new Http(port, "coordinator", "demo-coordinator");
        organizer = coordinator.as("organizer", "demo-organizer");
        driver = coordinator.as("driver", "demo-driver");
        clock.set(TODAY.atZone(TOKYO).toInstant());
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("foodnet-api-test");
            dir.toFile().deleteOnExit();
            return dir.resolve("pgdata");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A clock tests can set. */
    public static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    /** Polls a job until it has ended. */
    protected Response awaitJob(Http as, long jobId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response job = as.get("/api/jobs/" + jobId);
            assertThat(job.status()).as(job.toString()).isEqualTo(200);
            String status = job.json().get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + jobId + " still " + status + " after " + timeout);
            }
            sleep(250);
        }
    }

    /**
     * A trip of a December plan after "today" that loads only at donors, so that confirming it (or its stops)
     * depends on no other trip: no trip of the shared database has been confirmed under its id (trip ids name
     * driver, day and slot, so they repeat across plans), none of its lots has been moved by a confirmed trip,
     * and no trip up to today of any December plan loads them (other test classes may confirm those).
     */
    protected JsonNode independentTrip(long planId, Predicate<JsonNode> also) {
        String today = TODAY.toLocalDate().toString();
        Set<String> donors = new HashSet<>();
        coordinator.get("/api/sites").json().valueStream()
                .filter(s -> List.of("SUPERMARKET", "FARM", "COMPANY", "FOOD_DRIVE_POINT", "INDIVIDUAL").contains(s.get("kind").asString()))
                .forEach(s -> donors.add(s.get("id").asString()));
        Set<String> maybeTaken = new HashSet<>();
        coordinator.get("/api/plans?month=2026-12").json().valueStream().forEach(info -> {
            JsonNode planTrips = coordinator.get("/api/plans/" + info.get("id").asLong()).json().get("plan").get("trips");
            planTrips.valueStream().filter(t -> t.get("date").asString().compareTo(today) <= 0)
                    .forEach(t -> t.get("stops").valueStream().forEach(s -> s.get("movements").valueStream()
                            .filter(m -> m.get("kind").asString().equals("LOAD"))
                            .forEach(m -> maybeTaken.add(m.get("lotId").asString() + "@" + s.get("siteId").asString()))));
        });
        JsonNode trips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips");
        return trips.valueStream().filter(t -> t.get("date").asString().compareTo(today) > 0)
                .filter(t -> stockLedger.entry("trip-done:" + t.get("id").asString() + "/1").isEmpty())
                .filter(t -> t.get("stops").valueStream().allMatch(s -> s.get("movements").valueStream()
                        .filter(m -> m.get("kind").asString().equals("LOAD"))
                        .allMatch(m -> donors.contains(s.get("siteId").asString())
                                && !maybeTaken.contains(m.get("lotId").asString() + "@" + s.get("siteId").asString())
                                && stockLedger.entriesOf("kirin", m.get("lotId").asString().split("@")[0]).stream()
                                        .noneMatch(e -> e.operationId().startsWith("trip-done:")))))
                .filter(also)
                .findFirst().orElseThrow(() -> new AssertionError("no trip after today loading only at donors in plan " + planId));
    }

    /** The unloads of a stop in the plan's JSON, as grams per lot (the ledger's lot id, without "@site"). */
    protected static Map<String, Long> unloads(JsonNode stop) {
        Map<String, Long> grams = new TreeMap<>();
        stop.get("movements").valueStream().filter(m -> m.get("kind").asString().equals("UNLOAD"))
                .forEach(m -> grams.merge(m.get("lotId").asString().split("@")[0], m.get("grams").asLong(), Long::sum));
        return grams;
    }

    protected static Map<String, Long> byLot(List<LedgerEntry> entries) {
        Map<String, Long> grams = new TreeMap<>();
        entries.forEach(e -> grams.merge(e.lotId(), e.grams(), Long::sum));
        return grams;
    }

    /** Every ledger row written for this trip id (over the lots it loads). */
    protected List<LedgerEntry> rowsOfTrip(JsonNode trip) {
        Set<String> lots = trip.get("stops").valueStream().flatMap(s -> s.get("movements").valueStream())
                .map(m -> m.get("lotId").asString().split("@")[0]).collect(Collectors.toSet());
        String prefix = "trip-done:" + trip.get("id").asString() + "/";
        return lots.stream().flatMap(lot -> stockLedger.entriesOf("kirin", lot).stream())
                .filter(e -> e.operationId().startsWith(prefix)).toList();
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts an RFC 9457 problem with this status (and, if given, an error naming this field). */
    protected static void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("content-type")).as(r.toString()).startsWith("application/problem+json");
        var json = r.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.has("title")).isTrue();
        if (field != null) {
            assertThat(r.body()).as(r.toString()).contains(field);
        }
    }
}
