package org.foodnet.api.tenancy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.json.NetworkJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Networks side by side (issue 14): two networks of this class's own (alpha, beta) next to the demo network, made
 * by a federation administrator. Driven by the OpenAPI document: every path and method, called by beta's
 * coordinator with alpha's ids (with alpha's prefix, with beta's, and without a prefix), answers 404 (or 403 / a
 * refusal of the request itself), never alpha's data, and changes nothing of alpha. Tokens sign in to their own
 * network only; a person in two networks chooses one; both networks' months are solved side by side, each from its
 * own data only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyTest extends ApiTestBase {

    static final String A = "tenancy-alpha";
    static final String B = "tenancy-beta";
    /** Text only alpha's data holds (names, category): never in an answer to anyone else. */
    static final String SECRET = "secret alpha";

    @Autowired
    JdbcClient jdbc;

    Http admin;
    Http coordA;
    Http coordB;
    Http driverB;
    Http both;
    long planA;
    long jobA;
    long planB;
    long jobB;
    String lotA;
    long tokenIdA;
    String tripA;
    String driverTokenB;
    String bothTokenB;

    @BeforeAll
    void networks() {
        clock.set(TODAY.atZone(TOKYO).toInstant());
        jdbc.sql("INSERT INTO api_user (username, password_hash, federation_admin) VALUES ('ten-admin', '{noop}ten-admin-password', true)")
                .update();
        admin = new Http(port, "ten-admin", "ten-admin-password");
        for (String[] n : new String[][] {{A, "Secret Alpha network", "ten-coord-a"}, {B, "Beta network", "ten-coord-b"}}) {
            Response created = admin.post("/api/networks", Map.of("id", n[0], "name", n[1], "zone", "Asia/Tokyo",
                    "coordinator", Map.of("username", n[2], "password", n[2] + "-password")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("location")).isEqualTo("/api/networks/" + n[0] + "/network");
        }
        coordA = admin.as("ten-coord-a", "ten-coord-a-password");
        coordB = admin.as("ten-coord-b", "ten-coord-b-password");
        ok(coordA.put("/api/networks/" + A + "/network",
                NetworkJson.toJson(DemoNetworkGenerator.generate(21, 1, YearMonth.of(2026, 12)))));
        ok(coordB.put("/api/networks/" + B + "/network",
                NetworkJson.toJson(DemoNetworkGenerator.generate(22, 1, YearMonth.of(2026, 12)))));

        // alpha's own things, with names nobody else may ever see
        String a = "/api/networks/" + A;
        ok(coordA.post(a + "/vehicles", "{\"id\":\"alpha-van\",\"name\":\"Secret Alpha van\",\"capacity\":{\"ambientGrams\":100000,"
                + "\"chilledGrams\":0,\"frozenGrams\":0}}"));
        ok(coordA.post(a + "/volunteers", "{\"id\":\"alpha-drv\",\"name\":\"Secret Alpha driver\",\"homeLat\":35.4,\"homeLon\":134.2,"
                + "\"maxMinutesPerDay\":240,\"vehicleId\":\"alpha-van\"}"));
        ok(coordA.post(a + "/volunteers/alpha-drv/slots", "{\"date\":\"2027-01-15\",\"from\":\"09:00\",\"to\":\"13:00\"}"));
        ok(coordA.post(a + "/sites", "{\"id\":\"alpha-farm\",\"name\":\"Secret Alpha farm\",\"kind\":\"FARM\",\"municipality\":\"八頭町\","
                + "\"address\":\"x 1\",\"contact\":\"0858\",\"lat\":35.41,\"lon\":134.25,\"openingHours\":{\"MONDAY\":{\"from\":\"09:00\","
                + "\"to\":\"17:00\"}},\"closedDates\":[],\"serviceSeconds\":300,\"storageCapacity\":{\"ambientGrams\":0,"
                + "\"chilledGrams\":0,\"frozenGrams\":0}}"));
        Response lot = coordA.post(a + "/donations", "{\"siteId\":\"alpha-farm\",\"donorId\":\"alpha-farm\",\"category\":\"secret alpha rice\","
                + "\"temperature\":\"AMBIENT\",\"grams\":1000,\"expiryDate\":\"2027-03-31\",\"expiryKind\":\"BEST_BEFORE\","
                + "\"availableFrom\":\"2027-01-05\"}", "Idempotency-Key", "tenancy-alpha-lot");
        ok(lot);
        lotA = lot.json().get("lotId").asString();
        ok(coordA.post(a + "/users", Map.of("username", "ten-driver-a", "password", "ten-driver-a-password", "role", "DRIVER",
                "driverId", "alpha-drv")));
        Response token = coordA.post(a + "/me/tokens", Map.of("name", "secret alpha token"));
        ok(token);
        tokenIdA = token.json().get("id").asLong();

        // beta: a driver (with a calendar token), and a person who is coordinator in alpha and driver in beta
        String b = "/api/networks/" + B;
        ok(coordB.post(b + "/users", Map.of("username", "ten-driver-b", "password", "ten-driver-b-password", "role", "DRIVER",
                "driverId", "drv-001")));
        driverB = admin.as("ten-driver-b", "ten-driver-b-password");
        Response dt = driverB.post(b + "/me/tokens", Map.of("name", "calendar"));
        ok(dt);
        driverTokenB = dt.json().get("token").asString();
        ok(coordB.post(b + "/users", Map.of("username", "ten-both", "password", "ten-both-password", "role", "DRIVER",
                "driverId", "drv-002")));
        ok(coordA.put(a + "/users/ten-both/role", Map.of("role", "COORDINATOR")));
        both = admin.as("ten-both", "ten-both-password");
        Response bt = both.post(b + "/me/tokens", Map.of("name", "beta calendar"));
        ok(bt);
        bothTokenB = bt.json().get("token").asString();

        // both months planned side by side
        Response pa = coordA.post(a + "/plans", Map.of("month", "2026-12", "timeLimitSeconds", 10));
        Response pb = coordB.post(b + "/plans", Map.of("month", "2026-12", "timeLimitSeconds", 10));
        assertThat(pa.status()).as(pa.toString()).isEqualTo(202);
        assertThat(pb.status()).as(pb.toString()).isEqualTo(202);
        planA = pa.json().get("planId").asLong();
        jobA = pa.json().get("jobId").asLong();
        planB = pb.json().get("planId").asLong();
        jobB = pb.json().get("jobId").asLong();
        await(coordA, A, jobA);
        await(coordB, B, jobB);
        JsonNode tripsA = coordA.get(a + "/plans/" + planA).json().get("plan").get("trips");
        tripA = tripsA.isEmpty() ? "alpha-trip" : tripsA.get(0).get("id").asString();
    }

    @Test
    void twoNetworksSolvedSideBySideSeeOnlyTheirOwnData() {
        for (Object[] n : new Object[][] {{coordA, A, planA, jobA}, {coordB, B, planB, jobB}}) {
            Http who = (Http) n[0];
            String p = "/api/networks/" + n[1];
            JsonNode job = who.get(p + "/jobs/" + n[3]).json();
            assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
            Set<String> sites = new HashSet<>();
            who.get(p + "/sites").json().valueStream().forEach(s -> sites.add(s.get("id").asString()));
            Set<String> drivers = new HashSet<>();
            who.get(p + "/volunteers").json().valueStream().forEach(d -> drivers.add(d.get("id").asString()));
            JsonNode plan = who.get(p + "/plans/" + n[2]).json();
            assertThat(plan.get("plan").get("trips").size()).isPositive();
            plan.get("plan").get("trips").valueStream().forEach(t -> {
                assertThat(drivers).contains(t.get("driverId").asString());
                t.get("stops").valueStream().forEach(s -> assertThat(sites).contains(s.get("siteId").asString()));
            });
            List<Long> plans = who.get(p + "/plans?month=2026-12").json().valueStream().map(x -> x.get("id").asLong()).toList();
            assertThat(plans).containsExactly((Long) n[2]);
        }
        // alpha's farm and lot exist in alpha only; beta's plan was solved from beta's month (another seed)
        assertThat(coordA.get("/api/networks/" + A + "/network?month=2026-12").body()).isNotEqualTo(
                coordB.get("/api/networks/" + B + "/network?month=2026-12").body());
        assertThat(coordB.get("/api/networks/" + B + "/plans/" + planB).body().toLowerCase(Locale.ROOT)).doesNotContain(SECRET);
        // the demo network's coordinator sees neither
        List<Long> demoPlans = coordinator.get("/api/plans?month=2026-12").json().valueStream().map(x -> x.get("id").asLong()).toList();
        assertThat(demoPlans).doesNotContain(planA, planB);
        assertProblem(coordinator.get("/api/plans/" + planA), 404, null);
        assertProblem(coordinator.get("/api/jobs/" + jobB), 404, null);
    }

    /** Every path and method of the OpenAPI document, by beta's coordinator, with alpha's ids. */
    @Test
    void everyPathOfTheOpenApiDocumentRefusesAnotherNetwork() {
        String alphaBefore = alphaState();
        JsonNode paths = coordinator.anonymous().get("/v3/api-docs").json().get("paths");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        Set<String> prefixedListed = new HashSet<>();
        for (String path : (Iterable<String>) () -> paths.propertyNames().iterator()) {
            if (path.startsWith("/api/networks/{networkId}/")) {
                prefixedListed.add(path.substring("/api/networks/{networkId}".length()));
                continue;
            }
            if (!path.startsWith("/api/") || path.equals("/api/networks") || path.equals("/api/me/networks")) {
                continue;
            }
            JsonNode item = paths.get(path);
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                String concrete = withAlphaIds(path) + requiredQuery(op);
                boolean hasIds = VARIABLE.matcher(path).results().anyMatch(v -> !NOT_IDS.contains(v.group(1)));
                boolean bodyRequired = op.has("requestBody") && op.get("requestBody").path("required").asBoolean(false);
                String body = bodyRequired || method.equals("put") ? "{}" : null;
                String m = method.toUpperCase(Locale.ROOT);
                // with alpha's prefix: not found, whoever of beta asks
                for (Http who : List.of(coordB, driverB)) {
                    Response r = who.send(m, "/api/networks/" + A + concrete, body == null ? null : "application/json", body);
                    calls++;
                    if (r.status() != 404 || !r.header("content-type").startsWith("application/problem+json") || leaks(r)) {
                        failures.add(m + " /api/networks/" + A + concrete + " -> " + r);
                    }
                }
                // without a prefix, and with beta's: beta's own network, where alpha's ids are unknown
                for (String prefix : List.of("", "/api/networks/" + B)) {
                    Response r = coordB.send(m, prefix.isEmpty() ? concrete : prefix + concrete.substring(4),
                            body == null ? null : "application/json", body);
                    calls++;
                    boolean refused = r.status() == 404 || r.status() == 403
                            || !method.equals("get") && List.of(400, 405, 409, 415, 422).contains(r.status());
                    if (leaks(r) || r.status() >= 500 || hasIds && !refused) {
                        failures.add(m + " " + (prefix.isEmpty() ? concrete : prefix + concrete.substring(4)) + " -> " + r);
                    }
                }
            }
        }
        assertThat(failures).as(failures.size() + " of " + calls + " calls:\n" + String.join("\n", failures)).isEmpty();
        assertThat(calls).isGreaterThan(150);
        // the document lists every network-scoped path under the prefix too
        Set<String> scoped = new HashSet<>();
        paths.propertyNames().forEach(p -> {
            if (p.startsWith("/api/") && !p.startsWith("/api/networks") && !p.equals("/api/me/networks")) {
                scoped.add(p);
            }
        });
        assertThat(prefixedListed).containsAll(scoped.stream().map(p -> p.substring(4)).toList());
        assertThat(alphaState()).isEqualTo(alphaBefore);
    }

    @Test
    void aTokenSignsInToItsOwnNetworkOnly() {
        Http token = coordinator.anonymous();
        String bearer = "Bearer " + driverTokenB;
        // beta's driver's calendar feed, asked for alpha (or the demo network): not found
        for (String network : List.of(A, "kirin", "no-such-network")) {
            assertProblem(token.get("/api/networks/" + network + "/drivers/me/calendar.ics", "Authorization", bearer), 404, "networkId");
            assertProblem(token.get("/api/networks/" + network + "/drivers/alpha-drv/calendar.ics", "Authorization", bearer), 404, "networkId");
        }
        Response own = token.get("/api/drivers/me/calendar.ics", "Authorization", bearer);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.header("content-type")).startsWith("text/calendar");
        assertThat(own.body().toLowerCase(Locale.ROOT)).doesNotContain(SECRET);
        assertThat(token.get("/api/networks/" + B + "/drivers/me/calendar.ics", "Authorization", bearer).status()).isEqualTo(200);
        // another driver's feed is never a driver's to read
        assertProblem(token.get("/api/drivers/alpha-drv/calendar.ics", "Authorization", bearer), 403, null);

        // a token made in beta by a person who is also alpha's coordinator: beta only, as a driver
        String bothBearer = "Bearer " + bothTokenB;
        assertProblem(token.get("/api/networks/" + A + "/sites", "Authorization", bothBearer), 404, "networkId");
        assertProblem(token.get("/api/networks/" + A + "/drivers/me/calendar.ics", "Authorization", bothBearer), 404, "networkId");
        assertProblem(token.get("/api/sites", "Authorization", bothBearer), 403, "role");
        assertThat(token.get("/api/drivers/me/calendar.ics", "Authorization", bothBearer).status()).isEqualTo(200);
        assertThat(token.get("/api/me", "Authorization", bothBearer).json().get("network").asString()).isEqualTo(B);
        // alpha's token list holds alpha's token only; beta's coordinator cannot revoke it
        assertProblem(coordB.delete("/api/me/tokens/" + tokenIdA), 404, null);
    }

    /** Calendar feeds without sign-in (issue 16): a token names its network and driver; another network's prefix is 404. */
    @Test
    void aCalendarFeedTokenShowsItsOwnNetworksDriverOnly() {
        Http anonymous = coordinator.anonymous();
        Response made = driverB.post("/api/networks/" + B + "/drivers/me/calendar-token", null);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String path = made.json().get("path").asString();
        Response feed = anonymous.get(path);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.header("content-type")).startsWith("text/calendar");
        String betaName = coordB.get("/api/networks/" + B + "/volunteers/drv-001").json().get("name").asString();
        assertThat(feed.body()).contains(betaName);
        assertThat(feed.body().toLowerCase(Locale.ROOT)).doesNotContain(SECRET);
        assertThat(anonymous.get("/api/networks/" + B + path.substring(4)).status()).isEqualTo(200);
        // beta's token with alpha's prefix, the demo network's or an unknown one: not found, signed in or not
        for (String network : List.of(A, "kirin", "no-such-network")) {
            assertProblem(anonymous.get("/api/networks/" + network + path.substring(4)), 404, null);
            assertProblem(coordA.get("/api/networks/" + network + path.substring(4)), 404, null);
        }
        // alpha's driver's token shows alpha's driver, never beta's (nor the other way round)
        Response alpha = coordA.post("/api/networks/" + A + "/drivers/alpha-drv/calendar-token", null);
        assertThat(alpha.status()).as(alpha.toString()).isEqualTo(201);
        Response alphaFeed = anonymous.get(alpha.json().get("path").asString());
        assertThat(alphaFeed.body()).contains("Secret Alpha driver").doesNotContain(betaName);
        assertProblem(anonymous.get("/api/networks/" + B + alpha.json().get("path").asString().substring(4)), 404, null);
        // beta's coordinator cannot make a token for alpha's driver
        assertThat(coordB.post("/api/networks/" + B + "/drivers/alpha-drv/calendar-token", null).status()).isEqualTo(404);
    }

    @Test
    void aPersonInSeveralNetworksChoosesOne() {
        Response conflict = both.get("/api/sites");
        assertProblem(conflict, 409, "networkId");
        assertThat(conflict.body()).contains(A).contains(B);
        assertProblem(both.get("/api/me"), 409, "networkId");
        JsonNode mine = both.get("/api/me/networks").json();
        assertThat(mine.valueStream().map(n -> n.get("id").asString() + ":" + n.get("role").asString()).toList())
                .containsExactly(A + ":COORDINATOR", B + ":DRIVER");
        assertThat(both.get("/api/networks/" + A + "/sites").status()).isEqualTo(200);
        assertThat(both.get("/api/networks/" + A + "/me").json().get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(both.get("/api/networks/" + B + "/me").json().get("role").asString()).isEqualTo("DRIVER");
        assertProblem(both.get("/api/networks/" + B + "/sites"), 403, "role");
        assertProblem(both.get("/api/networks/kirin/sites"), 404, "networkId");
        // the demo network's people keep today's paths
        assertThat(coordinator.get("/api/sites").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/me").json().get("network").asString()).isEqualTo("kirin");
    }

    @Test
    void onlyAFederationAdministratorCreatesNetworks() {
        Map<String, Object> request = Map.of("id", "tenancy-gamma", "name", "Gamma", "coordinator",
                Map.of("username", "ten-coord-a"));
        assertProblem(coordA.post("/api/networks", request), 403, null);
        assertProblem(admin.post("/api/networks", Map.of("id", A, "name", "again", "coordinator", Map.of("username", "ten-coord-a"))), 409, null);
        assertProblem(admin.post("/api/networks", Map.of("id", "Bad Id", "name", "x", "coordinator", Map.of("username", "ten-coord-a"))), 400, "id");
        assertProblem(admin.post("/api/networks", Map.of("id", "tenancy-delta", "name", "x", "zone", "Mars/Olympus",
                "coordinator", Map.of("username", "ten-coord-a"))), 400, "zone");
        // an existing person becomes the first coordinator of a new network, next to their other roles
        Response gamma = admin.post("/api/networks", request);
        assertThat(gamma.status()).as(gamma.toString()).isEqualTo(201);
        assertThat(coordA.get("/api/me/networks").json().valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(A, "tenancy-gamma");
        assertThat(admin.get("/api/networks").json().valueStream().map(n -> n.get("id").asString()).toList())
                .contains(A, B, "kirin", "tenancy-gamma");
        // the administrator has no role inside a network by that alone
        assertProblem(admin.get("/api/networks/" + A + "/sites"), 404, "networkId");
        assertProblem(admin.get("/api/sites"), 403, "role");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The path with alpha's ids in it (by the resource the variable names). */
    private String withAlphaIds(String path) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = path.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "planId" -> Long.toString(planA);
                case "tripId" -> tripA;
                case "stop" -> "1";
                case "date" -> "2027-01-15";
                case "month" -> "2026-12";
                case "lotId" -> lotA;
                case "driverId" -> "alpha-drv";
                case "recipientId" -> "alpha-farm";
                case "username" -> "ten-driver-a";
                default -> before.endsWith("/sites/") ? "alpha-farm"
                        : before.endsWith("/vehicles/") ? "alpha-van"
                        : before.endsWith("/volunteers/") ? "alpha-drv"
                        : before.endsWith("/plans/") ? Long.toString(planA)
                        : before.endsWith("/jobs/") ? Long.toString(jobA)
                        : before.endsWith("/tokens/") ? Long.toString(tokenIdA)
                        : before.endsWith("/donations/") ? lotA
                        : before.endsWith("/drivers/") ? "alpha-drv"
                        : "alpha-" + m.group(1);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Path variables that name no thing of a network (alpha's or beta's month is the same month). */
    private static final Set<String> NOT_IDS = Set.of("month", "date", "stop");

    /** The required query parameters of an operation, with plain values. */
    private static String requiredQuery(JsonNode op) {
        List<String> query = new ArrayList<>();
        op.path("parameters").valueStream()
                .filter(p -> p.path("in").asString("").equals("query") && p.path("required").asBoolean(false))
                .forEach(p -> query.add(p.get("name").asString() + "=" + switch (p.get("name").asString()) {
                    case "month" -> "2026-12";
                    case "date" -> "2026-12-15";
                    default -> "1";
                }));
        return query.isEmpty() ? "" : "?" + String.join("&", query);
    }

    private static boolean leaks(Response r) {
        return r.body() != null && r.body().toLowerCase(Locale.ROOT).contains(SECRET);
    }

    /** Alpha as its coordinator sees it: network, plan, jobs, accounts, donations, tokens. */
    private String alphaState() {
        String a = "/api/networks/" + A;
        return String.join("\n", coordA.get(a + "/network?month=2026-12").body(), coordA.get(a + "/network?month=2027-01").body(),
                coordA.get(a + "/plans/" + planA).body(), coordA.get(a + "/plans/" + planA + "/jobs").body(),
                coordA.get(a + "/users").body(), coordA.get(a + "/donations").body(), coordA.get(a + "/me/tokens").body(),
                coordA.get(a + "/volunteers/alpha-drv/slots?month=2027-01").body());
    }

    private void await(Http who, String network, long jobId) {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            Response job = who.get("/api/networks/" + network + "/jobs/" + jobId);
            assertThat(job.status()).as(job.toString()).isEqualTo(200);
            String status = job.json().get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return;
            }
            assertThat(System.nanoTime()).as("job " + jobId + " still " + status).isLessThan(end);
            sleep(250);
        }
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }
}
