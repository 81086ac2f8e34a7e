package org.foodnet.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz test's second half: families of hostile requests it does not make, each sent to every operation of the
 * OpenAPI document it applies to — HEAD, OPTIONS and TRACE on every path; hostile path segments (%00, %2F, "..",
 * 5,000-character ids) in every path variable; hostile query parameters (empty, out of range, repeated, with a time
 * zone); and to every operation that takes a body: 1 MB and 100,000-character values, nesting 10,000 deep, numbers
 * beyond long and double (1e400, -0, 2^63), duplicate keys, arrays and scalars where an object is expected, empty and
 * whitespace bodies, invalid UTF-8 (overlong, lone continuation, CESU-8 surrogates), wrong or odd Content-Type and
 * charset, multipart, gzip (a bomb) under Content-Encoding, times 24:00 and 23:59:60, dates with time zones, CSV of
 * 100,000 columns and a 50 MB upload (413, announced and chunked). Every answer: no 5xx, every 4xx problem+json naming
 * a field in plain words ({@link FuzzTest#check}); nothing stored before is lost, and a rejected CSV import writes
 * none of its rows. Unicode look-alike usernames (NFD, full-width) are refused, so two accounts never look the same.
 */
class HostileFamiliesTest extends ApiTestBase {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> COUNTED = List.of("site", "vehicle", "volunteer", "donation_lot", "stock_movement",
            "api_donation", "api_user", "region", "availability_slot");

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private final Map<String, Long> millis = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private Http coord;
    private Http org;
    private String lot;
    private int rotation;

    @Test
    void everyFamilyOfHostileRequestsGetsProblemsAndLosesNothing() throws IOException {
        setUp();
        Map<String, Long> before = counts();
        JsonNode paths = coord.anonymous().get("/v3/api-docs").json().get("paths");
        int operations = 0;
        for (String path : (Iterable<String>) () -> paths.propertyNames().iterator()) {
            if (!path.startsWith("/api/") || path.startsWith("/api/networks/{networkId}/")) {
                continue;   // the prefixed copies take the same handlers (TenancyTest walks them)
            }
            JsonNode item = paths.get(path);
            String plain = concrete(path, null, null);
            for (String m : List.of("HEAD", "OPTIONS", "TRACE")) {
                send("method " + m, who(path), m, plain, null, null);
            }
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                String m = method.toUpperCase(Locale.ROOT);
                String query = query(op);
                pathSegments(path, m, query);
                queries(path, op, m);
                if (op.has("requestBody")) {
                    bodies(path, m, plain + (query.isEmpty() ? "" : "?" + query), op);
                }
            }
        }
        donationFields();
        csv();
        usernames();
        System.out.println("HostileFamiliesTest: " + operations + " operations, statuses by family " + statuses
                + ", ms by family " + millis);
        Map<String, Long> after = counts();
        for (String table : COUNTED) {
            assertThat(after.get(table)).as("rows of " + table + " (lost?) " + before + " -> " + after)
                    .isGreaterThanOrEqualTo(before.get(table));
        }
        failures.forEach(f -> System.out.println("HostileFamiliesTest failure: " + shortened(f.replace("\r\n", " "))));
        assertThat(failures).as(failures.size() + " failures (first 25):\n"
                + String.join("\n", failures.subList(0, Math.min(25, failures.size())))).isEmpty();
        assertThat(operations).isGreaterThan(40);
    }

    // --- families ----------------------------------------------------------------------------------------------------

    private static final List<String> SEGMENTS = List.of("%00", "a%00b", "%2F", "a%2Fb", "..", "%2e%2e", "%2e", "x".repeat(5000),
            "%FF%FE", "%C0%AE", "%25", "a;b=c", "%0A", "%E2%80%AE", "1e400", "9223372036854775808", "-0", "%20");

    /** Each path variable in turn replaced by a hostile segment. */
    private void pathSegments(String path, String method, String query) {
        Matcher m = VARIABLE.matcher(path);
        List<String> vars = new ArrayList<>();
        while (m.find()) {
            vars.add(m.group(1));
        }
        String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
        for (String var : vars) {
            for (String segment : some(SEGMENTS, 6)) {
                send("path segment", who(path), method, concrete(path, var, segment) + (query.isEmpty() ? "" : "?" + query),
                        body == null ? null : "application/json", body == null ? null : bytes(body));
            }
        }
    }

    private static final List<String> MONTHS = List.of("", "2026-13", "2026-00", "0000-12", "+99999-01", "2026-1", "2026-12-01",
            "2026-12T00:00Z", "%00", "2026%2D12", "2026-12&month=2027-01", "2026-12&month=", "x".repeat(3000));
    private static final List<String> DATES = List.of("", "2026-12-15T00:00+09:00", "2026-12-15Z", "2026-12-15+09:00",
            "2026-12-15T24:00", "2026-12-32", "2026-02-29", "+99999-01-01", "2026-12-15&date=2026-12-16", "%00", "1e400");
    private static final List<String> NUMBERS = List.of("", "-1", "1e400", "9223372036854775808", "-0", "1.5", "NaN", "0x10",
            "1&size=2", "%00", "99999999999");

    /** Each query parameter the operation declares, with empty, out-of-range, repeated and zoned values. */
    private void queries(String path, JsonNode op, String method) {
        List<String> names = new ArrayList<>();
        op.path("parameters").valueStream().filter(p -> p.path("in").asString("").equals("query"))
                .forEach(p -> names.add(p.get("name").asString()));
        String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
        for (String name : names) {
            List<String> values = name.equals("month") ? MONTHS : name.equals("date") ? DATES : NUMBERS;
            for (String v : some(values, 6)) {
                send("query " + name, who(path), method, concrete(path, null, null) + "?" + name + "=" + v,
                        body == null ? null : "application/json", body == null ? null : bytes(body));
            }
            send("query repeated", who(path), method, concrete(path, null, null) + "?" + name + "=1&" + name + "=2",
                    body == null ? null : "application/json", body == null ? null : bytes(body));
        }
    }

    /** Bodies of every hostile family to one operation that takes a body. */
    private void bodies(String path, String method, String uri, JsonNode op) throws IOException {
        boolean csv = op.path("requestBody").path("content").has("text/csv");
        String type = csv ? "text/csv" : "application/json";
        Http as = who(path);
        List<String[]> texts = new ArrayList<>();
        String big = "x".repeat(100_000);
        for (String field : some(List.of("id", "name", "username", "siteId", "category", "reason", "password", "month"), 2)) {
            texts.add(new String[] {"long value", "{\"" + field + "\":\"" + big + "\"}"});
        }
        texts.add(new String[] {"long key", "{\"" + "k".repeat(150_000) + "\":1}"});
        texts.add(new String[] {"many keys", manyKeys(8_000)});
        texts.add(new String[] {"deep nesting", "[".repeat(10_000) + "]".repeat(10_000)});
        texts.add(new String[] {"deep objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)});
        texts.add(new String[] {"deep unclosed", "{\"a\":[".repeat(20_000)});
        for (String n : some(List.of("1e400", "-1e400", "-0", "-0.0", "9223372036854775808", "-9223372036854775809",
                "18446744073709551616", "1e-400", "4.9e-324", "0.1e1", "1" + "0".repeat(5000), "0." + "1".repeat(5000), "1E+2",
                "01", "+1", ".5", "5.", "0x1F"), 4)) {
            texts.add(new String[] {"number " + (n.length() > 20 ? n.length() + " digits" : n), "{\"grams\":" + n + ",\"deltaGrams\":"
                    + n + ",\"capacity\":{\"ambientGrams\":" + n + "},\"lat\":" + n + ",\"timeLimitSeconds\":" + n
                    + ",\"version\":" + n + ",\"maxMinutesPerDay\":" + n + "}"});
        }
        texts.add(new String[] {"duplicate keys", "{\"id\":\"a\",\"id\":\"b\",\"name\":\"n\",\"name\":\"m\",\"grams\":1,\"grams\":2}"});
        for (String s : some(List.of("[]", "[{}]", "[{},{}]", "1", "\"text\"", "null", "true", "{}", "{} {}", "{}]",
                "[1,2,3]"), 3)) {
            texts.add(new String[] {"not an object " + s, s});
        }
        for (String s : some(List.of("", " ", "\r\n\t ", "\uFEFF", "\uFEFF ", "\u00a0", "\u2028", "\u0000", "/* */ {}",
                "// x\n{}"), 3)) {
            texts.add(new String[] {"empty or whitespace", s});
        }
        texts.add(new String[] {"surrogate halves", "{\"id\":\"\\ud800\",\"name\":\"\\udc00x\",\"siteId\":\"\\ud83d\","
                + "\"category\":\"\\ud800\\ud800\",\"reason\":\"\\udfff\",\"username\":\"\\ud800\"}"});
        texts.add(new String[] {"bad escapes", "{\"id\":\"\\u12\",\"name\":\"\\x41\"}"});
        texts.add(new String[] {"times", "{\"from\":\"24:00\",\"to\":\"23:59:60\",\"date\":\"2027-02-15T09:00+09:00\"}"});
        texts.add(new String[] {"times 2", "{\"from\":\"09:00+09:00\",\"to\":\"T10:00\",\"date\":\"2027-02-15Z\"}"});
        texts.add(new String[] {"zoned dates", "{\"month\":\"2027-03+09:00\",\"expiryDate\":\"2027-03-31T00:00:00Z\","
                + "\"availableFrom\":\"2027-02-01+09:00\",\"servingDays\":[\"2027-02-06Z\"]}"});
        for (String[] t : texts) {
            send("body: " + t[0], as, method, uri, type, bytes(t[1]));
        }
        // 1 MB: over the size limit, announced and chunked
        byte[] mb = bytes("{\"name\":\"" + "x".repeat(1 << 20) + "\"}");
        send("body: 1 MB", as, method, uri, type, mb);
        check("body: 1 MB chunked", method + " " + uri, chunked(method, uri, type, mb, as));
        // invalid UTF-8
        for (byte[] b : some(List.of(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}'},
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0x80, '"', '}'},
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE6, (byte) 0x97, '"', '}'},
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
                new byte[] {'i', 'd', '\r', '\n', (byte) 0xC3, '(', '\r', '\n'}), 2)) {
            send("body: invalid UTF-8", as, method, uri, type, b);
        }
        // wrong or odd Content-Type and charset
        byte[] small = bytes(csv ? "id\r\n" : "{}");
        for (String ct : some(List.of("application/json; charset=latin1", "application/json; charset=utf-32",
                "application/json; charset=bogus", "application/json; charset=", "application/json; charset=\"utf-8",
                "text/csv; charset=shift_jis", "text/csv; charset=utf-16le", "application/vnd.foo+json", "text/json",
                "application/json-patch+json", "application/x-ndjson", "application/octet-stream", "json",
                "application/json, text/csv", "APPLICATION/JSON", "application/json; boundary=x", "\u00e9/json",
                "text/csv; header=absent; charset=utf-8; charset=utf-16"), 4)) {
            send("content type", as, method, uri, ct, small);
        }
        // multipart where JSON or CSV is expected
        byte[] multipart = bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: "
                + "text/csv\r\n\r\nid,name\r\nx,y\r\n--b--\r\n");
        send("multipart", as, method, uri, "multipart/form-data; boundary=b", multipart);
        send("multipart", as, method, uri, "multipart/form-data", multipart);
        // Content-Encoding: a gzip bomb (a few kB that inflate to 100 MB) and unknown codings
        byte[] bomb = BOMB;
        send("content encoding", as, method, uri, type, bomb, "Content-Encoding", "gzip");
        send("content encoding", as, method, uri, type, small, "Content-Encoding", "br");
        send("content encoding", as, method, uri, type, small, "Content-Encoding", "gzip, identity");
        // header families: 10 kB header, odd Accept-Charset, headers that take part in content negotiation
        send("long header", as, method, uri, type, small, "X-Long", "h".repeat(10_000));
        send("long header", as, method, uri, type, small, "Idempotency-Key", "k".repeat(10_000));
        send("odd headers", as, method, uri, type, small, "Accept-Charset", "utf-32", "Accept-Encoding", "gzip;q=x");
        send("odd headers", as, method, uri, type, small, "Content-Length", "2", "Transfer-Encoding", "chunked");
        send("odd headers", as, method, uri, type, small, "Accept-Language", "zz-ZZ-" + "x".repeat(300));
    }

    /** The donation endpoint's fields one by one (the fuzz test mixes them; here each family is sure to reach it). */
    private void donationFields() {
        String valid = "{\"siteId\":\"hf-farm\",\"category\":\"rice\",\"temperature\":\"AMBIENT\",\"grams\":1000,"
                + "\"expiryDate\":\"2027-03-31\",\"expiryKind\":\"BEST_BEFORE\",\"availableFrom\":\"2027-02-01\"}";
        Response ok = org.post("/api/donations", valid, "Idempotency-Key", "hf-valid");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        int n = 0;
        for (String[] f : new String[][] {{"grams", "1e400"}, {"grams", "-0"}, {"grams", "9223372036854775808"},
                {"grams", "1000.0"}, {"grams", "1.0e3"}, {"grams", "\"1000\""}, {"expiryDate", "\"2027-03-31T00:00+09:00\""},
                {"expiryDate", "\"2027-03-31Z\""}, {"expiryDate", "\"2027-03-31 \""}, {"availableFrom", "\"2027-02-01+09:00\""},
                {"temperature", "\"ＡＭＢＩＥＮＴ\""}, {"temperature", "\"AMBİENT\""}, {"category", "\"" + "x".repeat(100_000) + "\""},
{"siteId", "\"hf-farm\\u0000\""}, {"siteId", "\"ｈｆ-ｆａｒｍ\""}}) {
            String body = valid.replaceFirst("\"" + f[0] + "\":(\"[^\"]*\"|[0-9]+)", "\"" + f[0] + "\":" + Matcher.quoteReplacement(f[1]));
            Response r = send("donation field " + f[0], org, "POST", "/api/donations", "application/json", bytes(body),
                    "Idempotency-Key", "hf-f-" + n++);
            if (r.status() != 400 && r.status() != 413) {
                failures.add("donation " + f[0] + " = " + f[1] + " -> " + r.status() + " (expected 400) " + r.body());
            }
        }
        // text is kept in one Unicode spelling (NFC): e + combining accent is stored as é
        Response accent = send("donation field category", org, "POST", "/api/donations", "application/json",
                bytes(valid.replace("rice", "caf\\u0065\\u0301")), "Idempotency-Key", "hf-nfc");
        if (accent.status() != 201 || !accent.json().get("category").asString().equals("caf\u00e9")) {
            failures.add("category e + U+0301 not kept as NFC: " + accent);
        }
                // idempotency keys that look the same: NFC and NFD are different keys, or the second is refused; never one
        // donation replayed for another's body
        String nfc = Normalizer.normalize("clé-1", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("clé-1", Normalizer.Form.NFD);
        Response a = send("idempotency key normalisation", org, "POST", "/api/donations", "application/json", bytes(valid),
                "Idempotency-Key", nfc);
        Response b = send("idempotency key normalisation", org, "POST", "/api/donations", "application/json",
                bytes(valid.replace("rice", "fish")), "Idempotency-Key", nfd);
        if (a.status() == 201 && b.status() == 201 && "true".equals(b.header("Idempotent-Replayed"))) {
            failures.add("NFD key replayed the NFC key's donation for another body: " + b);
        }
        // 24:00 and leap seconds in a slot
        for (String[] slot : new String[][] {{"24:00", "25:00"}, {"09:00", "23:59:60"}, {"09:00+09:00", "10:00"},
                {"T09:00", "10:00"}, {"09:00:00.5", "10:00"}, {"9:00", "10:00"}, {"09.00", "10.00"}}) {
            Response r = send("slot times", coord, "POST", "/api/volunteers/hf-drv/slots", "application/json",
                    bytes("{\"date\":\"2027-02-16\",\"from\":\"" + slot[0] + "\",\"to\":\"" + slot[1] + "\"}"));
            if (r.status() != 400) {
                failures.add("slot " + List.of(slot) + " -> " + r.status() + " (expected 400) " + r.body());
            }
        }
        Response lotView = send("donation view", org, "GET", "/api/donations/" + lot, null, null);
        assertThat(lotView.status()).isEqualTo(200);
    }

    /** CSV families: 100,000 columns, 50 MB (announced and chunked), multipart, and no partial import. */
    private void csv() throws IOException {
        String header = "key,site_id,donor_id,category,temperature,grams,expiry_date,expiry_kind,available_from\r\n";
        String row = "%s,hf-farm,hf-farm,rice,AMBIENT,1000,2027-03-31,BEST_BEFORE,2027-02-01\r\n";
        StringBuilder wide = new StringBuilder(header);
        wide.append("c,".repeat(99_999)).append("c\r\n");
        expect("csv 100,000 columns", send("csv", org, "POST", "/api/donations.csv", "text/csv", bytes(wide.toString())), 400, 413);
        StringBuilder wideHeader = new StringBuilder();
        wideHeader.append("h,".repeat(99_999)).append("h\r\n");
        expect("csv 100,000 header columns", send("csv", org, "POST", "/api/donations.csv", "text/csv",
                bytes(wideHeader.toString())), 400, 413);
        // 50 MB: announced (refused before it is read) and chunked (refused once the limit is passed)
        expect("csv 50 MB", announcedOnly("POST", "/api/donations.csv", "text/csv", 50L << 20), 413);
        byte[] fifty = new byte[50 << 20];
        java.util.Arrays.fill(fifty, (byte) 'a');
        expect("csv 50 MB chunked", check("csv 50 MB chunked", "POST /api/donations.csv",
                chunked("POST", "/api/donations.csv", "text/csv", fifty, org)), 413);
        // no partial writes: two good rows then a bad one -> refused, and neither good row is stored
        long lots = count("api_donation");
        String partial = header + row.formatted("hf-p1") + row.formatted("hf-p2") + row.formatted("hf-p3").replace("1000", "-5");
        expect("csv partial", send("csv", org, "POST", "/api/donations.csv", "text/csv", bytes(partial)), 400, 422);
        assertThat(count("api_donation")).as("a refused donations CSV stored some of its rows").isEqualTo(lots);
        long sites = count("site");
        String sitesCsv = "id,name,kind,lat,lon,service_seconds,storage_ambient_grams,opening_hours,closed_dates\r\n"
                + "hf-p-1,a,FARM,35.1,134.1,300,0,MONDAY 09:00-17:00,\r\n"
                + "hf-p-2,b,FARM,35.1,134.1,300,0,MONDAY 24:00-25:00,\r\n";
        expect("sites csv partial", send("csv", coord, "POST", "/api/sites.csv", "text/csv", bytes(sitesCsv)), 400, 422);
        assertThat(count("site")).as("a refused sites CSV stored some of its rows").isEqualTo(sites);
        // CSV that is JSON, and JSON that is CSV
        send("csv", org, "POST", "/api/donations.csv", "application/json", bytes("{\"key\":\"x\"}"));
        send("csv", org, "POST", "/api/donations", "text/csv", bytes(header + row.formatted("hf-j")));
    }

    /** Usernames that look like another's: refused, so no two accounts read the same. */
    private void usernames() {
        String nfd = Normalizer.normalize("josé", Normalizer.Form.NFD);
        for (String name : List.of("ｃｏｏｒｄｉｎａｔｏｒ", nfd, "coordinator\u200b", "coordınator", "Coordinator", "coordinator ",
                " coordinator", "\u202ecoordinator", "x".repeat(100_000), "a\u0000b", "")) {
            Response r = send("usernames", coord, "POST", "/api/users", "application/json",
                    bytes("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"role\":\"ORGANIZER\"}"));
            if (r.status() < 400) {
                failures.add("username " + (name.length() > 30 ? name.length() + " chars" : name) + " accepted: " + r);
            }
        }
    }

    // --- sending -----------------------------------------------------------------------------------------------------

    private Response send(String family, Http as, String method, String uri, String contentType, byte[] body,
                          String... headers) {
        Response r;
        long begin = System.nanoTime();
        try {
            r = as.raw(method, uri, contentType, body, headers);
            millis.merge(family.replaceAll(" [^ ]*$", "").replaceAll(":.*", ""), (System.nanoTime() - begin) / 1_000_000, Long::sum);
        } catch (RuntimeException e) {
            failures.add(family + ": " + method + " " + shortened(uri) + " -> no answer: " + e);
            return new Response(0, Map.of(), "");
        }
        return check(family, method + " " + shortened(uri) + " " + contentType + " "
                + (body == null ? "" : shortened(new String(body, StandardCharsets.UTF_8))), r);
    }

    private Response check(String family, String what, Response r) {
        statuses.computeIfAbsent(family.replaceAll(" [^ ]*$", "").replaceAll(":.*", ""), k -> new TreeMap<>())
                .merge(r.status(), 1, Integer::sum);
        String failure;
        if (what.startsWith("HEAD ") && r.status() >= 400 && r.status() < 500) {
            String type = r.header("content-type");
            failure = type == null || !type.startsWith("application/problem+json") ? "HEAD not problem+json " + r : null;
        } else {
            failure = r.status() == 0 ? null : FuzzTest.check(what, r);
        }
        if (failure != null) {
            failures.add(family + ": " + what + " -> " + failure);
        }
        return r;
    }

    private void expect(String what, Response r, Integer... statuses) {
        if (!List.of(statuses).contains(r.status())) {
            failures.add(what + " -> " + r.status() + ", expected " + List.of(statuses) + ": " + r);
        }
    }

    /** Sends the body in 64 kB chunks without a Content-Length; stops writing once the server answers or closes. */
    private Response chunked(String method, String uri, String contentType, byte[] body, Http as) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes(method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(as == null ? coord : as)
                    + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
            try {
                for (int at = 0; at < body.length; at += 65536) {
                    int n = Math.min(65536, body.length - at);
                    out.write(bytes(Integer.toHexString(n) + "\r\n"));
                    out.write(body, at, n);
                    out.write(bytes("\r\n"));
                }
                out.write(bytes("0\r\n\r\n"));
                out.flush();
            } catch (IOException closed) {
                // the server answered and closed before the whole body was sent: read its answer
            }
            return read(socket.getInputStream());
        }
    }

    /** Announces a Content-Length and sends only the first bytes: the answer must come without the rest. */
    private Response announcedOnly(String method, String uri, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes(method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(org)
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\nkey,site_id\r\n"));
            out.flush();
            Response r = read(socket.getInputStream());
            return check("csv 50 MB", method + " " + uri, r);
        }
    }

    private String auth(Http as) {
        String user = as == coord ? "hf-coord" : "hf-org";
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(bytes(user + ":hostile-password")) + "\r\n";
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException reset) {
            // a connection reset after the answer: keep what was read
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder b = new StringBuilder();
            for (String part : body.split("\r\n")) {
                if (!part.matches("[0-9a-fA-F]+")) {
                    b.append(part);
                }
            }
            body = b.toString();
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    // --- set-up and helpers --------------------------------------------------------------------------------------------

    private void setUp() {
        for (String[] u : new String[][] {{"hf-coord", "COORDINATOR", null}, {"hf-org", "ORGANIZER", null}}) {
            jdbc.sql("INSERT INTO api_user (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(u[0], "{noop}hostile-password").update();
            jdbc.sql("INSERT INTO account_role (username, network, role, driver_id) VALUES (?, 'kirin', ?, ?) ON CONFLICT DO NOTHING")
                    .params(u[0], u[1], u[2]).update();
        }
        coord = coordinator.as("hf-coord", "hostile-password");
        org = coordinator.as("hf-org", "hostile-password");
        ok(coord.post("/api/vehicles", "{\"id\":\"hf-veh\",\"name\":\"van\",\"capacity\":{\"ambientGrams\":100000,"
                + "\"chilledGrams\":0,\"frozenGrams\":0}}"));
        ok(coord.post("/api/volunteers", "{\"id\":\"hf-drv\",\"name\":\"d\",\"homeLat\":35.4,\"homeLon\":134.2,"
                + "\"maxMinutesPerDay\":240,\"vehicleId\":\"hf-veh\"}"));
        ok(coord.post("/api/sites", "{\"id\":\"hf-farm\",\"name\":\"farm\",\"kind\":\"FARM\",\"lat\":35.41,\"lon\":134.25,"
                + "\"serviceSeconds\":300,\"storageCapacity\":{\"ambientGrams\":0,\"chilledGrams\":0,\"frozenGrams\":0}}"));
        Response r = org.post("/api/donations", "{\"siteId\":\"hf-farm\",\"category\":\"rice\",\"temperature\":\"AMBIENT\","
                + "\"grams\":1000,\"expiryDate\":\"2027-03-31\",\"expiryKind\":\"BEST_BEFORE\",\"availableFrom\":\"2027-02-01\"}",
                "Idempotency-Key", "hf-seed");
        ok(r);
        lot = r.json().get("lotId").asString();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }

    /** Who calls a path: the organizer for donations, the coordinator for everything else. */
    private Http who(String path) {
        return path.startsWith("/api/donations") ? org : coord;
    }

    /** The path with plain values in its variables, one of them (if named) replaced by the given segment. */
    private String concrete(String path, String var, String segment) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(var) ? segment : switch (name) {
                case "month" -> "2027-02";
                case "date" -> "2027-02-15";
                case "lotId" -> lot;
                case "driver", "driverId" -> "hf-drv";
                case "id" -> path.startsWith("/api/sites") ? "hf-farm" : path.startsWith("/api/vehicles") ? "hf-veh"
                        : path.startsWith("/api/volunteers") ? "hf-drv" : "999999";
                case "username" -> "hf-org";
                case "stop" -> "1";
                default -> "999999";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String query(JsonNode op) {
        List<String> query = new ArrayList<>();
        op.path("parameters").valueStream()
                .filter(p -> p.path("in").asString("").equals("query") && p.path("required").asBoolean(false))
                .forEach(p -> query.add(p.get("name").asString() + "=" + switch (p.get("name").asString()) {
                    case "month" -> "2027-02";
                    case "date" -> "2027-02-15";
                    default -> "1";
                }));
        return String.join("&", query);
    }

    /** k items of the list, a different k for each call (over many operations, every item is sent). */
    private <T> List<T> some(List<T> all, int k) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, all.size()); i++) {
            out.add(all.get(Math.floorMod(rotation + i, all.size())));
        }
        rotation += k;
        return out;
    }

    private static String manyKeys(int n) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append('}').toString();
    }

    private static final byte[] BOMB = gzipBomb();

    private static byte[] gzipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes("{\"name\":\""));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                gz.write(zeros);
            }
            gz.write(bytes("\"}"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shortened(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
