package org.foodnet.bench.federation;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.foodnet.api.FoodnetApplication;
import org.foodnet.data.DbServer;
import org.foodnet.data.DbServerOutput;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.json.NetworkJson;
import org.foodnet.solver.json.PlanJson;
import org.foodnet.solver.plan.Plan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./foodnet federation}: K demo networks side by side on a cluster of N Foodnet nodes (separate JVMs on
 * loopback) sharing one PostgreSQL ({@code ./foodnet db}). A federation administrator creates every network with
 * its own coordinator ({@code POST /api/networks}); that coordinator stores the network's demo month
 * ({@code ./foodnet demo --seed i --scale X}, {@code PUT /api/networks/{id}/network}, the service code any
 * coordinator uses) and, once all are stored, every coordinator starts their month's plan at once
 * ({@code POST /api/networks/{id}/plans}). Optionally one node is SIGKILLed midway (node 2; with one node, node 1,
 * which is then started again). Per network: queue wait, solve time, attempts, the nodes that ran it, and the
 * independent {@link PlanChecker}'s verdict on the stored plan against the stored network (both read back over the
 * API); overall networks per hour per node and the longest queue wait.
 */
public final class FederationBench implements AutoCloseable {

    static final String USAGE = """
            usage: ./foodnet federation [--networks 12] [--nodes 2] [--time-limit 20] [--kill] [--month 2026-12]
                                        [--scales 1,1,1,3,...] [--out bench/results/DATE-federation-KxN-Ts.csv]
              --networks    demo networks (seed i = 1..K), each with its own coordinator, planned at once
              --scales      the networks' sizes, comma-separated, repeated over the K networks; default: every
                            12th network x10, every 4th x3, the others x1 (K=12: 9 x1, 2 x3, 1 x10)
              --nodes       Foodnet nodes: node 1 api,worker, nodes 2..N worker only; 1 solver thread each
              --time-limit  solver seconds per plan
              --kill        SIGKILL node 2 while it solves a plan (one node: node 1, then start it again)
            """;

    static final String ADMIN = "federation";
    static final String ADMIN_PASSWORD = "federation-bench";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to run. {@code scales} is repeated over the networks. */
    public record Options(int networks, int nodes, int timeLimitSeconds, boolean kill, YearMonth month, List<Integer> scales) {

        public Options {
            if (networks < 1 || nodes < 1 || timeLimitSeconds < 1 || scales.isEmpty()) {
                throw new IllegalArgumentException("need --networks >= 1, --nodes >= 1, --time-limit >= 1");
            }
            scales = List.copyOf(scales);
        }

        int scaleOf(int network) {
            return scales.get((network - 1) % scales.size());
        }

        /** Every 12th network x10, every 4th x3, the others x1. */
        static List<Integer> defaultScales(int networks) {
            List<Integer> scales = new ArrayList<>();
            for (int i = 1; i <= networks; i++) {
                scales.add(i % 12 == 0 ? 10 : i % 4 == 0 ? 3 : 1);
            }
            return scales;
        }
    }

    /** One network's outcome. {@code isolated}: another network's coordinator gets 404 for this plan and job. */
    public record NetworkResult(String network, long seed, int scale, int sites, int lots, int drivers, long jobId,
                                long planId, String status, int attempts, List<String> nodes, double queueWaitS,
                                double solveS, boolean checkerFeasible, int violations, String score,
                                List<Long> plansListed, boolean isolated) {
    }

    public record Report(Options options, List<NetworkResult> results, double minutes, long done, double perHourPerNode,
                         double longestQueueWaitS, String killNote, String uptimeBefore, String uptimeAfter) {
    }

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work;
    private final Duration startTimeout;
    private Map<String, String> db;

