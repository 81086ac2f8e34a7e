package org.foodnet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test of durability with separate processes: the service runs as its own JVM (and its embedded
 * PostgreSQL as the processes pg_ctl detaches), organizers log donations from several threads, and mid-load the
 * JVM and every PostgreSQL process of the data directory are killed with SIGKILL at once. After a restart on the
 * same data directory every donation that had been answered 201 is there, exactly once (in the stock ledger and in
 * the api's donation table).
 */
class CrashTest {

    private static final int THREADS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final List<Process> services = new ArrayList<>();
    private Path root;

    @AfterEach
    void cleanUp() throws Exception {
        for (Process service : services) {
            if (service.isAlive()) {
                service.destroy();
                if (!service.waitFor(60, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        if (root != null) {
            postgresProcesses(root.resolve("pgdata")).forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyDonationAnswered201SurvivesASigkillOfTheServiceAndPostgresqlExactlyOnce() throws Exception {
        root = Files.createTempDirectory("foodnet-crash");
        Path dataDir = root.resolve("pgdata");

        long t0 = System.nanoTime();
        int port = ServiceProcess.freePort();
        Process first = start(dataDir, port, root.resolve("first.log"));
        ServiceProcess.awaitUp(first, port, root.resolve("first.log"), START_TIMEOUT);
        long up = System.nanoTime();

        // donations from several threads; the thread that gets the ACKNOWLEDGED_BEFORE_KILL-th 201 kills at once,
        // so that the newest commits are milliseconds old (not yet flushed if commits were asynchronous)
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // idempotency key -> lot id
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killing = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        // PostgreSQL's processes, listed again and again, so the kill need not walk the process tree first
        AtomicReference<List<ProcessHandle>> postgres = new AtomicReference<>(postgresProcesses(dataDir));
        Thread watcher = new Thread(() -> {
            while (!killing.get()) {
                List<ProcessHandle> now = postgresProcesses(dataDir);
                if (!killing.get() && !now.isEmpty()) {
                    postgres.set(now);
                }
                sleepQuietly(100);
            }
        }, "postgres-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Runnable kill = () -> {
            if (killing.compareAndSet(false, true)) {
                // SIGKILL the JVM and every PostgreSQL process of the data directory, all at once
                first.toHandle().destroyForcibly();
                postgres.get().forEach(ProcessHandle::destroyForcibly);
                killed.countDown();
            }
        };
        List<Thread> organizers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread organizer = new Thread(() -> {
                Http http = new Http(port, "organizer", "demo-organizer");
                for (int i = 0; !killing.get(); i++) {
                    String key = "crash-" + thread + "-" + i;
                    Map<String, Object> donation = Map.of("siteId", "hub", "category", "rice " + key, "temperature", "AMBIENT",
                            "grams", 1000 + i, "expiryDate", "2027-06-30", "expiryKind", "BEST_BEFORE");
                    Response r;
                    try {
                        r = http.post("/api/donations", donation, "Idempotency-Key", key);
                    } catch (RuntimeException e) {
                        // no answer: the service was killed while the request was on its way
                        if (!killing.get()) {
                            unexpected.add(key + ": " + e);
                        }
                        continue;
                    }
                    if (r.status() == 201) {
                        acknowledged.put(key, r.json().get("lotId").asString());
                        if (answered.incrementAndGet() == ACKNOWLEDGED_BEFORE_KILL) {
                            kill.run();
                        }
                    } else {
                        unexpected.add(key + ": " + r);
                    }
                }
            }, "organizer-" + t);
            organizer.start();
            organizers.add(organizer);
        }
        boolean reached = killed.await(5, TimeUnit.MINUTES);
        kill.run(); // in any case
        for (Thread organizer : organizers) {
            organizer.join(TimeUnit.SECONDS.toMillis(90));
        }
        assertThat(postgres.get()).as("PostgreSQL processes of " + dataDir).isNotEmpty();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle p : postgres.get()) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(reached).as("%d donations acknowledged before the kill; log: %s", acknowledged.size(),
                ServiceProcess.tail(root.resolve("first.log"))).isTrue();
        assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
        assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL was killed, not stopped").exists();
        Map<String, String> acked = new HashMap<>(acknowledged);
        long down = System.nanoTime();

        // restart on the same data directory: PostgreSQL recovers from its WAL
        int secondPort = ServiceProcess.freePort();
        Process second = start(dataDir, secondPort, root.resolve("second.log"));
        ServiceProcess.awaitUp(second, secondPort, root.resolve("second.log"), START_TIMEOUT);
        long restarted = System.nanoTime();

        // each acknowledged donation exactly once, in the ledger and in the donation table (as the owner role)
        Map<String, Integer> ledgerRows = new HashMap<>();
        Map<String, Integer> donationRows = new HashMap<>();
        int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
        Properties owner = new Properties();
        owner.setProperty("user", "foodnet");
        owner.setProperty("password", Files.readString(dataDir.resolve("foodnet.password")).strip());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/foodnet", owner)) {
            count(c, "SELECT substring(operation_id FROM 'donation:organizer:(.*)'), count(*) FROM stock_movement"
                    + " WHERE kind = 'LOGGED' AND operation_id LIKE 'donation:organizer:crash-%' GROUP BY 1", ledgerRows);
            count(c, "SELECT substring(operation_id FROM 'donation:organizer:(.*)'), count(*) FROM api_donation"
                    + " WHERE operation_id LIKE 'donation:organizer:crash-%' GROUP BY 1", donationRows);
        }
        List<String> lost = acked.keySet().stream().filter(k -> ledgerRows.getOrDefault(k, 0) != 1
                || donationRows.getOrDefault(k, 0) != 1).sorted().toList();
        assertThat(lost).as("of %d acknowledged donations, these are not stored exactly once (ledger %s, table %s)",
                acked.size(), ledgerRows.size(), donationRows.size()).isEmpty();
        assertThat(ledgerRows.values()).as("no donation twice").allMatch(n -> n == 1);
        assertThat(donationRows.keySet()).isEqualTo(ledgerRows.keySet());

        // and the service shows them (coordinator)
        Http coordinator = new Http(secondPort, "coordinator", "demo-coordinator");
        for (Map.Entry<String, String> e : acked.entrySet()) {
            Response r = coordinator.get("/api/donations/" + e.getValue());
            assertThat(r.status()).as(e.getKey() + " " + r).isEqualTo(200);
            assertThat(r.json().get("category").asString()).isEqualTo("rice " + e.getKey());
        }
        System.out.printf("CrashTest: %d donations acknowledged before the kill, %d stored (some answered by nobody),"
                + " all acknowledged ones exactly once; first start %.1f s, load %.1f s, restart %.1f s%n", acked.size(),
                ledgerRows.size(), (up - t0) / 1e9, (down - up) / 1e9, (restarted - down) / 1e9);
    }

    private static void count(Connection c, String sql, Map<String, Integer> into) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getInt(2));
            }
        }
    }

    /** The service in its own JVM, as {@code ./foodnet serve} runs it (durable settings: the defaults). */
    private Process start(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FoodnetApplication.class.getName(), "--foodnet.data.dir=" + dataDir, "--server.port=" + port,
                "--server.address=127.0.0.1", "--foodnet.demo=true", "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        services.add(process);
        return process;
    }

    /** The postmaster named in the data directory's postmaster.pid and all its children. */
    private static List<ProcessHandle> postgresProcesses(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            if (!Files.exists(pidFile)) {
                return processes;
            }
            Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
            postmaster.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).ifPresent(p -> {
                processes.add(p);
                p.descendants().forEach(processes::add);
            });
        } catch (IOException | RuntimeException e) {
            // nothing to kill
        }
        return processes;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
