package org.foodnet.api.planning;

import java.time.Duration;
import java.util.Map;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored plan made with other travel times than the network has now (issue 13: e.g. made with an OpenStreetMap
 * extract that is no longer configured, or before one was): GET /api/plans/{id} says so
 * ({@code travelSourceCurrent: false} and both sources) and reports no check against the other source; the
 * explanation refuses (409 naming {@code id}), as {@code ./foodnet check} refuses (exit 2). A plan made with the
 * current travel times is checked as before.
 */
class PlanTravelSourceTest extends ApiTestBase {

    private static final String SHA = "3f".repeat(32);

    @Autowired
    private JdbcClient jdbc;

    private long solvedPlan() {
        Response started = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long planId = started.json().get("planId").asLong();
        assertThat(awaitJob(coordinator, started.json().get("jobId").asLong(), Duration.ofSeconds(180)).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        return planId;
    }

    @Test
    void aPlanMadeWithAnotherTravelSource_isNotCheckedAgainstTheCurrentOne() {
        long planId = solvedPlan();
        JsonNode current = coordinator.get("/api/plans/" + planId).json();
        assertThat(current.get("travelSourceCurrent").asBoolean()).isTrue();
        assertThat(current.get("planTravelSource").isNull()).isTrue();
        assertThat(current.get("networkTravelSource").isNull()).isTrue();
        assertThat(current.get("summary").isNull()).as("checked as before").isFalse();
        assertThat(current.get("summary").get("feasible").isBoolean()).isTrue();
        assertThat(coordinator.get("/api/plans/" + planId + "/explanation").status()).isEqualTo(200);

        // the same plan as if made on a road extract (the network here has no road matrix: great circle)
        assertThat(jdbc.sql("UPDATE plan SET travel_extract = 'andorra.osm.pbf', travel_sha256 = :sha WHERE id = :id")
                .param("sha", SHA).param("id", planId).update()).isEqualTo(1);
        Response other = coordinator.get("/api/plans/" + planId);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        JsonNode view = other.json();
        assertThat(view.get("travelSourceCurrent").asBoolean()).isFalse();
        assertThat(view.get("planTravelSource").get("extract").asString()).isEqualTo("andorra.osm.pbf");
        assertThat(view.get("planTravelSource").get("sha256").asString()).isEqualTo(SHA);
        assertThat(view.get("networkTravelSource").isNull()).isTrue();
        assertThat(view.get("summary").isNull()).as("no pass or fail against the other source").isTrue();
        assertThat(view.get("plan").get("trips").size()).as("the plan itself is still shown").isGreaterThan(0);

        Response explained = coordinator.get("/api/plans/" + planId + "/explanation", "Accept-Language", "en");
        assertProblem(explained, 409, "id");
        assertThat(explained.json().get("detail").asString())
                .isEqualTo("plan " + planId + " was made with the travel times of andorra.osm.pbf (sha256 3f3f3f3f3f3f…),"
                        + " but the network now has those of great circle (no road extract); re-plan to check it");
        Response ja = coordinator.get("/api/plans/" + planId + "/explanation", "Accept-Language", "ja");
        assertThat(ja.json().get("detail").asString()).isEqualTo("計画 " + planId
                + " は andorra.osm.pbf (sha256 3f3f3f3f3f3f…) の移動時間で作られましたが、今のネットワークは"
                + " 直線距離からの見積もり（道路データなし） の移動時間です。確かめるには計画し直してください");
    }
}
