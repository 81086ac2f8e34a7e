package org.foodnet.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzz test: 1,100 hostile requests over every write endpoint (and the reads that take dates or months),
 * made from a valid request by one or more mutations — a field replaced by a value of the wrong type, a huge or
 * negative number, a date or month out of range, NUL and other control characters, lone surrogates, emoji, long
 * text; a field removed, duplicated or unknown; the body truncated, empty, not JSON, not UTF-8, too large; a wrong
 * Content-Type or Accept; a bad or non-ASCII Idempotency-Key; a hostile path variable or method. Every answer:
 * no 5xx; every 4xx is application/problem+json whose {@code errors} name a field (a body field, a parameter, a
 * header, or for path-level refusals {@code path}, {@code method}, {@code Content-Type}, {@code Accept},
 * {@code body}, {@code Authorization}, {@code role}), in words without Java class or SQL constraint names. Nothing
 * stored before is lost, and each donation that was answered 201 exists once (a resend replays it).
 * Requests are numbered; a failure names the request's number and seed, so it is reproducible.
 */
class FuzzTest extends ApiTestBase {

    private static final long SEED = 20261206L;
    private static final int REQUESTS = 1100;
    private static final String KEY = "Idempotency-Key";
    private static final List<String> COUNTED = List.of("site", "vehicle", "volunteer", "donation_lot", "stock_movement",
            "api_donation", "api_user", "region");

    private static final Set<String> HEAVY = Set.of("create site", "update site", "create vehicle", "update vehicle",
            "create volunteer", "update volunteer", "add slot", "driver adds own slot", "cancel a day", "need", "network",
            "sites CSV", "volunteers CSV", "report", "create user", "password");

    @Autowired
    JdbcClient jdbc;

    /** An endpoint and a valid request to it. */
    record Target(String name, String user, String method, String path, Map<String, String> vars, String contentType,
                  String body, boolean key) {
    }

