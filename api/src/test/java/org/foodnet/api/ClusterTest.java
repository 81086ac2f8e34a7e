package org.foodnet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.foodnet.api.Http.Response;
import org.foodnet.data.DbServer;
import org.foodnet.data.DbServerOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test of several nodes with separate JVMs on one PostgreSQL ({@code ./foodnet db}'s server): node A
 * (api + worker, demo data) and node B (worker only). Two solve jobs are submitted through A before B starts
 * (B's start must not disturb the job A is solving), four more once B is up; B is killed with SIGKILL while it
 * runs one. All six end SUCCEEDED with plans the independent checker finds feasible; the killed job was taken over
 * by A within 60 s (attempts 2, from the best plan B had stored), and the records (the job attempts, sampled
 * against the engine's picked executions) never show a job on two nodes at once.
 * Tagged {@code cluster} and in the default run (96 s on the idle 2 cores; -Dfoodnet.test.excluded=cluster leaves it out).
 */
@Tag("cluster")
class ClusterTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final int TIME_LIMIT_SECONDS = 10;

    private final List<Process> processes = new ArrayList<>();
    private Path root;

    @AfterEach
    void cleanUp() throws Exception {
        // nodes first (they hold connections), the database last: SIGTERM lets PostgreSQL stop cleanly
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        if (root != null) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aWorkerKilledMidSolveLosesNoJobAndNoJobRunsOnTwoNodes() throws Exception {
        long t0 = System.nanoTime();
        root = Files.createTempDirectory("foodnet-cluster");
        Map<String, String> db = startDatabase(root.resolve("pgdata"));
        assertThat(db.get("FOODNET_DB_URL")).startsWith("jdbc:postgresql://127.0.0.1:");

        int portA = ServiceProcess.freePort();
        Process a = startNode(db, portA, "A", "api,worker", true, root.resolve("a.log"));
        ServiceProcess.awaitUp(a, portA, root.resolve("a.log"), START_TIMEOUT);
        Http coordinator = new Http(portA, "coordinator", "demo-coordinator");

        List<Long> jobs = new ArrayList<>();
        Map<Long, Long> planOf = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            submit(coordinator, jobs, planOf);
        }
        JsonNode onA = await(coordinator, jobs.get(0), j -> j.get("status").asString().equals("RUNNING"), Duration.ofSeconds(60));
        assertThat(onA.get("node").asString()).isEqualTo("A");

        // B starts while A is solving job 1, and is up (its health answers; its API does not)
        int portB = ServiceProcess.freePort();
        Process b = startNode(db, portB, "B", "worker", false, root.resolve("b.log"));
        try (Connection sql = connect(db)) {
            List<String[]> overlaps = new ArrayList<>();
            CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> sample(db, overlaps));
            try {
                ServiceProcess.awaitUp(b, portB, root.resolve("b.log"), START_TIMEOUT);
                Response refused = new Http(portB, "coordinator", "demo-coordinator").get("/api/jobs/" + jobs.get(0));
                assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

                for (int i = 0; i < 4; i++) {
                    submit(coordinator, jobs, planOf);
                }
                // B runs one of them and has stored a best plan: kill it with SIGKILL
                long killedJob = -1;
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (killedJob < 0 && System.nanoTime() < deadline) {
                    for (long id : jobs) {
                        JsonNode j = coordinator.get("/api/jobs/" + id).json();
                        if (j.get("status").asString().equals("RUNNING") && "B".equals(text(j, "node"))
                                && !j.get("bestScore").isNull() && j.get("progress").asDouble() > 0.15) {
                            killedJob = id;
                            break;
                        }
                    }
                    Thread.sleep(200);
                }
                assertThat(killedJob).as("a job running on B with a stored best plan; B's log: %s", ServiceProcess.tail(root.resolve("b.log")))
                        .isPositive();
                b.toHandle().destroyForcibly();
                Instant killedAt = Instant.now();
                assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();

                // every job ends, with a plan the independent checker finds feasible
                for (long id : jobs) {
                    JsonNode j = await(coordinator, id, v -> !v.get("status").asString().matches("QUEUED|RUNNING"),
                            Duration.ofMinutes(4));
                    assertThat(j.get("status").asString()).as(j.toString()).isEqualTo("SUCCEEDED");
                    assertThat(j.get("feasible").asBoolean()).as(j.toString()).isTrue();
                    JsonNode plan = coordinator.get("/api/plans/" + planOf.get(id)).json();
                    assertThat(plan.get("summary").get("feasible").asBoolean()).as("checker on plan %s", planOf.get(id)).isTrue();
                    assertThat(plan.get("summary").get("violations").asInt()).isZero();
                }

                // the killed job: taken over by A within 60 s of the kill, from the best plan B had stored
                JsonNode killed = coordinator.get("/api/jobs/" + killedJob).json();
                assertThat(killed.get("attempts").asInt()).as(killed.toString()).isGreaterThanOrEqualTo(2);
                assertThat(killed.get("node").asString()).isEqualTo("A");
                List<Attempt> attempts = attempts(sql, killedJob);
                assertThat(attempts.get(0).node()).isEqualTo("B");
                assertThat(attempts.get(0).outcome()).contains("node B stopped answering");
                Attempt takeover = attempts.get(attempts.size() - 1);
                assertThat(takeover.node()).isEqualTo("A");
                assertThat(Duration.between(killedAt, takeover.startedAt())).as("takeover after the kill")
                        .isLessThan(Duration.ofSeconds(60));
                assertThat(Files.readString(root.resolve("a.log")))
                        .containsPattern("Solve job " + killedJob + " for plan \\d+ \\(2026-12\\) started on A \\(attempt 2, from the stored best");

                System.out.printf("ClusterTest: job %d killed on B at %s; its attempts: %s; A took over %.1f s after the"
                        + " kill; whole test %.0f s%n", killedJob, killedAt, attempts,
                        Duration.between(killedAt, takeover.startedAt()).toMillis() / 1000.0, (System.nanoTime() - t0) / 1e9);

                // the job A was solving when B started was not disturbed
                JsonNode first = coordinator.get("/api/jobs/" + jobs.get(0)).json();
                assertThat(first.get("attempts").asInt()).as(first.toString()).isEqualTo(1);
                assertThat(first.get("node").asString()).isEqualTo("A");

                // no job on two nodes at once: attempts of a job follow each other, and the engine never had a job
                // picked by a node other than its open attempt's
                for (long id : jobs) {
                    List<Attempt> list = attempts(sql, id);
                    assertThat(list).as("job %d", id).isNotEmpty();
                    for (int i = 1; i < list.size(); i++) {
                        assertThat(list.get(i - 1).endedAt()).as("job %d attempt %d ended", id, i).isNotNull();
                        assertThat(list.get(i - 1).endedAt()).as("job %d attempt %d ended before the next began", id, i)
                                .isBeforeOrEqualTo(list.get(i).startedAt());
                    }
                    assertThat(list.get(list.size() - 1).outcome()).isEqualTo("succeeded");
                }
            } finally {
                stopSampling = true;
            }
            sampler.get(10, TimeUnit.SECONDS);
            assertThat(overlaps).as("engine executions picked by a node other than the job's open attempt").isEmpty();
            assertThat(samples).as("samples of the engine's table").isPositive();
        }
    }

    // --- the engine's records, sampled -----------------------------------------------------------------------

    private volatile boolean stopSampling;
    private volatile int samples;

    /** Every 200 ms: each picked execution of the engine against its job's open attempt (there must be one, same node). */
    private void sample(Map<String, String> db, List<String[]> overlaps) {
        try (Connection c = connect(db); PreparedStatement p = c.prepareStatement("""
                SELECT t.task_instance, t.picked_by,
                       (SELECT count(*) FROM solve_job_attempt a WHERE a.job_id = t.task_instance::bigint AND a.ended_at IS NULL),
                       (SELECT a.node FROM solve_job_attempt a WHERE a.job_id = t.task_instance::bigint AND a.ended_at IS NULL)
                FROM scheduled_tasks t WHERE t.task_name = 'solve-job' AND t.picked""")) {
            while (!stopSampling) {
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        // a just-picked execution may not have opened its attempt yet (0); never two, never another node
                        if (rs.getInt(3) > 1 || (rs.getInt(3) == 1 && !rs.getString(2).equals(rs.getString(4)))) {
                            synchronized (overlaps) {
                                overlaps.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(4)});
                            }
                        }
                    }
                }
                samples++;
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Attempt(int attempt, String node, Instant startedAt, Instant endedAt, String outcome) {
    }

    private static List<Attempt> attempts(Connection c, long jobId) throws Exception {
        List<Attempt> list = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT attempt, node, started_at, ended_at, outcome FROM solve_job_attempt WHERE job_id = ? ORDER BY attempt")) {
            p.setLong(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp(4);
                    list.add(new Attempt(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            ended == null ? null : ended.toInstant(), rs.getString(5)));
                }
            }
        }
        return list;
    }

    private static Connection connect(Map<String, String> db) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", db.get("FOODNET_DB_USER"));
        props.setProperty("password", db.get("FOODNET_DB_PASSWORD"));
        return DriverManager.getConnection(db.get("FOODNET_DB_URL"), props);
    }

    // --- jobs --------------------------------------------------------------------------------------------------

    private static void submit(Http coordinator, List<Long> jobs, Map<Long, Long> planOf) {
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", TIME_LIMIT_SECONDS));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long job = accepted.json().get("jobId").asLong();
        jobs.add(job);
        planOf.put(job, accepted.json().get("planId").asLong());
    }

    private static JsonNode await(Http as, long jobId, java.util.function.Predicate<JsonNode> until, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = as.get("/api/jobs/" + jobId);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (until.test(r.json())) {
                return r.json();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + jobId + " not as expected after " + timeout + ": " + r);
            }
            Thread.sleep(250);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    // --- processes ---------------------------------------------------------------------------------------------

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code ./foodnet db}: waits for its three lines. */
    private Map<String, String> startDatabase(Path dataDir) throws Exception {
        int port = ServiceProcess.freePort();
        Process process = new ProcessBuilder(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                DbServer.class.getName(), "--data-dir", dataDir.toString(), "--port", Integer.toString(port))
                .redirectError(root.resolve("db.log").toFile()).start();
        processes.add(process);
        Map<String, String> env = DbServerOutput.await(process, START_TIMEOUT);
        assertThat(env).as("db log: %s", ServiceProcess.tail(root.resolve("db.log")))
                .containsKeys("FOODNET_DB_URL", "FOODNET_DB_USER", "FOODNET_DB_PASSWORD");
        assertThat(env.get("FOODNET_DB_URL")).endsWith(":" + port + "/foodnet");
        return env;
    }

    /** {@code ./foodnet serve} joining the database with the three variables. */
    private Process startNode(Map<String, String> db, int port, String name, String roles, boolean demo, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FoodnetApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--foodnet.demo=" + demo, "--foodnet.node.name=" + name, "--foodnet.node.roles=" + roles,
                "--foodnet.node.solver-threads=1", "--foodnet.solver.store-every=1s", "--foodnet.db.pool-size=5",
                "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(db);
        Process process = builder.start();
        processes.add(process);
        return process;
    }
}