    public FederationBench(Path work, Duration startTimeout) {
        this.work = work;
        this.startTimeout = startTimeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--networks", "12", "--nodes", "2", "--time-limit", "20",
                "--month", "2026-12"));
        boolean kill = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kill")) {
                kill = true;
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.print(USAGE);
                return;
            } else if (List.of("--networks", "--nodes", "--time-limit", "--month", "--scales", "--out").contains(args[i])
                    && i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                System.err.print("federation: unknown option " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
        }
        Options options;
        try {
            int networks = Integer.parseInt(o.get("--networks"));
            List<Integer> scales = o.containsKey("--scales")
                    ? java.util.Arrays.stream(o.get("--scales").split(",")).map(String::strip).map(Integer::valueOf).toList()
                    : Options.defaultScales(networks);
            if (scales.stream().anyMatch(s -> s < 1 || s > 100)) {
                throw new IllegalArgumentException("--scales: each 1-100");
            }
            options = new Options(networks, Integer.parseInt(o.get("--nodes")), Integer.parseInt(o.get("--time-limit")),
                    kill, YearMonth.parse(o.get("--month")), scales);
        } catch (RuntimeException e) {
            System.err.print("federation: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path out = Path.of(o.getOrDefault("--out", String.format(Locale.ROOT, "bench/results/%s-federation-%dx%d%s-%ds.csv",
                LocalDate.now(), options.networks(), options.nodes(), kill ? "-kill" : "", options.timeLimitSeconds())));
        Path work = Files.createTempDirectory("foodnet-federation");
        System.out.println("federation: logs in " + work);
        Report report;
        try (FederationBench bench = new FederationBench(work, Duration.ofMinutes(10))) {
            // Ctrl-C / SIGTERM: stop the nodes and the database too, never leave them running
            Thread stop = new Thread(bench::close, "federation-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            report = bench.run(options, System.out);
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        write(out, report);
        System.out.printf(Locale.ROOT, "federation: %d of %d networks SUCCEEDED and checker-feasible in %.1f min on %d node(s): "
                        + "%.1f networks/hour/node; longest queue wait %.0f s; %s%n", report.done(), options.networks(),
                report.minutes(), options.nodes(), report.perHourPerNode(), report.longestQueueWaitS(), out);
    }

    /** Starts the database and the nodes, creates, loads and plans the networks, waits for every job, checks the plans. */
    public Report run(Options o, PrintStream log) throws Exception {
        String uptimeBefore = uptime();
        db = startDatabase();
        log.println("federation: database " + db.get("FOODNET_DB_URL"));
        List<Integer> ports = new ArrayList<>();
        List<Process> nodes = new ArrayList<>();
        for (int n = 1; n <= o.nodes(); n++) {
            int port = freePort();
            ports.add(port);
            nodes.add(startNode(port, "n" + n, n == 1 ? "api,worker" : "worker"));
            if (n == 1) {
                awaitUp(nodes.get(0), port, "n1"); // node 1 migrates the api's tables before the others join
            }
        }
        for (int n = 1; n < o.nodes(); n++) {
            awaitUp(nodes.get(n), ports.get(n), "n" + (n + 1));
        }
        int api = ports.get(0);

        // the federation administrator creates the networks; each coordinator stores their demo month
        List<String> ids = new ArrayList<>();
        Map<String, Network> stored = new HashMap<>();
        for (int i = 1; i <= o.networks(); i++) {
            String id = String.format(Locale.ROOT, "net%02d", i);
            ids.add(id);
            expect(send(api, ADMIN, ADMIN_PASSWORD, "POST", "/api/networks", JSON.writeValueAsString(Map.of("id", id,
                    "name", "Demo network " + i + " (seed " + i + ", x" + o.scaleOf(i) + ")",
                    "coordinator", Map.of("username", coordinator(id), "password", password(id))))), 201, "create " + id);
            Network network = DemoNetworkGenerator.generate(i, o.scaleOf(i), o.month());
            expect(send(api, coordinator(id), password(id), "PUT", prefix(id) + "/network", NetworkJson.toJson(network)),
                    200, "store " + id + "'s network");
            stored.put(id, network);
        }
        log.printf("federation: %d networks created and stored (scales %s)%n", o.networks(),
                ids.stream().map(id -> "x" + o.scaleOf(ids.indexOf(id) + 1)).toList());

        // every coordinator starts their month at once
        Instant begin = Instant.now();
        Map<String, Long> jobOf = new HashMap<>();
        Map<String, Long> planOf = new HashMap<>();
        for (String id : ids) {
            JsonNode accepted = JSON.readTree(expect(send(api, coordinator(id), password(id), "POST", prefix(id) + "/plans",
                    JSON.writeValueAsString(Map.of("month", o.month().toString(), "timeLimitSeconds", o.timeLimitSeconds()))),
                    202, "plan " + id).body());
            jobOf.put(id, accepted.get("jobId").asLong());
            planOf.put(id, accepted.get("planId").asLong());
        }
        log.printf("federation: %d plans submitted to %d node(s), %d s each%s%n", o.networks(), o.nodes(),
                o.timeLimitSeconds(), o.kill() ? ", one node to be killed" : "");

        String victim = o.nodes() >= 2 ? "n2" : "n1";
        String killNote = o.kill() ? "no node was running a job at 30 % of its time limit: nothing killed" : "";
        boolean killed = !o.kill();
        Instant end = begin.plus(Duration.ofHours(6));
        while (Instant.now().isBefore(end)) {
            int active = 0;
            for (String id : ids) {
                JsonNode j;
                try {
                    j = JSON.readTree(expect(send(api, coordinator(id), password(id), "GET",
                            prefix(id) + "/jobs/" + jobOf.get(id), null), 200, "job of " + id).body());
                } catch (IOException slow) {
                    // a node starved of CPU (or in a long GC pause) may not answer in time: ask again next round
                    log.println("federation: no answer about " + id + "'s job (" + slow + "); asking again");
                    active++;
                    continue;
                }
                String status = j.get("status").asString();
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    active++;
                }
                if (!killed && status.equals("RUNNING") && victim.equals(j.get("node").asString())
                        && j.get("progress").asDouble() > 0.3) {
                    Process p = nodes.get(o.nodes() >= 2 ? 1 : 0);
                    p.toHandle().destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                    killed = true;
                    killNote = String.format(Locale.ROOT, "node %s SIGKILLed %.0f s after the submission, while solving %s (job %d)",
                            victim, Duration.between(begin, Instant.now()).toMillis() / 1000.0, id, jobOf.get(id));
                    log.println("federation: " + killNote);
                    if (o.nodes() == 1) {
                        int port = freePort();
                        Process again = startNode(port, "n1-restarted", "api,worker");
                        nodes.set(0, again);
                        awaitUp(again, port, "n1-restarted");
                        api = port;
                        killNote += "; started again as n1-restarted "
                                + Math.round(Duration.between(begin, Instant.now()).toMillis() / 1000.0) + " s after the submission";
                        log.println("federation: node 1 started again (n1-restarted)");
                    }
                }
            }
            if (active == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        Instant finished = Instant.now();

        List<NetworkResult> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String other = ids.get((i + 1) % ids.size());
            results.add(result(api, o, i + 1, id, other, stored.get(id), jobOf.get(id), planOf.get(id)));
        }
        double hours = Duration.between(begin, finished).toMillis() / 3_600_000.0;
        long done = results.stream().filter(r -> r.status().equals("SUCCEEDED") && r.checkerFeasible()).count();
        return new Report(o, results, hours * 60, done, done / hours / o.nodes(),
                results.stream().mapToDouble(NetworkResult::queueWaitS).max().orElse(0), killNote, uptimeBefore, uptime());
    }

    private NetworkResult result(int api, Options o, int index, String id, String other, Network storedNetwork, long job,
                                 long planId) throws Exception {
        JsonNode j = JSON.readTree(expect(send(api, coordinator(id), password(id), "GET", prefix(id) + "/jobs/" + job, null),
                200, "job of " + id).body());
        JsonNode planView = JSON.readTree(expect(send(api, coordinator(id), password(id), "GET",
                prefix(id) + "/plans/" + planId, null), 200, "plan of " + id).body());
        // the independent checker on what the service stored: the network and the plan, both read back
        Network network = NetworkJson.fromJson(expect(send(api, coordinator(id), password(id), "GET",
                prefix(id) + "/network?month=" + o.month(), null), 200, "network " + id).body(), id + " network");
        JsonNode planNode = planView.get("plan");
        boolean feasible = false;
        int violations = -1;
        if (planNode != null && !planNode.isNull()) {
            Plan plan = PlanJson.fromJson(JSON.writeValueAsString(planNode), id + " plan " + planId);
            CheckReport check = PlanChecker.check(network, plan);
            feasible = check.feasible();
            violations = check.violations().size();
        }
        List<Long> listed = new ArrayList<>();
        for (JsonNode p : JSON.readTree(expect(send(api, coordinator(id), password(id), "GET",
                prefix(id) + "/plans?month=" + o.month(), null), 200, "plans of " + id).body())) {
            listed.add(p.get("id").asLong());
        }
        boolean isolated = other.equals(id)
                || (send(api, coordinator(other), password(other), "GET", prefix(other) + "/plans/" + planId, null).statusCode() == 404
                && send(api, coordinator(other), password(other), "GET", prefix(other) + "/jobs/" + job, null).statusCode() == 404
                && send(api, coordinator(other), password(other), "GET", prefix(id) + "/plans/" + planId, null).statusCode() == 404);
        OffsetDateTime created = time(j, "createdAt");
        OffsetDateTime started = time(j, "startedAt");
        OffsetDateTime ended = time(j, "endedAt");
        return new NetworkResult(id, index, o.scaleOf(index), storedNetwork.sites().size(), storedNetwork.lots().size(),
                storedNetwork.drivers().size(), job, planId, j.get("status").asString(), j.get("attempts").asInt(),
                attemptNodes(job), seconds(created, started), seconds(started, ended), feasible, violations,
                planView.get("score").asString(), listed, isolated);
    }

    /** The nodes of a job's attempts, in order (the engine's records; the API shows the last one only). */
    private List<String> attemptNodes(long job) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", db.get("FOODNET_DB_USER"));
        props.setProperty("password", db.get("FOODNET_DB_PASSWORD"));
        List<String> nodes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.get("FOODNET_DB_URL"), props);
             PreparedStatement s = c.prepareStatement("SELECT node FROM solve_job_attempt WHERE job_id = ? ORDER BY attempt")) {
            s.setLong(1, job);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    nodes.add(r.getString(1));
                }
            }
        }
        return nodes;
    }

    // --- report ----------------------------------------------------------------------------------------------

    static void write(Path out, Report report) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Options o = report.options();
        StringBuilder csv = new StringBuilder("network,seed,scale,sites,lots,volunteers,job,plan,status,attempts,nodes,"
                + "queue_wait_s,solve_s,checker,violations,score,isolated\n");
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Federation benchmark: %d networks, %d node(s), %d s per solve%s%n%n"
                        + "Month %s. Load before: `%s`; after: `%s` (2 cores shared with other builds).%s%n%n"
                        + "%.1f min from the submission to the last job's end; %d of %d networks SUCCEEDED with a "
                        + "checker-feasible plan; **%.1f networks per hour per node**; **longest queue wait %.0f s**.%n%n"
                        + "| network | seed | scale | lots | status | attempts | node(s) | queue wait s | solve s | checker | isolated |%n"
                        + "|---|---:|---:|---:|---|---:|---|---:|---:|---|---|%n",
                o.networks(), o.nodes(), o.timeLimitSeconds(), o.kill() ? ", one node SIGKILLed midway" : "", o.month(),
                report.uptimeBefore(), report.uptimeAfter(), report.killNote().isEmpty() ? "" : " " + capitalize(report.killNote()) + ".",
                report.minutes(), report.done(), o.networks(), report.perHourPerNode(), report.longestQueueWaitS()));
        for (NetworkResult r : report.results()) {
            String verdict = r.violations() < 0 ? "no plan" : r.checkerFeasible() ? "feasible" : "infeasible";
            String nodes = String.join(" ", r.nodes());
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%s,%d,%s,%.1f,%.1f,%s,%d,%s,%s%n", r.network(),
                    r.seed(), r.scale(), r.sites(), r.lots(), r.drivers(), r.jobId(), r.planId(), r.status(), r.attempts(),
                    nodes, r.queueWaitS(), r.solveS(), verdict, r.violations(), r.score(), r.isolated()));
            md.append(String.format(Locale.ROOT, "| %s | %d | ×%d | %d | %s | %d | %s | %.1f | %.1f | %s | %s |%n", r.network(),
                    r.seed(), r.scale(), r.lots(), r.status(), r.attempts(), nodes, r.queueWaitS(), r.solveS(),
                    verdict + (r.violations() > 0 ? " (" + r.violations() + ")" : ""), r.isolated() ? "yes" : "NO"));
        }
        Files.writeString(out, csv);
        Files.writeString(Path.of(out.toString().replaceFirst("\\.csv$", "") + ".md"), md);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // --- processes -------------------------------------------------------------------------------------------

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code ./foodnet db} (the same main class) on a fresh data directory and a free port. */
    private Map<String, String> startDatabase() throws Exception {
        Process p = new ProcessBuilder(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                DbServer.class.getName(), "--data-dir", work.resolve("pgdata").toString(), "--port", Integer.toString(freePort()))
                .redirectError(work.resolve("db.log").toFile()).start();
        processes.add(p);
        try {
            return DbServerOutput.await(p, startTimeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + work.resolve("db.log"), e);
        }
    }

    /**
     * {@code ./foodnet serve} (the same main class) joining the database. Node 1 makes the federation administrator
     * ({@code FOODNET_ADMIN_USER}); no demo data. A 2 GiB heap (a ×10 month's solve thrashed the
     * collector in 768 MiB). Request bodies up to 64 MiB: a ×10 demo month is a few MiB of JSON.
     */
    private Process startNode(int port, String name, String roles) throws IOException {
        ProcessBuilder b = new ProcessBuilder(java(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                FoodnetApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--foodnet.node.name=" + name, "--foodnet.node.roles=" + roles, "--foodnet.node.solver-threads=1",
                "--foodnet.solver.queue-capacity=10000", "--foodnet.solver.max-time-limit=2h",
                "--foodnet.max-body-bytes=67108864", "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        b.environment().putAll(db);
        b.environment().put("FOODNET_ADMIN_USER", ADMIN);
        b.environment().put("FOODNET_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process p = b.start();
        processes.add(p);
        return p;
    }

    private void awaitUp(Process process, int port, String name) throws Exception {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see "
                        + work.resolve(name + ".log"));
            }
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
        throw new IllegalStateException("node " + name + " did not start; see " + work.resolve(name + ".log"));
    }

    /** Stops every process it started (SIGTERM, then SIGKILL after 60 s), the database last. */
    @Override
    public synchronized void close() {
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

    static String coordinator(String network) {
        return "coord-" + network;
    }

    static String password(String network) {
        return "pw-" + network + "-bench";
    }

    static String prefix(String network) {
        return "/api/networks/" + network;
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private HttpResponse<String> send(int port, String user, String password, String method, String path, String body)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, publisher).header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(120));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    private static String uptime() {
        try {
            String loadavg = Files.readString(Path.of("/proc/loadavg")).strip();
            String[] f = loadavg.split("\\s+");
            return "load average " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }
}
