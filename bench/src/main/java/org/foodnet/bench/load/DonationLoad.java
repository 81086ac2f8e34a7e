package org.foodnet.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An open-loop load test of donation logging against a running Foodnet service.
 *
 * <pre>
 * DonationLoad --url http://localhost:8080 --admin coordinator:demo-coordinator --auth token|session|basic
 *              [--rate 200] [--duration 60] [--clients 50] [--warmup 10] [--seed 10000] [--site hub]
 * </pre>
 *
 * <ol>
 *   <li>As the coordinator (Basic): makes a fresh ORGANIZER for this run, so that what it stored can be counted
 *       apart; seeds the month with {@code --seed} donations through the donations CSV (1,000 rows per upload).</li>
 *   <li>Signs the {@code --clients} clients in as that organizer: {@code basic} (the password on every request),
 *       {@code session} (each client posts the login form once and sends its session cookie) or {@code token}
 *       (one personal API token, {@code Authorization: Bearer}). The clients share one {@code HttpClient}
 *       (HTTP/1.1, a connection per request in flight, kept open); each sends its own credentials or cookies.</li>
 *   <li>Sends {@code --rate} donations per second on a fixed schedule for {@code --warmup} then {@code --duration}
 *       seconds: request i is due at start + i / rate and belongs to client i mod clients. A client that is still
 *       waiting for an answer sends its next request late, and the <b>latency counts from the scheduled time</b>,
 *       so a slow service is not hidden by a slower sender (no coordinated omission). Each request has its own
 *       Idempotency-Key and is sent once (no retries).</li>
 *   <li>Counts what was stored, through the API (the organizer's donations, paged): a donation answered 201 and
 *       missing is <i>lost</i>; a key stored more than once, or a lot with more than one LOGGED ledger row, is
 *       <i>duplicated</i>.</li>
 * </ol>
 * Latencies are reported for the measured part only (after the warm-up); errors, lost and duplicated for all.
 */
public final class DonationLoad {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Options(URI url, String adminUser, String adminPassword, String auth, int rate, int durationSeconds,
                   int clients, int warmupSeconds, int seed, String site, boolean verify, Map<String, Long> cpuPids) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                o.put(args[i].substring(2), args[++i]);
            }
            String admin = o.getOrDefault("admin", "coordinator:demo-coordinator");
            int colon = admin.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--admin must be user:password");
            }
            String auth = o.getOrDefault("auth", "token");
            if (!List.of("basic", "session", "token").contains(auth)) {
                throw new IllegalArgumentException("--auth must be basic, session or token");
            }
            Options options = new Options(URI.create(o.getOrDefault("url", "http://localhost:8080")), admin.substring(0, colon),
                    admin.substring(colon + 1), auth, Integer.parseInt(o.getOrDefault("rate", "200")),
                    Integer.parseInt(o.getOrDefault("duration", "60")), Integer.parseInt(o.getOrDefault("clients", "50")),
                    Integer.parseInt(o.getOrDefault("warmup", "10")), Integer.parseInt(o.getOrDefault("seed", "10000")),
                    o.getOrDefault("site", "hub"), Boolean.parseBoolean(o.getOrDefault("verify", "true")),
                    cpuPids(o.getOrDefault("cpu", "")));
            if (options.rate < 1 || options.durationSeconds < 1 || options.clients < 1 || options.warmupSeconds < 0
                    || options.seed < 0) {
                throw new IllegalArgumentException("rate, duration and clients must be >= 1, warmup and seed >= 0");
            }
            return options;
        }

        /** {@code --cpu service=1234,postgres=5678}: processes (with their descendants) whose CPU time the run reports. */
        static Map<String, Long> cpuPids(String spec) {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (String part : spec.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                try {
                    pids.put(part.substring(0, eq).trim(), Long.parseLong(part.substring(eq + 1).trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("--cpu must be name=pid[,name=pid...], got " + part);
                }
            }
            return pids;
        }
    }

    /** One request: when it was due, when it ended, how, and the lot it made. */
    static final class Outcome {
        long scheduledNanos;
        long endNanos;
        int status;
        String lotId;
        String error;
    }

    private final Options options;
    private final PrintStream out;
    private final String runId;
    private final String password;

    DonationLoad(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        SecureRandom random = new SecureRandom();
        this.runId = "load" + Long.toString(System.currentTimeMillis() / 1000, 36);
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: DonationLoad --url http://localhost:8080 --admin user:password --auth token|session|basic "
                    + "[--rate 200] [--duration 60] [--clients 50] [--warmup 10] [--seed 10000] [--site hub] [--verify true] "
                    + "[--cpu service=PID,postgres=PID]");
            System.exit(2);
            return;
        }
        System.exit(new DonationLoad(options, System.out).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        HttpClient admin = client(null);
        out.printf(Locale.ROOT, "run %s: %s, %d/s x %d s (+%d s warm-up) from %d clients, %s auth%n", runId, options.url,
                options.rate, options.durationSeconds, options.warmupSeconds, options.clients, options.auth);
        HttpResponse<String> user = send(admin, post("/api/users", "application/json", JSON.writeValueAsString(Map.of(
                "username", runId, "password", password, "role", "ORGANIZER"))).header("Authorization", basic(options.adminUser,
                options.adminPassword)).build());
        require(user, 201, "creating the run's organizer");
        if (options.seed > 0) {
            seed();
        }
        List<Map<String, String>> clientHeaders = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        String token = null;
        if (options.auth.equals("token")) {
            HttpResponse<String> made = send(admin, post("/api/me/tokens", "application/json", "{\"name\":\"load " + runId + "\"}")
                    .header("Authorization", basic(runId, password)).build());
            require(made, 201, "making an API token");
            token = JSON.readTree(made.body()).get("token").asString();
        }
        // The clients' requests go through one HttpClient (one selector thread; it opens a connection per request in
        // flight and keeps them open) with the cookies as a plain header: 50 HttpClients with a CookieManager each
        // cost the load generator, which shares the cores with the service, markedly more CPU per request.
        HttpClient shared = client(null);
        for (int c = 0; c < options.clients; c++) {
            Map<String, String> headers = new LinkedHashMap<>();
            switch (options.auth) {
                case "basic" -> headers.put("Authorization", basic(runId, password));
                case "token" -> headers.put("Authorization", "Bearer " + token);
                default -> {
                    CookieManager cookies = new CookieManager();
                    headers.putAll(login(client(cookies), cookies));
                }
            }
            clients.add(shared);
            clientHeaders.add(headers);
        }

        int warmup = options.rate * options.warmupSeconds;
        int total = warmup + options.rate * options.durationSeconds;
        Outcome[] outcomes = new Outcome[total];
        double intervalNanos = 1e9 / options.rate;
        long start = System.nanoTime() + 200_000_000L;
        Instant startedAt = Instant.now().plusMillis(200);
        Thread[] threads = new Thread[options.clients];
        for (int c = 0; c < options.clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                for (int i = client; i < total; i += options.clients) {
                    Outcome outcome = new Outcome();
                    outcome.scheduledNanos = start + Math.round(i * intervalNanos);
                    long wait;
                    while ((wait = outcome.scheduledNanos - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    donate(clients.get(client), clientHeaders.get(client), i, outcome);
                    outcome.endNanos = System.nanoTime();
                    outcomes[i] = outcome;
                }
            }, "load-client-" + c);
            threads[c].start();
        }
        Map<String, Long> cpuBefore = new LinkedHashMap<>();
        Thread cpuStart = new Thread(() -> {
            long due = start + (long) options.warmupSeconds * 1_000_000_000L;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            synchronized (cpuBefore) {
                cpuBefore.putAll(cpuNow());
            }
        }, "load-cpu");
        cpuStart.start();
        for (Thread t : threads) {
            t.join();
        }
        cpuStart.join();
        Map<String, Long> cpuAfter = cpuNow();
        long end = Arrays.stream(outcomes).mapToLong(o -> o.endNanos).max().orElse(start);
        synchronized (cpuBefore) {
            reportCpu(cpuBefore, cpuAfter, total - warmup);
        }
        return report(outcomes, warmup, start, end, startedAt);
    }

    /** CPU milliseconds so far of each --cpu process (with descendants) and of this load generator. */
    private Map<String, Long> cpuNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        ProcessCpu cpu = ProcessCpu.linux();
        if (!cpu.available()) {
            return now;
        }
        Map<String, Long> pids = new LinkedHashMap<>(options.cpuPids);
        pids.put("load generator", ProcessHandle.current().pid());
        pids.forEach((name, pid) -> {
            try {
                now.put(name, cpu.millis(pid));
            } catch (IOException e) {
                out.printf(Locale.ROOT, "cpu: cannot read process %d (%s): %s%n", pid, name, e.getMessage());
            }
        });
        return now;
    }

    /**
     * CPU per request over the measured part (from the end of the warm-up to the last answer), per process: what a
     * donation costs each of them, which a shared machine changes far less than it changes latency.
     */
    private void reportCpu(Map<String, Long> before, Map<String, Long> after, int requests) {
        StringBuilder line = new StringBuilder("CPU per request, measured part:");
        before.forEach((name, ms) -> {
            Long end = after.get(name);
            if (end != null) {
                line.append(String.format(Locale.ROOT, " %s %.2f ms;", name, (end - ms) / (double) requests));
            }
        });
        if (!before.isEmpty()) {
            out.println(line.substring(0, line.length() - 1));
        }
    }

    private void donate(HttpClient client, Map<String, String> headers, int i, Outcome outcome) {
        String body = "{\"siteId\":\"" + options.site + "\",\"category\":\"load " + runId + "\",\"temperature\":\"AMBIENT\","
                + "\"grams\":" + (1000 + i % 5000) + ",\"expiryDate\":\"2027-06-30\",\"expiryKind\":\"BEST_BEFORE\"}";
        HttpRequest.Builder request = post("/api/donations", "application/json", body)
                .header("Idempotency-Key", runId + "-" + i);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            outcome.status = response.statusCode();
            if (response.statusCode() == 201) {
                outcome.lotId = JSON.readTree(response.body()).get("lotId").asString();
            } else {
                outcome.error = response.statusCode() + " " + abbreviate(response.body());
            }
        } catch (IOException e) {
            outcome.error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.error = "interrupted";
        }
    }

    private boolean report(Outcome[] outcomes, int warmup, long start, long end, Instant startedAt) throws Exception {
        Map<String, Integer> errors = new LinkedHashMap<>();
        Set<String> acknowledged = new HashSet<>();
        long[] latencies = new long[outcomes.length - warmup];
        int ok = 0;
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = outcomes[i];
            if (o.lotId != null) {
                acknowledged.add(o.lotId);
                ok++;
            } else {
                errors.merge(o.error == null ? "?" : o.error.length() > 120 ? o.error.substring(0, 120) : o.error, 1, Integer::sum);
            }
            if (i >= warmup) {
                latencies[i - warmup] = o.endNanos - o.scheduledNanos;
            }
        }
        Arrays.sort(latencies);
        double seconds = (end - start) / 1e9;
        out.printf(Locale.ROOT, "started %s; %d requests (%d measured) in %.1f s = %.1f/s achieved (%d/s scheduled)%n",
                startedAt, outcomes.length, latencies.length, seconds, outcomes.length / seconds, options.rate);
        out.printf(Locale.ROOT, "latency from the schedule, measured part: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                ms(pct(latencies, 50)), ms(pct(latencies, 90)), ms(pct(latencies, 99)), ms(pct(latencies, 99.9)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        out.printf(Locale.ROOT, "answers: %d x 201, %d errors%s%n", ok, outcomes.length - ok, errors.isEmpty() ? "" : " " + errors);

        out.printf(Locale.ROOT, "load average (1/5/15 min) after the run: %s%n", loadAverage());
        if (!options.verify) {
            return errors.isEmpty();
        }
        // what was stored, through the API
        HttpClient client = client(null);
        Map<String, Integer> stored = new HashMap<>();
        int loggedRowsWrong = 0;
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> page = send(client, HttpRequest.newBuilder(options.url.resolve(
                    "/api/donations?size=500&page=" + offset / 500)).header("Authorization", basic(runId, password)).GET().build());
            require(page, 200, "listing the stored donations");
            JsonNode donations = JSON.readTree(page.body());
            for (JsonNode d : donations) {
                stored.merge(d.get("lotId").asString(), 1, Integer::sum);
                int logged = 0;
                for (JsonNode row : d.get("ledger")) {
                    logged += row.get("kind").asString().equals("LOGGED") ? 1 : 0;
                }
                loggedRowsWrong += logged == 1 ? 0 : 1;
            }
            if (donations.size() < 500) {
                break;
            }
        }
        int lost = 0;
        for (String lot : acknowledged) {
            lost += stored.containsKey(lot) ? 0 : 1;
        }
        int storedRows = stored.values().stream().mapToInt(Integer::intValue).sum();
        int duplicated = storedRows - stored.size() + loggedRowsWrong + Math.max(0, stored.size() - outcomes.length);
        int storedUnanswered = 0;
        for (String lot : stored.keySet()) {
            storedUnanswered += acknowledged.contains(lot) ? 0 : 1;
        }
        out.printf(Locale.ROOT, "stored: %d donations (%d answered 201, %d stored without a 201 answer); lost %d, duplicated %d%n",
                storedRows, acknowledged.size(), storedUnanswered, lost, duplicated);
        return errors.isEmpty() && lost == 0 && duplicated == 0;
    }

    // --- setup ---------------------------------------------------------------------------------------------------

    /** Seeds the month with donations through the CSV import, 1,000 rows per upload, as the coordinator. */
    private void seed() throws Exception {
        HttpClient client = client(null);
        long t0 = System.nanoTime();
        for (int from = 0; from < options.seed; from += 1000) {
            StringBuilder csv = new StringBuilder("key,site_id,category,temperature,grams,expiry_date,expiry_kind\r\n");
            for (int i = from; i < Math.min(options.seed, from + 1000); i++) {
                csv.append("seed-").append(runId).append('-').append(i).append(',').append(options.site)
                        .append(",seed,AMBIENT,").append(500 + i % 20_000).append(",2027-03-31,BEST_BEFORE\r\n");
            }
            HttpResponse<String> r = send(client, post("/api/donations.csv", "text/csv", csv.toString())
                    .header("Authorization", basic(options.adminUser, options.adminPassword)).build());
            require(r, 200, "seeding donations " + from + "..");
        }
        out.printf(Locale.ROOT, "seeded %d donations in %.1f s%n", options.seed, (System.nanoTime() - t0) / 1e9);
    }

    /** Signs a client in with the login form; returns the headers its calls send (the pages' own). */
    private Map<String, String> login(HttpClient client, CookieManager cookies) throws Exception {
        String form = "username=" + URLEncoder.encode(runId, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        // a CSRF token, if the service hands one out, comes as the XSRF-TOKEN cookie of any page
        send(client, HttpRequest.newBuilder(options.url.resolve("/login.html")).GET().build());
        HttpRequest.Builder login = post("/login", "application/x-www-form-urlencoded", form)
                .header("Origin", origin());
        String csrf = cookie(cookies, "XSRF-TOKEN");
        if (csrf != null) {
            login.header("X-XSRF-TOKEN", csrf);
        }
        HttpResponse<String> r = send(client, login.build());
        if (r.statusCode() / 100 != 3 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login as " + runId + " failed: " + r.statusCode() + " " + r.headers().map());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Requested-With", "XMLHttpRequest");
        headers.put("Origin", origin());
        send(client, HttpRequest.newBuilder(options.url.resolve("/api/me")).header("X-Requested-With", "XMLHttpRequest").GET().build());
        csrf = cookie(cookies, "XSRF-TOKEN");
        if (csrf != null) {
            headers.put("X-XSRF-TOKEN", csrf);
        }
        if (cookie(cookies, "JSESSIONID") == null) {
            throw new IllegalStateException("login as " + runId + " gave no session cookie");
        }
        StringBuilder cookieHeader = new StringBuilder();
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            cookieHeader.append(cookieHeader.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        headers.put("Cookie", cookieHeader.toString());
        return headers;
    }

    private String origin() {
        return options.url.getScheme() + "://" + options.url.getAuthority();
    }

    private static String cookie(CookieManager cookies, String name) {
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static HttpClient client(CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        return b.build();
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(options.url.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void require(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " " + abbreviate(r.body()));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