    /** One request as sent. */
    record Sent(int number, String what, String user, String method, String path, String contentType, byte[] body,
                String[] headers) {
        @Override
        public String toString() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return "#" + number + " (seed " + SEED + ") " + what + ": " + method + " " + path + " " + contentType + " "
                    + (b.length() > 300 ? b.substring(0, 300) + "…" : b) + " headers " + List.of(headers);
        }
    }

    private Http coord;
    private Http org;
    private Http drv;
    private String seedLot;

    @Test
    void hostileRequestsGetProblemsNamingAFieldAndLoseNothing() {
        setUp();
        Map<String, Long> before = counts();
        long lotsBefore = before.get("donation_lot");
        List<Target> targets = targets();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Set<String> createdLots = new TreeSet<>();
        List<Sent> donationsCreated = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Map<String, Long> millis = new java.util.TreeMap<>();
        // every endpoint in turn; those that rewrite the month's network or hash a password cost ~100 ms each, so
        // they come once a round and the cheap ones three times (all still get dozens of requests)
        List<Target> round = new ArrayList<>();
        for (Target t : targets) {
            for (int n = HEAVY.contains(t.name()) ? 1 : 3; n > 0; n--) {
                round.add(t);
            }
        }
        for (int i = 0; i < REQUESTS; i++) {
            Target t = round.get(i % round.size());
            Sent sent = mutate(i, t, random);
            long begin = System.nanoTime();
            Response r = send(sent);
            millis.merge(t.name(), (System.nanoTime() - begin) / 1_000_000, Long::sum);
            statuses.merge(r.status(), 1, Integer::sum);
            String failure = check(sent, r);
            if (failure != null) {
                failures.add(failure);
            }
            if (r.status() == 201 && sent.path().equals("/api/donations") && r.body().contains("\"lotId\"")) {
                if (createdLots.add(r.json().get("lotId").asString())) {
                    donationsCreated.add(sent);
                }
            }
            if (r.status() == 200 && sent.path().equals("/api/donations.csv") && sent.method().equals("POST")) {
                r.json().get("lotIds").valueStream().forEach(l -> createdLots.add(l.asString()));
            }
        }
        System.out.println("FuzzTest: " + REQUESTS + " requests, statuses " + statuses + ", ms per endpoint " + millis);
        // a donation answered 201 is there once: sent again, it is replayed, not made twice
        for (Sent again : donationsCreated.subList(0, Math.min(25, donationsCreated.size()))) {
            Response r = send(again);
            if (r.status() != 201 || !"true".equals(r.header("Idempotent-Replayed"))) {
                failures.add("resend of " + again + " -> " + r);
            }
        }
        Map<String, Long> after = counts();
        for (String table : COUNTED) {
            assertThat(after.get(table)).as("rows of " + table + " after the fuzz (lost?) " + before + " -> " + after)
                    .isGreaterThanOrEqualTo(before.get(table));
        }
        long newLots = after.get("donation_lot") - lotsBefore;
        assertThat(newLots).as("donation lots made (duplicated?) vs. distinct lots answered 2xx " + createdLots)
                .isEqualTo(createdLots.size());
        assertThat(failures).as("statuses " + statuses + "; failures (first 15 of " + failures.size() + "):\n"
                + String.join("\n", failures.subList(0, Math.min(15, failures.size())))).isEmpty();
        assertThat(statuses.keySet().stream().filter(s -> s >= 400 && s < 500).count()).isGreaterThanOrEqualTo(6);
    }

    // --- the valid requests --------------------------------------------------------------------------------------

    private void setUp() {
        // fuzz accounts of their own, with cheap password hashes, so 1,100 requests do not pay bcrypt each time
        for (String[] u : new String[][] {{"fz-coord", "COORDINATOR", null}, {"fz-org", "ORGANIZER", null},
                {"fz-driver", "DRIVER", "fz-drv"}}) {
            jdbc.sql("INSERT INTO api_user (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(u[0], "{noop}fuzz-password").update();
            jdbc.sql("INSERT INTO account_role (username, network, role, driver_id) VALUES (?, 'kirin', ?, ?) ON CONFLICT DO NOTHING")
                    .params(u[0], u[1], u[2]).update();
        }
        coord = coordinator.as("fz-coord", "fuzz-password");
        org = coordinator.as("fz-org", "fuzz-password");
        drv = coordinator.as("fz-driver", "fuzz-password");
        ok(coord.post("/api/vehicles", "{\"id\":\"fz-veh\",\"name\":\"fuzz van\",\"capacity\":{\"ambientGrams\":100000,"
                + "\"chilledGrams\":0,\"frozenGrams\":0}}"));
        ok(coord.post("/api/volunteers", "{\"id\":\"fz-drv\",\"name\":\"fuzz\",\"homeLat\":35.4,\"homeLon\":134.2,"
                + "\"maxMinutesPerDay\":240,\"vehicleId\":\"fz-veh\"}"));
        ok(coord.post("/api/sites", site("fz-farm")));
        ok(coord.post("/api/volunteers/fz-drv/slots", "{\"date\":\"2027-02-15\",\"from\":\"09:00\",\"to\":\"13:00\"}"));
        ok(coord.post("/api/users", "{\"username\":\"fz-user\",\"password\":\"long-enough\",\"role\":\"ORGANIZER\"}"));
        Response lot = org.post("/api/donations", donation(), KEY, "fz-seed");
        ok(lot);
        seedLot = lot.json().get("lotId").asString();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }

    private static String site(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"ふぁーむ\",\"kind\":\"FARM\",\"municipality\":\"八頭町\",\"address\":\"x 1\","
                + "\"contact\":\"0858\",\"lat\":35.41,\"lon\":134.25,\"openingHours\":{\"MONDAY\":{\"from\":\"09:00\",\"to\":\"17:00\"}},"
                + "\"closedDates\":[\"2027-02-11\"],\"serviceSeconds\":300,\"storageCapacity\":{\"ambientGrams\":0,"
                + "\"chilledGrams\":0,\"frozenGrams\":0}}";
    }

    private static String donation() {
        return "{\"siteId\":\"fz-farm\",\"donorId\":\"fz-farm\",\"category\":\"rice\",\"temperature\":\"AMBIENT\",\"grams\":1000,"
                + "\"expiryDate\":\"2027-03-31\",\"expiryKind\":\"BEST_BEFORE\",\"availableFrom\":\"2027-02-01\"}";
    }

    private List<Target> targets() {
        List<Target> t = new ArrayList<>();
        String json = "application/json";
        String csv = "text/csv";
        Map<String, String> none = Map.of();
        t.add(new Target("create site", "coord", "POST", "/api/sites", none, json, site("fz-new"), false));
        t.add(new Target("update site", "coord", "PUT", "/api/sites/{id}", Map.of("id", "fz-farm"), json,
                site("fz-farm"), false));
        t.add(new Target("create vehicle", "coord", "POST", "/api/vehicles", none, json,
                "{\"id\":\"fz-veh2\",\"name\":\"v\",\"capacity\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0}}", false));
        t.add(new Target("update vehicle", "coord", "PUT", "/api/vehicles/{id}", Map.of("id", "fz-veh"), json,
                "{\"name\":\"v\",\"capacity\":{\"ambientGrams\":100000,\"chilledGrams\":0,\"frozenGrams\":0}}", false));
        String volunteer = "{\"id\":\"fz-drv2\",\"name\":\"x\",\"contact\":\"c\",\"homeLat\":35.4,\"homeLon\":134.2,"
                + "\"maxMinutesPerDay\":240,\"vehicleId\":\"fz-veh\"}";
        t.add(new Target("create volunteer", "coord", "POST", "/api/volunteers", none, json, volunteer, false));
        t.add(new Target("update volunteer", "coord", "PUT", "/api/volunteers/{id}", Map.of("id", "fz-drv"), json,
                volunteer.replace("fz-drv2", "fz-drv"), false));
        t.add(new Target("add slot", "coord", "POST", "/api/volunteers/{id}/slots", Map.of("id", "fz-drv"), json,
                "{\"date\":\"2027-02-16\",\"from\":\"09:00\",\"to\":\"13:00\"}", false));
        t.add(new Target("driver adds own slot", "drv", "POST", "/api/volunteers/{id}/slots", Map.of("id", "me"), json,
                "{\"date\":\"2027-02-17\",\"from\":\"09:00\",\"to\":\"13:00\"}", false));
        t.add(new Target("cancel a day", "coord", "DELETE", "/api/volunteers/{id}/slots/{date}",
                orderedVars("id", "fz-drv", "date", "2027-02-20"), null, null, false));
        t.add(new Target("need", "coord", "PUT", "/api/needs/{recipientId}?month={month}",
                orderedVars("recipientId", "caf-001", "month", "2027-02"), json,
                "{\"monthlyNeed\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0},\"servingDays\":[\"2027-02-06\"]}", false));
        t.add(new Target("network", "coord", "PUT", "/api/network", none, json,
                "{\"name\":\"kirin\",\"settings\":{\"month\":\"2027-03\",\"zone\":\"Asia/Tokyo\",\"roadFactor\":1.4,"
                        + "\"averageSpeedKmh\":35.0,\"allowDonorToDepot\":false,\"allowHubToRecipient\":false,"
                        + "\"allowDonorToRecipient\":false,\"bestBeforeGraceDays\":0},\"sites\":[],\"needs\":[],\"lots\":[],"
                        + "\"vehicles\":[{\"id\":\"fz-veh\",\"name\":\"v\",\"capacity\":{\"ambientGrams\":100000,"
                        + "\"chilledGrams\":0,\"frozenGrams\":0}}],\"drivers\":[]}", false));
        t.add(new Target("sites CSV", "coord", "POST", "/api/sites.csv", none, csv,
                "id,name,kind,lat,lon,service_seconds,storage_ambient_grams,opening_hours,closed_dates\r\n"
                        + "fz-csv-1,畑,FARM,35.1,134.1,300,0,MONDAY 09:00-17:00,2027-02-11\r\n", false));
        t.add(new Target("volunteers CSV", "coord", "POST", "/api/volunteers.csv", none, csv,
                "id,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id\r\nfz-csv-drv,x,c,35,134,200,fz-veh\r\n", false));
        t.add(new Target("donations CSV", "org", "POST", "/api/donations.csv", none, csv,
                "key,site_id,donor_id,category,temperature,grams,expiry_date,expiry_kind,available_from\r\n"
                        + "fz-csv-k1,fz-farm,fz-farm,rice,AMBIENT,1000,2027-03-31,BEST_BEFORE,2027-02-01\r\n", false));
        t.add(new Target("donation", "org", "POST", "/api/donations", none, json, donation(), true));
        t.add(new Target("correction", "org", "POST", "/api/donations/{lotId}/corrections", Map.of("lotId", seedLot), json,
                "{\"deltaGrams\":-10,\"reason\":\"weighed again\"}", true));
        t.add(new Target("plan", "coord", "POST", "/api/plans", none, json,
                "{\"month\":\"2027-03\",\"weights\":{\"Trips\":2},\"timeLimitSeconds\":2}", false));
        t.add(new Target("solve", "coord", "POST", "/api/plans/{id}/solve", Map.of("id", "999999"), json,
                "{\"timeLimitSeconds\":2}", false));
        t.add(new Target("weights", "coord", "PUT", "/api/plans/{id}/weights", Map.of("id", "999999"), json,
                "{\"weights\":{\"Trips\":2}}", false));
        t.add(new Target("publish", "coord", "POST", "/api/plans/{id}/publish", Map.of("id", "999999"), json,
                "{\"version\":1}", false));
        t.add(new Target("replan", "coord", "POST", "/api/plans/{id}/replan", Map.of("id", "999999"), json,
                "{\"weights\":{\"Trips\":1},\"timeLimitSeconds\":2}", false));
        t.add(new Target("stop job", "coord", "POST", "/api/jobs/{id}/stop", Map.of("id", "999999"), null, null, false));
        t.add(new Target("resume job", "coord", "POST", "/api/jobs/{id}/resume", Map.of("id", "999999"), null, null, false));
        t.add(new Target("trip done", "drv", "POST", "/api/drivers/{driver}/trips/{plan}/{trip}/done",
                orderedVars("driver", "me", "plan", "999999", "trip", "t-1"), null, null, false));
        t.add(new Target("stop done", "drv", "POST", "/api/drivers/{driver}/trips/{plan}/{trip}/stops/{stop}/done",
                orderedVars("driver", "me", "plan", "999999", "trip", "t-1", "stop", "1"), null, null, false));
        t.add(new Target("create user", "coord", "POST", "/api/users", none, json,
                "{\"username\":\"fz-user2\",\"password\":\"long-enough\",\"role\":\"ORGANIZER\"}", false));
        t.add(new Target("password", "coord", "PUT", "/api/users/{username}/password", Map.of("username", "fz-user"), json,
                "{\"password\":\"long-enough-2\"}", false));
        // reads that take dates or months
        t.add(new Target("route sheet", "drv", "GET", "/api/drivers/{driver}/route-sheet?month={month}",
                orderedVars("driver", "me", "month", "2027-02"), null, null, false));
        t.add(new Target("route sheet day", "drv", "GET", "/api/drivers/{driver}/route-sheet.html?date={date}",
                orderedVars("driver", "me", "date", "2027-02-15"), null, null, false));
        t.add(new Target("calendar", "drv", "GET", "/api/drivers/{driver}/calendar.ics?month={month}",
                orderedVars("driver", "me", "month", "2027-02"), null, null, false));
        t.add(new Target("report", "coord", "GET", "/api/reports/{month}", Map.of("month", "2027-02"), null, null, false));
        t.add(new Target("donations page", "org", "GET", "/api/donations?page={page}&size={size}",
                orderedVars("page", "0", "size", "10"), null, null, false));
        return t;
    }

    private static Map<String, String> orderedVars(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    // --- mutations -------------------------------------------------------------------------------------------------

    private static final List<String> VALUES = List.of(
            "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999", "9223372036854775807", "-9223372036854775808",
            "2147483648", "1E2", "0.0000001", "-0", "NaN", "Infinity",
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0007bell\"", "\"\\u001b[31m\"", "\"\\u0085\"",
            "\"\\ud800\"", "\"x\\udfff\"", "\"😀🍙\"", "\"\\u202eRTL\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
            "\"=HYPERLINK(\\\"http://x\\\")\"", "\"\\r\\n\"", "\"" + "長".repeat(3000) + "\"",
            "\"+9999999-01-01\"", "\"0001-01-01\"", "\"10000-01-01\"", "\"-0001-01-01\"", "\"2026-02-30\"",
            "\"2026-12-10T10:00\"", "\"1999-12-31\"", "\"2101-01-01\"", "\"20261210\"",
            "\"+9999999-01\"", "\"0000-01\"", "\"2026-13\"", "\"10000-01\"", "\"2026-1\"",
            "\"24:00\"", "\"9:00\"", "\"09:00:60\"", "\"09:00:00.123456789\"", "\"-01:00\"",
            "\"AMBIENT \"", "\"ambient\"", "\"AMBIENT\\u0000\"", "\"FARM\\t\"", "\"COORDINATOR \"", "1", "3",
            "true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "[" + "[".repeat(600) + "]".repeat(600) + "]");

    private static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "%00", "%2e%2e",
            "..", "%2F", "a%20b", "%E3%81%82", "%FF", "%ZZ", "x".repeat(3000), "x;jsessionid=1", "%0d%0a", "+9999999-01-01",
            "0001-01-01", "10000-01", "%5C", "me%00", "2027-02-30", "%C0%AE");

    private static final List<String> KEYS = List.of("", " ", "k".repeat(201), "ключ", "\u0001", "a\u007fb", "a\tb", "é",
            "キー", "k".repeat(200), "ok key #1");

    private static final List<String> TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "*/*", "application/json;;;", "",
            "text/csv", "application/json");

    private Sent mutate(int number, Target t, Random random) {
        String path = t.path();
        Map<String, String> vars = new LinkedHashMap<>(t.vars());
        String method = t.method();
        String contentType = t.contentType();
        String body = t.body();
        byte[] rawBody = null;
        List<String> headers = new ArrayList<>();
        String key = t.key() ? "fz-" + number : null;
        List<String> what = new ArrayList<>();
        int mutations = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(100);
            if (kind < 50 && body != null && "application/json".equals(t.contentType())) {
                body = mutateJson(body, random, what);
            } else if (kind < 50 && body != null) {
                body = mutateCsv(body, random, what);
            } else if (kind < 60 && body != null) {
                String[] whole = {"", "{", "[]", "null", "\"x\"", "{}", body + "}", body + " x", "hello",
                        body.isEmpty() ? "" : body.substring(0, random.nextInt(body.length())), "\uFEFF" + body,
                        body.repeat(2)};
                body = whole[random.nextInt(whole.length)];
                what.add("body");
            } else if (kind < 65 && body != null) {
                rawBody = random.nextBoolean() ? new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}
                        : body.getBytes(StandardCharsets.UTF_16);
                what.add("bytes");
            } else if (kind < 68 && body != null) {
                body = body.substring(0, body.length() - 1) + ",\"pad\":\"" + "x".repeat(250_000) + "\"}";
                what.add("huge body");
            } else if (kind < 75 && t.key()) {
                key = random.nextInt(5) == 0 ? null : KEYS.get(random.nextInt(KEYS.size()));
                what.add("key " + (key == null ? "missing" : key.length() > 20 ? key.length() + " chars" : key));
            } else if (kind < 82 && !vars.isEmpty()) {
                String var = new ArrayList<>(vars.keySet()).get(random.nextInt(vars.size()));
                vars.put(var, PATH_VALUES.get(random.nextInt(PATH_VALUES.size())));
                what.add("path " + var);
            } else if (kind < 88) {
                contentType = TYPES.get(random.nextInt(TYPES.size()));
                if (contentType.isEmpty()) {
                    contentType = null;
                }
                what.add("content type " + contentType);
            } else if (kind < 92) {
                String[] accept = {"image/png", "application/xml", "text/csv", "text/html", "application/json;q=0"};
                headers.add("Accept");
                headers.add(accept[random.nextInt(accept.length)]);
                what.add("accept");
            } else if (kind < 96) {
                String[] methods = {"PATCH", "DELETE", "PUT", "POST", "GET", "FOO", "TRACE"};
                method = methods[random.nextInt(methods.length)];
                what.add("method " + method);
            } else {
                String[][] odd = {{"X-Ключ", "1"}, {"Authorization", "Basic !!!"}, {"Accept-Language", "\u0000"},
                        {"Cookie", "JSESSIONID=\u00ff"}, {"X-Requested-With", "x".repeat(5000)}};
                String[] h = odd[random.nextInt(odd.length)];
                headers.add(h[0]);
                headers.add(h[1]);
                what.add("header " + h[0]);
            }
        }
        if (key != null) {
            headers.add(KEY);
            headers.add(key);
        }
        String resolved = path;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            resolved = resolved.replace("{" + v.getKey() + "}", v.getValue());
        }
        byte[] bytes = rawBody != null ? rawBody : body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new Sent(number, t.name() + " / " + String.join(", ", what), t.user(), method, resolved, contentType, bytes,
                headers.toArray(String[]::new));
    }

    /** One field of the JSON replaced by a hostile value, removed, given twice, or an unknown one added. */
    private static String mutateJson(String body, Random random, List<String> what) {
        JsonNode root;
        try {
            root = Http.JSON.readTree(body);
        } catch (RuntimeException e) {
            return body;
        }
        if (!(root instanceof ObjectNode)) {
            return body;
        }
        List<String[]> paths = new ArrayList<>();
        collect(root, "", paths);
        if (paths.isEmpty()) {
            return body + " ";
        }
        String[] chosen = paths.get(random.nextInt(paths.size()));
        String pointer = chosen[0];
        int op = random.nextInt(10);
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')).isEmpty() ? ""
                : pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (op == 0 && parent instanceof ObjectNode o) {
            o.remove(last);
            what.add("without " + pointer);
            return Http.JSON.writeValueAsString(root);
        }
        if (op == 1 && parent instanceof ObjectNode o) {
            o.put("unknown" + random.nextInt(3), 1);
            what.add("unknown field in " + pointer);
            return Http.JSON.writeValueAsString(root);
        }
        String value = VALUES.get(random.nextInt(VALUES.size()));
        if (parent instanceof ObjectNode o) {
            o.put(last, "@@HOSTILE@@");
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), Http.JSON.getNodeFactory().stringNode("@@HOSTILE@@"));
        }
        String text = Http.JSON.writeValueAsString(root).replace("\"@@HOSTILE@@\"", value);
        if (op == 2 && parent instanceof ObjectNode) {
            // the same key twice: first the hostile value, then the original
            text = Http.JSON.writeValueAsString(Http.JSON.readTree(body));
            int at = text.indexOf("\"" + last + "\":");
            if (at > 0) {
                text = text.substring(0, at) + "\"" + last + "\":" + value + "," + text.substring(at);
                what.add("twice " + pointer + " = " + shortened(value));
                return text;
            }
        }
        what.add(pointer + " = " + shortened(value));
        return text;
    }

    private static String shortened(String v) {
        return v.length() > 30 ? v.substring(0, 30) + "…" : v;
    }

    private static void collect(JsonNode node, String at, List<String[]> paths) {
        if (node instanceof ObjectNode o) {
            for (String name : o.propertyNames()) {
                paths.add(new String[] {at + "/" + name});
                collect(o.get(name), at + "/" + name, paths);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                paths.add(new String[] {at + "/" + i});
                collect(a.get(i), at + "/" + i, paths);
            }
        }
    }

    private static final List<String> CELLS = List.of("", " ", "\u0000", "a\u0000b", "\u0007", "\"", "\"\"\"", "=1+1",
            "+9999999-01-01", "0001-01-01", "10000-01-01", "2026-02-30", "99999999999999999999", "-1", "1e400", "NaN",
            "Infinity", "0x10", "😀", "\uFEFF", "長".repeat(400), "FARM ", "ambient", "a,b", "x\r\ny", "MONDAY 25:00-26:00");

    private static String mutateCsv(String body, Random random, List<String> what) {
        String[] lines = body.split("\r\n");
        if (lines.length < 2) {
            what.add("CSV body");
            return random.nextBoolean() ? "" : "\uFEFF" + body;
        }
        String[] header = lines[0].split(",");
        String[] row = lines[1].split(",", -1);
        int op = random.nextInt(10);
        if (op == 0) {
            int drop = random.nextInt(header.length);
            what.add("without column " + header[drop]);
            return String.join(",", remove(header, drop)) + "\r\n" + String.join(",", remove(row, drop)) + "\r\n";
        }
        if (op == 1) {
            String[] whole = {"", "\uFEFF", "\uFEFF\r\n", lines[0] + "\r\n", lines[0], "\uFEFF" + body, ",,,\r\n", "\r\n\r\n",
                    body + lines[1] + "\r\n", body + "\"unclosed", lines[0] + "\r\n" + ",".repeat(header.length - 1) + "\r\n"};
            what.add("whole CSV");
            return whole[random.nextInt(whole.length)];
        }
        int cell = random.nextInt(row.length);
        String value = CELLS.get(random.nextInt(CELLS.size()));
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || random.nextBoolean();
        row[cell] = quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        what.add("cell " + header[cell] + " = " + shortened(value));
        return lines[0] + "\r\n" + String.join(",", row) + "\r\n";
    }

    private static String[] remove(String[] a, int i) {
        List<String> l = new ArrayList<>(List.of(a));
        if (i < l.size()) {
            l.remove(i);
        }
        return l.toArray(String[]::new);
    }

    // --- sending and checking ------------------------------------------------------------------------------------

    private Response send(Sent s) {
        Http as = switch (s.user()) {
            case "coord" -> coord;
            case "org" -> org;
            default -> drv;
        };
        return as.raw(s.method(), s.path(), s.contentType(), s.body(), s.headers());
    }

    /** Null when the answer is fine, else what is wrong with it. */
    private static String check(Sent s, Response r) {
        return check(s.toString(), r);
    }

    /** Null when the answer to the request described is fine, else what is wrong with it (HostileFamiliesTest too). */
    static String check(String s, Response r) {
        if (r.status() >= 500) {
            return s + " -> " + r;
        }
        if (r.status() < 400) {
            return null;
        }
        String type = r.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return s + " -> not problem+json: " + r;
        }
        JsonNode json;
        try {
            json = r.json();
        } catch (RuntimeException e) {
            return s + " -> body is not JSON: " + r;
        }
        JsonNode errors = json.get("errors");
        if (errors == null || !errors.isArray() || errors.isEmpty()
                || errors.valueStream().anyMatch(e -> e.get("field") == null || e.get("field").asString().isBlank()
                        || e.get("reason") == null)) {
            return s + " -> no field named: " + r;
        }
        if (json.get("status") == null || json.get("status").asInt() != r.status()) {
            return s + " -> status in the body differs: " + r;
        }
        for (String leak : List.of("java.", "javax.", "jakarta.", "tools.jackson", "org.foodnet", "org.springframework",
                "Exception", "_fkey", "_unique", "_check", "_key\"", "optaplanner", "SQL")) {
            if (r.body().contains(leak)) {
                return s + " -> leaks '" + leak + "': " + r;
            }
        }
        return null;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
