package org.foodnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.api.Http.Response;
import org.foodnet.api.travel.Roads;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.travel.road.RoadException;
import org.foodnet.solver.travel.road.RoadMatrix;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The service with a real OpenStreetMap extract ({@code foodnet.travel.osm} = ../shared/osm/andorra.osm.pbf, imported
 * into this class's own temp folder): the demo month placed on its roads, its road matrix in PostgreSQL, a new site's
 * row and column, a site far from any road refused, and a trip's line along the roads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foodnet.demo=true",
        "foodnet.solver.default-time-limit=3s",
        "foodnet.solver.parallelism=1",
        "logging.structured.format.console=",
        "logging.level.org.foodnet=info"})
@Import(ApiTestBase.TestClock.class)
class RoadServiceTest {

    private static final Path TEMP = tempDir();

    @LocalServerPort
    int port;

    @Autowired
    ApiTestBase.MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Roads roads;

    @Autowired
    org.foodnet.api.network.NetworkService networkService;

    Http coordinator;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Path extract = Path.of(System.getProperty("foodnet.shared", "../shared")).resolve("osm/andorra.osm.pbf");
        registry.add("foodnet.data.dir", () -> TEMP.resolve("pgdata").toString());
        registry.add("foodnet.travel.osm", extract::toString);
        registry.add("foodnet.travel.graph-folder", () -> TEMP.resolve("graphs").toString());
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("foodnet-road-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void clients() {
        coordinator = new Http(port, "coordinator", "demo-coordinator");
        clock.set(ApiTestBase.TODAY.atZone(ApiTestBase.TOKYO).toInstant());
    }

    private long regionId() {
        return jdbc.sql("SELECT id FROM region WHERE code = 'kirin'").query(Long.class).single();
    }

    private long legs() {
        return jdbc.sql("SELECT count(*) FROM travel_leg WHERE region_id = ?").param(regionId()).query(Long.class).single();
    }

    private long places() {
        return jdbc.sql("SELECT count(*) FROM travel_place WHERE region_id = ?").param(regionId()).query(Long.class).single();
    }

    /** minutes of the stored leg between two place ids, or null. */
    private Double minutes(String from, String to) {
        return jdbc.sql("""
                SELECT l.minutes FROM travel_leg l
                JOIN travel_place a ON a.region_id = l.region_id AND a.position = l.from_position
                JOIN travel_place b ON b.region_id = l.region_id AND b.position = l.to_position
                WHERE l.region_id = ? AND a.place_id = ? AND b.place_id = ?""")
                .params(regionId(), from, to).query(Double.class).optional().orElse(null);
    }

    private List<JsonNode> sites() {
        List<JsonNode> sites = new ArrayList<>();
        coordinator.get("/api/sites").json().forEach(sites::add);
        return sites;
    }

    private static GeoPoint location(JsonNode site) {
        return new GeoPoint(site.get("location").get("lat").asDouble(), site.get("location").get("lon").asDouble());
    }

    @Test
    void theDemoMonthLivesOnTheExtractsRoadsWithItsMatrixStored() {
        String sha = jdbc.sql("SELECT sha256 FROM travel_source WHERE region_id = ?").param(regionId()).query(String.class).single();
        assertThat(sha).isEqualTo(roads.source().sha256());
        long n = places();
        assertThat(n).isGreaterThan(50);
        assertThat(legs()).isEqualTo(n * n);
        for (JsonNode site : sites()) {
            GeoPoint p = location(site);
            assertThat(p.lat()).as(site.toString()).isBetween(42.4, 42.7);
            assertThat(p.lon()).as(site.toString()).isBetween(1.4, 1.8);
        }
    }

    @Test
    void aNewSiteGetsItsRowAndColumnAndNoFasterThanTheRoad() {
        List<JsonNode> sites = sites();
        JsonNode hub = sites.stream().filter(s -> s.get("kind").asString().equals("LOGISTICS_HUB")).findFirst().orElseThrow();
        JsonNode other = sites.get(sites.size() / 2);
        String a = hub.get("id").asString();
        String b = other.get("id").asString();
        double before = minutes(a, b);
        long n = places();
        GeoPoint near = location(other);
        GeoPoint at = new GeoPoint(near.lat() + 0.0004, near.lon() + 0.0004);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "road-new-1");
        body.put("name", "Road test supermarket");
        body.put("kind", "SUPERMARKET");
        body.put("lat", at.lat());
        body.put("lon", at.lon());
        body.put("serviceSeconds", 300);
        long t0 = System.nanoTime();
        Response created = coordinator.post("/api/sites", body);
        System.out.println("RoadServiceTest: POST /api/sites with a road matrix of " + n + " places took "
                + (System.nanoTime() - t0) / 1_000_000 + " ms (for the README; not asserted)");
        assertThat(created.status()).as(created.toString()).isIn(200, 201);

