package org.foodnet.bench.federation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./foodnet federation}: K month plans submitted at once to a cluster of N Foodnet nodes (separate JVMs
 * on loopback) sharing one PostgreSQL ({@code ./foodnet db}), optionally killing node 2 with SIGKILL midway; per
 * plan the queue wait, solve time, attempts, node and the independent checker's verdict; overall plans per hour
 * per node.
 * <p>
 * <b>Networks:</b> until tenancy (issue 14 item 1) is merged, one service serves one region, so the K "networks" are
 * K plans of the demo network's month in region {@code --region} (default kirin), all of the same size. With
 * tenancy, {@link #submit} is the one place to change: create network {@code i} (seed i, scale 1–10) and post its
 * plan under {@code /api/networks/{id}/plans}.
 */
public final class FederationBench {

    static final String USAGE = """
            usage: ./foodnet federation [--networks 12] [--nodes 2] [--time-limit 30] [--kill] [--month 2026-12]
                                        [--region kirin] [--out bench/results/federation.csv]
              --networks    plans submitted at once (see "Networks" in bench/README.md)
              --nodes       Foodnet nodes: node 1 api,worker (demo data), nodes 2..N worker only
              --time-limit  solver seconds per plan
              --kill        SIGKILL node 2 while it solves a plan (needs --nodes 2 or more)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path root;
    private final Path work;

    private FederationBench(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--networks", "12", "--nodes", "2", "--time-limit", "30",
                "--month", "2026-12", "--region", "kirin", "--out", "bench/results/federation.csv"));
        boolean kill = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kill")) {
                kill = true;
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.print(USAGE);
                return;
            } else if (o.containsKey(args[i]) && i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                System.err.print("federation: unknown option " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
        }
        int networks = Integer.parseInt(o.get("--networks"));
        int nodes = Integer.parseInt(o.get("--nodes"));
        if (networks < 1 || nodes < 1 || (kill && nodes < 2)) {
            System.err.print("federation: need --networks >= 1, --nodes >= 1 (>= 2 with --kill)\n" + USAGE);
            System.exit(2);
        }
        Path work = Files.createTempDirectory("foodnet-federation");
        FederationBench bench = new FederationBench(Path.of("").toAbsolutePath(), work);
        try {
            bench.run(networks, nodes, Integer.parseInt(o.get("--time-limit")), kill, o.get("--month"), o.get("--region"),
                    Path.of(o.get("--out")), System.out);
        } finally {
            bench.stopAll();
        }
    }

    private record Result(int network, long jobId, long planId, String status, int attempts, String node, double queueWaitS,
                          double solveS, boolean feasible, int violations, String score) {
    }

    private void run(int networks, int nodes, int timeLimit, boolean kill, String month, String region, Path out,
                     PrintStream log) throws Exception {
        Map<String, String> db = startDatabase();
        log.println("federation: database " + db.get("FOODNET_DB_URL") + "; logs in " + work);
        List<Integer> ports = new ArrayList<>();
        List<Process> nodeProcesses = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            int port = freePort();
            ports.add(port);
            nodeProcesses.add(startNode(db, port, "n" + n, n == 1 ? "api,worker" : "worker", n == 1, region));
            if (n == 1) {
                awaitUp(port); // node 1 loads the demo data before the others join
            }
        }
        for (int port : ports) {
            awaitUp(port);
        }
        int api = ports.get(0);
        Instant begin = Instant.now();
        Map<Long, Integer> networkOf = new LinkedHashMap<>();
        Map<Long, Long> planOf = new HashMap<>();
        for (int i = 1; i <= networks; i++) {
            JsonNode accepted = submit(api, month, timeLimit);
            networkOf.put(accepted.get("jobId").asLong(), i);
            planOf.put(accepted.get("jobId").asLong(), accepted.get("planId").asLong());
        }
        log.printf("federation: %d plans submitted to %d node(s), %d s each%s%n", networks, nodes, timeLimit,
                kill ? ", node n2 to be killed" : "");
        boolean killed = !kill;
        Instant end = begin.plus(Duration.ofHours(6));
        while (Instant.now().isBefore(end)) {
            int active = 0;
            for (long job : networkOf.keySet()) {
                JsonNode j = get(api, "/api/jobs/" + job);
                String status = j.get("status").asString();
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    active++;
                }
                if (!killed && status.equals("RUNNING") && "n2".equals(j.get("node").asString())
                        && j.get("progress").asDouble() > 0.3) {
                    nodeProcesses.get(1).toHandle().destroyForcibly();
                    killed = true;
                    log.printf("federation: node n2 killed (SIGKILL) while solving job %d at %s%n", job, Instant.now());
                }
            }
            if (active == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        Instant finished = Instant.now();
        List<Result> results = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : networkOf.entrySet()) {
            JsonNode j = get(api, "/api/jobs/" + e.getKey());
            JsonNode plan = get(api, "/api/plans/" + planOf.get(e.getKey()));
            JsonNode summary = plan.get("summary");
            OffsetDateTime created = time(j, "createdAt");
            OffsetDateTime started = time(j, "startedAt");
            OffsetDateTime ended = time(j, "endedAt");
            results.add(new Result(e.getValue(), e.getKey(), planOf.get(e.getKey()), j.get("status").asString(),
                    j.get("attempts").asInt(), j.get("node").asString(), seconds(created, started), seconds(started, ended),
                    summary != null && !summary.isNull() && summary.get("feasible").asBoolean(),
                    summary == null || summary.isNull() ? -1 : summary.get("violations").asInt(), plan.get("score").asString()));
        }
        double hours = Duration.between(begin, finished).toMillis() / 3_600_000.0;
        long done = results.stream().filter(r -> r.status().equals("SUCCEEDED") && r.feasible()).count();
        double perHourPerNode = done / hours / nodes;
        double longestWait = results.stream().mapToDouble(Result::queueWaitS).max().orElse(0);
        write(out, results, networks, nodes, timeLimit, kill, hours, perHourPerNode, longestWait);
        log.printf(Locale.ROOT, "federation: %d of %d plans SUCCEEDED and checker-feasible in %.1f min on %d node(s): "
                        + "%.1f plans/hour/node; longest queue wait %.0f s; CSV %s%n", done, networks, hours * 60, nodes,
                perHourPerNode, longestWait, out);
    }

    /** One "network": today a plan of the demo month (see the class comment). */
    private JsonNode submit(int port, String month, int timeLimit) throws Exception {
        HttpResponse<String> r = send(port, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                JSON.writeValueAsString(Map.of("month", month, "timeLimitSeconds", timeLimit)))), "/api/plans");
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST /api/plans: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void write(Path out, List<Result> results, int networks, int nodes, int timeLimit, boolean kill, double hours,
                       double perHourPerNode, double longestWait) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        StringBuilder csv = new StringBuilder("network,job,plan,status,attempts,node,queue_wait_s,solve_s,checker,violations,score\n");
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Federation benchmark: %d plans, %d node(s), %d s each%s%n%n"
                        + "%.1f min in all; %.1f checker-feasible plans per hour per node; longest queue wait %.0f s.%n%n"
                        + "| network | job | status | attempts | node | queue wait s | solve s | checker |%n|---:|---:|---|---:|---|---:|---:|---|%n",
                networks, nodes, timeLimit, kill ? ", node n2 killed midway" : "", hours * 60, perHourPerNode, longestWait));
        for (Result r : results) {
            String verdict = r.violations() < 0 ? "no plan" : r.feasible() ? "feasible" : "infeasible";
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%d,%s,%.1f,%.1f,%s,%d,%s%n", r.network(), r.jobId(), r.planId(),
                    r.status(), r.attempts(), r.node(), r.queueWaitS(), r.solveS(), verdict, r.violations(), r.score()));
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %d | %s | %.1f | %.1f | %s |%n", r.network(), r.jobId(),
                    r.status(), r.attempts(), r.node(), r.queueWaitS(), r.solveS(), verdict));
        }
        Files.writeString(out, csv);
        Files.writeString(Path.of(out.toString().replaceFirst("\\.csv$", "") + ".md"), md);
    }

    // --- processes -------------------------------------------------------------------------------------------

    private Map<String, String> startDatabase() throws Exception {
        Process p = new ProcessBuilder(root.resolve("foodnet").toString(), "db", "--data-dir", work.resolve("pgdata").toString(),
                "--port", Integer.toString(freePort())).redirectError(work.resolve("db.log").toFile()).start();
        processes.add(p);
        Map<String, String> env = new HashMap<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int eq = line.indexOf('=');
                    if (line.startsWith("FOODNET_DB_") && eq > 0) {
                        synchronized (env) {
                            env.put(line.substring(0, eq), line.substring(eq + 1));
                            if (env.size() == 3) {
                                ready.complete(null);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // ended
            }
            ready.complete(null);
        }, "db-stdout");
        reader.setDaemon(true);
        reader.start();
        ready.get(10, TimeUnit.MINUTES);
        if (env.size() != 3) {
            throw new IllegalStateException("./foodnet db did not start; see " + work.resolve("db.log"));
        }
        return env;
    }

    private Process startNode(Map<String, String> db, int port, String name, String roles, boolean demo, String region)
            throws IOException {
        ProcessBuilder b = new ProcessBuilder(root.resolve("foodnet").toString(), "serve", "--server.port=" + port,
                "--server.address=127.0.0.1", "--foodnet.demo=" + demo, "--foodnet.node.name=" + name,
                "--foodnet.node.roles=" + roles, "--foodnet.node.solver-threads=1", "--foodnet.region=" + region,
                "--foodnet.solver.queue-capacity=10000", "--foodnet.solver.max-time-limit=2h",
                "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        b.environment().putAll(db);
        b.environment().put("FOODNET_JAVA_OPTS", "-Xmx768m");
        Process p = b.start();
        processes.add(p);
        return p;
    }

    private void awaitUp(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("node on port " + port + " did not start; logs in " + work);
    }

    private void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = send(port, HttpRequest.newBuilder().GET(), path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("coordinator:demo-coordinator".getBytes(StandardCharsets.UTF_8));
        return http.send(request.uri(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static OffsetDateTime time(JsonNode job, String field) {
        JsonNode v = job.get(field);
        return v == null || v.isNull() ? null : OffsetDateTime.parse(v.asString());
    }

    private static double seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? -1 : Duration.between(from, to).toMillis() / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
