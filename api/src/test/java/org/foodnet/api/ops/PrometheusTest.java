package org.foodnet.api.ops;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus metrics on the app's port: coordinators only (password or personal API token); HTTP, solve jobs, donations. */
class PrometheusTest extends ApiTestBase {

    private static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(body);
        assertThat(m.find()).as(series + " in\n" + body.substring(0, Math.min(body.length(), 3000))).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void coordinatorsScrapeHttpSolveJobAndDonationMetrics_othersAreRefused() {
        assertThat(coordinator.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(driver.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(organizer.get("/actuator/prometheus").status()).isEqualTo(403);

        Response logged = organizer.post("/api/donations", Map.of("siteId", "hub", "category", "metrics rice", "temperature",
                "AMBIENT", "grams", 2500, "expiryDate", "2027-03-31", "expiryKind", "BEST_BEFORE"),
                "Idempotency-Key", "metrics-" + UUID.randomUUID());
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);

        Response scraped = coordinator.get("/actuator/prometheus");
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.header("content-type")).startsWith("text/plain");
        String body = scraped.body();
        assertThat(value(body, "foodnet_donations_logged")).isGreaterThanOrEqualTo(1);
        assertThat(value(body, "foodnet_donations_logged_grams")).isGreaterThanOrEqualTo(2500);
        for (String status : OperationsMetrics.JOB_STATUSES) {
            assertThat(value(body, "foodnet_solve_jobs{status=\"" + status + "\"}")).isGreaterThanOrEqualTo(0);
        }
        assertThat(body).contains("http_server_requests_seconds_count{").contains("uri=\"/api/donations\"");

        // a scraper signs in with a coordinator's personal API token
        Response token = coordinator.post("/api/me/tokens", Map.of("name", "prometheus"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Response byToken = coordinator.anonymous().get("/actuator/prometheus",
                "Authorization", "Bearer " + token.json().get("token").asString());
        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byToken.body()).contains("foodnet_solve_jobs{");
    }
}
