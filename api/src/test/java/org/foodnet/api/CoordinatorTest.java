package org.foodnet.api;

import java.time.Duration;
import java.util.Map;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators keep the network up to date (JSON and CSV), tune weights, and queue solve jobs. */
class CoordinatorTest extends ApiTestBase {

    @Test
    void sitesAreCreatedReadAndUpdated() {
        Response created = coordinator.post("/api/sites", Map.of("id", "farm-test", "name", "テスト農園", "kind", "FARM",
                "lat", 35.45, "lon", 134.22, "serviceSeconds", 600,
                "openingHours", Map.of("MONDAY", Map.of("from", "08:00", "to", "12:00"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("location")).isEqualTo("/api/sites/farm-test");
        Response updated = coordinator.put("/api/sites/farm-test", Map.of("name", "テスト農園 2", "kind", "FARM",
                "lat", 35.45, "lon", 134.22, "serviceSeconds", 300));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode site = organizer.get("/api/sites/farm-test").json();
        assertThat(site.get("name").asString()).isEqualTo("テスト農園 2");
        assertThat(site.get("serviceSeconds").asInt()).isEqualTo(300);
    }

    @Test
    void vehiclesVolunteersSlotsAndNeedsAreKept() {
        assertThat(coordinator.post("/api/vehicles", Map.of("id", "veh-test", "name", "軽トラ",
                "capacity", Map.of("ambientGrams", 300000, "chilledGrams", 20000, "frozenGrams", 0))).status()).isEqualTo(201);
        assertThat(coordinator.post("/api/volunteers", Map.of("id", "drv-test", "name", "試験 太郎", "homeLat", 35.5,
                "homeLon", 134.2, "maxMinutesPerDay", 180, "vehicleId", "veh-test")).status()).isEqualTo(201);
        Response slot = coordinator.post("/api/volunteers/drv-test/slots", Map.of("date", "2026-12-21", "from", "09:00", "to", "12:00"));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        assertProblem(coordinator.post("/api/volunteers/drv-test/slots", Map.of("date", "2026-12-21", "from", "09:00", "to", "11:00")), 409, null);
        JsonNode volunteer = coordinator.get("/api/volunteers/drv-test?month=2026-12").json();
        assertThat(volunteer.get("slots")).hasSize(1);
        assertThat(volunteer.get("vehicleId").asString()).isEqualTo("veh-test");

        Response need = coordinator.put("/api/needs/caf-001?month=2026-12", Map.of(
                "monthlyNeed", Map.of("ambientGrams", 50000, "chilledGrams", 10000, "frozenGrams", 5000),
                "servingDays", java.util.List.of("2026-12-12", "2026-12-26")));
        assertThat(need.status()).as(need.toString()).isEqualTo(200);
        JsonNode stored = coordinator.get("/api/needs/caf-001?month=2026-12").json();
        assertThat(stored.get("monthlyNeed").get("ambientGrams").asLong()).isEqualTo(50000);
        assertThat(stored.get("servingDays")).hasSize(2);
    }

    @Test
    void sitesAndVolunteersRoundTripThroughCsv() {
        Response sites = coordinator.get("/api/sites.csv");
        assertThat(sites.header("content-type")).startsWith("text/csv");
        assertThat(sites.body()).startsWith("\uFEFFid,name,kind,").contains("hub,ロジ拠点");
        Response reimported = coordinator.send("POST", "/api/sites.csv", "text/csv", sites.body());
        assertThat(reimported.status()).as(reimported.toString()).isEqualTo(200);
        assertThat(reimported.json().get("imported").asInt()).isEqualTo(sites.body().split("\r\n").length - 1);
        assertThat(coordinator.get("/api/sites.csv").body()).isEqualTo(sites.body());

        Response added = coordinator.send("POST", "/api/sites.csv", "text/csv",
                "id,name,kind,lat,lon,service_seconds,opening_hours\r\ndonor-csv,\"スーパー, CSV\",SUPERMARKET,35.49,134.23,600,MONDAY 09:00-17:00; FRIDAY 09:00-12:00\r\n");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites/donor-csv").json().get("openingHours").get("byWeekday")).hasSize(2);

        Response volunteers = coordinator.get("/api/volunteers.csv");
        assertThat(volunteers.body()).startsWith("\uFEFFid,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id");
        Response again = coordinator.send("POST", "/api/volunteers.csv", "text/csv", volunteers.body());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    @Test
    void donationsImportFromCsvOnceAndExport() {
        String csv = "key,site_id,category,temperature,grams,expiry_date,expiry_kind\r\n"
                + "csv-1,hub,canned,AMBIENT,4000,2027-06-30,BEST_BEFORE\r\n"
                + "csv-2,donor-001,vegetables,CHILLED,2500,2026-12-20,USE_BY\r\n";
        Response first = organizer.send("POST", "/api/donations.csv", "text/csv", csv);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("imported").asInt()).isEqualTo(2);
        assertThat(first.json().get("replayed").asInt()).isZero();
        Response second = organizer.send("POST", "/api/donations.csv", "text/csv", csv);
        assertThat(second.json().get("replayed").asInt()).isEqualTo(2);
        assertThat(second.json().get("lotIds")).isEqualTo(first.json().get("lotIds"));
        Response export = organizer.get("/api/donations.csv");
        assertThat(export.body()).startsWith("\uFEFFlot_id,site_id,").contains(first.json().get("lotIds").get(0).asString());
    }

    @Test
    void changingWeightsMakesANewDraftAndJobsQueueOneAtATime() {
        Response first = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3,
                "weights", Map.of("Trips", 5)));
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        long planId = first.json().get("planId").asLong();
        Response second = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(second.status()).isEqualTo(202);
        // parallelism 1: the second job waits while the first runs
        Response waiting = coordinator.get("/api/jobs/" + second.json().get("jobId").asLong());
        assertThat(waiting.json().get("status").asString()).isEqualTo("QUEUED");
        awaitJob(coordinator, first.json().get("jobId").asLong(), Duration.ofSeconds(60));
        awaitJob(coordinator, second.json().get("jobId").asLong(), Duration.ofSeconds(60));

        JsonNode plan = coordinator.get("/api/plans/" + planId).json();
        assertThat(plan.get("weights").get("Trips").asLong()).isEqualTo(5);
        Response draft = coordinator.put("/api/plans/" + planId + "/weights", Map.of("weights", Map.of("Driving time", 3, "Trips", 0)));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        JsonNode d = draft.json();
        assertThat(d.get("status").asString()).isEqualTo("DRAFT");
        assertThat(d.get("weights").get("Driving time").asLong()).isEqualTo(3);
        assertThat(d.get("weights").get("Trips").asLong()).isZero();
        Response solving = coordinator.post("/api/plans/" + d.get("id").asLong() + "/solve", Map.of("timeLimitSeconds", 2));
        assertThat(solving.status()).isEqualTo(202);
        awaitJob(coordinator, solving.json().get("jobId").asLong(), Duration.ofSeconds(60));
        JsonNode explanation = coordinator.get("/api/plans/" + d.get("id").asLong() + "/explanation").json();
        for (JsonNode rule : explanation.get("constraints")) {
            if (rule.get("name").asString().equals("Driving time")) {
                assertThat(rule.get("weight").asLong()).isEqualTo(3);
            }
        }
        assertThat(coordinator.get("/api/plans?month=2026-12").json().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theNetworkReadsAndWritesInTheFileFormat() {
        Response network = coordinator.get("/api/network?month=2026-12");
        assertThat(network.status()).isEqualTo(200);
        assertThat(network.json().get("settings").get("zone").asString()).isEqualTo("Asia/Tokyo");
        Response stored = coordinator.put("/api/network", network.body());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("sites").size()).isEqualTo(network.json().get("sites").size());
    }

    @Test
    void openApiSwaggerUiAndHealthAreOpen() {
        Http anonymous = coordinator.anonymous();
        Response api = anonymous.get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("openapi").asString()).startsWith("3.");
        assertThat(api.json().get("paths").has("/api/plans")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/me").json().get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(driver.get("/api/me").json().get("driverId").asString()).isEqualTo("drv-001");
    }
}