        assertThat(places()).isEqualTo(n + 1);
        assertThat(legs()).isEqualTo((n + 1) * (n + 1));
        assertThat(minutes(a, b)).as("a leg between two old places is kept").isEqualTo(before);
        assertThat(roads.current(networkService.load(java.time.YearMonth.of(2026, 12))))
                .as("the stored matrix (the new site at the end) is current: a restart does not build it again").isTrue();
        RoadNetwork net = roads.network();
        GeoPoint hubAt = location(hub);
        for (GeoPoint[] pair : new GeoPoint[][] {{at, hubAt}, {hubAt, at}}) {
            RoadNetwork.Route route = net.route(List.of(pair[0], pair[1]));
            String from = pair[0] == at ? "road-new-1" : a;
            String to = pair[0] == at ? a : "road-new-1";
            double stored = minutes(from, to);
            assertThat(stored).as(from + " -> " + to).isGreaterThanOrEqualTo(route.millis() / 60_000.0)
                    .isLessThanOrEqualTo(RoadMatrix.minutesRoundedUp(route.millis()) * 1.03 + 0.05);
        }
    }

    @Test
    void aSiteFarFromAnyRoadIsRefusedByName() {
        long legsBefore = legs();
        JsonNode any = sites().get(0);
        GeoPoint start = location(any);
        GeoPoint far = null;
        for (int step = 1; step < 200 && far == null; step++) {
            GeoPoint p = new GeoPoint(start.lat(), start.lon() - 0.005 * step);
            try {
                double d = roads.network().snap("probe", p, Double.POSITIVE_INFINITY).getQueryDistance();
                if (d >= 2000) {
                    far = p;
                }
            } catch (RoadException noRoadNear) {
                far = p;
            }
        }
        assertThat(far).as("a point 2 km from any road west of " + start).isNotNull();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "road-far-1");
        body.put("name", "Cafeteria on the ridge");
        body.put("kind", "COMMUNITY_CAFETERIA");
        body.put("lat", far.lat());
        body.put("lon", far.lon());
        body.put("serviceSeconds", 300);
        Response refused = coordinator.post("/api/sites", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("road-far-1");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("sites[road-far-1].location");
        assertThat(coordinator.get("/api/sites/road-far-1").status()).isEqualTo(404);
        assertThat(legs()).isEqualTo(legsBefore);
    }

    @Test
    void aPlansTripIsDrawnAlongTheRoads() {
        Response started = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 30));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long planId = started.json().get("planId").asLong();
        long jobId = started.json().get("jobId").asLong();
        long end = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        String status;
        do {
            ApiTestBase.sleep(250);
            status = coordinator.get("/api/jobs/" + jobId).json().get("status").asString();
        } while ((status.equals("QUEUED") || status.equals("RUNNING")) && System.nanoTime() < end);
        assertThat(status).isEqualTo("SUCCEEDED");
        JsonNode plan = coordinator.get("/api/plans/" + planId).json();
        assertThat(plan.get("plan").get("travelSource").get("sha256").asString()).isEqualTo(roads.source().sha256());
        JsonNode trip = null;
        for (JsonNode t : plan.get("plan").get("trips")) {
            if (t.get("stops").size() >= 1 && (trip == null || t.get("stops").size() > trip.get("stops").size())) {
                trip = t;
            }
        }
        assertThat(trip).as("a trip with a stop among %s", plan.get("plan").get("trips")).isNotNull();
        Response geometry = coordinator.get("/api/plans/" + planId + "/trips/" + trip.get("id").asString() + "/geometry");
        assertThat(geometry.status()).as(geometry.toString()).isEqualTo(200);
        JsonNode g = geometry.json();
        assertThat(g.get("kind").asString()).isEqualTo("ROAD");
        assertThat(g.get("attribution").asString()).contains("OpenStreetMap contributors").contains("ODbL");
        int stops = g.get("places").size();
        assertThat(g.get("points").size()).as("more points than places: the line follows the roads").isGreaterThan(stops);
        for (JsonNode p : g.get("points")) {
            GeoPoint point = new GeoPoint(p.get(0).asDouble(), p.get(1).asDouble());
            assertThat(roads.network().snap("line point", point, Double.POSITIVE_INFINITY).getQueryDistance())
                    .as("point %s lies on a road", point).isLessThan(1.0);
        }
    }
}
