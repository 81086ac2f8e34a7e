package org.foodnet.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Solve jobs live in PostgreSQL: a job cut off by stopping the service shows as INTERRUPTED after the restart,
 * its plan keeps the best plan stored so far, and the job can be resumed (and stopped early).
 */
class RestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(FoodnetApplication.class).run(
                "--server.port=0", "--foodnet.demo=true", "--foodnet.data.dir=" + dataDir,
                "--foodnet.solver.store-every=1s", "--logging.structured.format.console=");
    }

    private static Http coordinator(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new Http(port, "coordinator", "demo-coordinator");
    }

    @Test
    void aJobInterruptedByAStopIsShownInterruptedAfterTheRestartAndCanBeResumed() throws Exception {
        Path dataDir = Files.createTempDirectory("foodnet-restart").resolve("pgdata");
        long jobId;
        long planId;
        String bestBefore;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Http http = coordinator(first);
            Response accepted = http.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 600));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            jobId = accepted.json().get("jobId").asLong();
            planId = accepted.json().get("planId").asLong();
            // wait until a best plan is stored
            Response job = null;
            for (int i = 0; i < 120; i++) {
                job = http.get("/api/jobs/" + jobId);
                if (job.json().get("status").asString().equals("RUNNING") && job.json().get("scores").size() > 0) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(job.json().get("scores").size()).as(job.toString()).isPositive();
            // the stop below interrupts the running job
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Http http = coordinator(second);
            Response job = http.get("/api/jobs/" + jobId);
            assertThat(job.json().get("status").asString()).as(job.toString()).isEqualTo("INTERRUPTED");
            assertThat(job.json().get("error").asString()).startsWith("interrupted");
            Response plan = http.get("/api/plans/" + planId);
            assertThat(plan.json().get("status").asString()).isEqualTo("SOLVED");
            bestBefore = plan.json().get("score").asString();
            assertThat(bestBefore).isNotBlank();
            assertThat(plan.json().get("plan").get("trips").size()).isPositive();

            Response resumed = http.post("/api/jobs/" + jobId + "/resume", null);
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(202);
            long next = resumed.json().get("jobId").asLong();
            for (int i = 0; i < 80 && !http.get("/api/jobs/" + next).json().get("status").asString().equals("RUNNING"); i++) {
                Thread.sleep(250);
            }
            Thread.sleep(2000);
            Response stopped = http.post("/api/jobs/" + next + "/stop", null);
            assertThat(stopped.status()).as(stopped.toString()).isEqualTo(202);
            Response done = null;
            for (int i = 0; i < 80; i++) {
                done = http.get("/api/jobs/" + next);
                if (done.json().get("status").asString().equals("SUCCEEDED")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(done.json().get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
            // resuming never makes the plan worse than the best plan it had
            Response after = http.get("/api/plans/" + planId);
            assertThat(after.json().get("status").asString()).isEqualTo("SOLVED");
            String scoreAfter = after.json().get("score").asString();
            assertThat(compare(scoreAfter, bestBefore)).as(scoreAfter + " vs " + bestBefore).isGreaterThanOrEqualTo(0);
        }
    }

    private static int compare(String a, String b) {
        long[] x = parts(a);
        long[] y = parts(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Long.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    private static long[] parts(String score) {
        String[] p = score.replace("hard", "").replace("medium", "").replace("soft", "").split("/");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])};
    }
}
