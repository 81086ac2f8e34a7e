package org.foodnet.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests of issue 12's hostile input: dates beyond PostgreSQL's range, NUL in text, a non-ASCII
 * Idempotency-Key, a CSV that is only a BOM, a donations CSV row with an empty key, {@code GET /error} without
 * credentials; strict JSON (enums as numbers or with trailing spaces, duplicate keys, years 0001 and 10000) and
 * path-level refusals, each a 4xx problem+json naming the field, never a 500.
 */
class InputHardeningTest extends ApiTestBase {

    private static final String KEY = "Idempotency-Key";
    private static final String DONATION = """
            {"siteId":"hub","category":"rice","temperature":"AMBIENT","grams":1000,"expiryDate":"%s"}""";
    private static final String CSV_HEAD = "key,site_id,category,temperature,grams,expiry_date\r\n";

    private static void assertField(Response r, int status, String field) {
        assertProblem(r, status, field);
        assertThat(fields(r)).as(r.toString()).contains(field);
        assertThat(r.body()).as(r.toString()).doesNotContain("java.", "tools.jackson", "org.foodnet", "Exception",
                "_unique", "_fkey", "_check");
    }

    private static Set<String> fields(Response r) {
        Set<String> names = new TreeSet<>();
        var errors = r.json().get("errors");
        if (errors != null) {
            errors.valueStream().forEach(e -> names.add(e.get("field").asString()));
        }
        return names;
    }

    private long donations() {
        return coordinator.get("/api/donations?size=500").json().size();
    }

    // --- 1. dates beyond PostgreSQL's range, everywhere a date or month is read ------------------------------------

    @Test
    void expiryDateBeyondPostgresRangeIs400() {
        for (String date : List.of("+9999999-01-01", "+10000-01-01", "0001-01-01", "1999-12-31", "2101-01-01", "-0001-01-01")) {
            assertField(organizer.post("/api/donations", DONATION.formatted(date), KEY, "far-" + date.hashCode()),
                    400, "expiryDate");
        }
    }

    @Test
    void availableFromOutOfWindowIs400() {
        String body = "{\"siteId\":\"hub\",\"category\":\"rice\",\"temperature\":\"AMBIENT\",\"grams\":1000,"
                + "\"expiryDate\":\"2027-01-01\",\"availableFrom\":\"+9999999-01-01\"}";
        assertField(organizer.post("/api/donations", body, KEY, "far-af"), 400, "availableFrom");
    }

    @Test
    void slotDateBeyondRangeIs400() {
        assertField(coordinator.post("/api/volunteers/drv-001/slots",
                "{\"date\":\"+9999999-01-01\",\"from\":\"09:00\",\"to\":\"13:00\"}"), 400, "date");
        assertField(coordinator.post("/api/volunteers/drv-001/slots",
                "{\"date\":\"10000-01-01\",\"from\":\"09:00\",\"to\":\"13:00\"}"), 400, "date");
        assertField(coordinator.delete("/api/volunteers/drv-001/slots/+9999999-01-01"), 400, "date");
        assertField(coordinator.delete("/api/volunteers/drv-001/slots/0001-01-01"), 400, "date");
        assertField(coordinator.post("/api/volunteers/drv-001/slots",
                "{\"date\":\"2026-12-20\",\"from\":\"25:00\",\"to\":\"13:00\"}"), 400, "from");
    }

    @Test
    void closedDatesBeyondRangeAre400() {
        String site = "{\"id\":\"far-site\",\"name\":\"x\",\"kind\":\"FARM\",\"lat\":35,\"lon\":134,\"serviceSeconds\":0,"
                + "\"closedDates\":[\"+9999999-01-01\"]}";
        assertField(coordinator.post("/api/sites", site), 400, "closedDates[0]");
        String csv = "id,name,kind,lat,lon,service_seconds,closed_dates\r\nfar-csv,x,FARM,35,134,0,+9999999-01-01\r\n";
        Response r = coordinator.send("POST", "/api/sites.csv", "text/csv", csv);
        assertField(r, 422, "line 2: closed_dates");
    }

    @Test
    void planAndSheetMonthsBeyondRangeAre400() {
        assertField(coordinator.post("/api/plans", "{\"month\":\"+9999999-01\"}"), 400, "month");
        assertField(coordinator.post("/api/plans", "{\"month\":\"1999-12\"}"), 400, "month");
        assertField(coordinator.get("/api/plans?month=+9999999-01"), 400, "month");
        assertField(driver.get("/api/drivers/me/route-sheet?month=+9999999-01"), 400, "month");
        assertField(driver.get("/api/drivers/me/route-sheet?month=10000-01"), 400, "month");
        assertField(driver.get("/api/drivers/me/route-sheet?date=+9999999-01-01"), 400, "date");
        assertField(driver.get("/api/drivers/me/calendar.ics?month=+9999999-01"), 400, "month");
        assertField(coordinator.get("/api/reports/+9999999-01"), 400, "month");
        assertField(coordinator.get("/api/needs?month=0001-01"), 400, "month");
        assertField(coordinator.get("/api/network?month=2101-01"), 400, "month");
        String csv = CSV_HEAD + "far-csv-1,hub,rice,AMBIENT,1000,+9999999-01-01\r\n";
        assertField(organizer.send("POST", "/api/donations.csv", "text/csv", csv), 422, "line 2: expiry_date");
    }

    @Test
    void numbersOutOfRangeAre400() {
        assertField(organizer.post("/api/donations", DONATION.formatted("2027-01-01").replace("1000", "99999999999999999999999"),
                KEY, "huge-1"), 400, "grams");
        assertField(organizer.post("/api/donations", DONATION.formatted("2027-01-01").replace("1000", "0"), KEY, "zero-1"),
                400, "grams");
        assertField(coordinator.post("/api/plans", "{\"month\":\"2026-12\",\"timeLimitSeconds\":1e30}"), 400, "timeLimitSeconds");
        assertField(coordinator.get("/api/plans/99999999999999999999999"), 400, "id");
    }

    private static final String NETWORK = """
            {"name":"kirin","settings":{"month":"2027-04","zone":"Asia/Tokyo","roadFactor":1.4,"averageSpeedKmh":35.0,
             "allowDonorToDepot":false,"allowHubToRecipient":false,"allowDonorToRecipient":false,"bestBeforeGraceDays":0},
             "sites":[],"needs":[%s],"lots":[%s],"vehicles":[],"drivers":[%s]}""";
    private static final String LOT = """
            {"id":"ih-lot-1","donorId":"hub","siteId":"hub","category":"rice","temperature":"AMBIENT","grams":%s,
             "expiryDate":"%s","expiryKind":"BEST_BEFORE","availableFrom":"2027-04-01"}""";

    @Test
    void networkDocumentWithHostileValuesIs4xx() {
        long before = donations();
        Response r = coordinator.put("/api/network", NETWORK.formatted("", LOT.formatted("1000", "+9999999-01-01"), ""));
        assertField(r, 400, "lots[0].expiryDate");
        r = coordinator.put("/api/network", NETWORK.formatted("", LOT.formatted("9223372036854775807", "2027-05-01"), ""));
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertProblem(r, r.status(), null);
        r = coordinator.put("/api/network", NETWORK.formatted("", LOT.formatted("99999999999999999999", "2027-05-01"), ""));
        assertField(r, 400, "lots[0].grams");
        r = coordinator.put("/api/network", NETWORK.formatted("", LOT.formatted("-5", "2027-05-01"), ""));
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertProblem(r, r.status(), null);
        r = coordinator.put("/api/network", NETWORK.formatted("{\"recipientId\":\"caf-001\",\"monthlyNeed\":{\"ambientGrams\":1,"
                + "\"chilledGrams\":0,\"frozenGrams\":0},\"servingDays\":[\"10000-01-01\"]}", "", ""));
        assertField(r, 400, "needs[0].servingDays[0]");
        r = coordinator.put("/api/network", NETWORK.formatted("", "", "{\"id\":\"drv-001\",\"name\":\"x\",\"home\":{\"lat\":35,"
                + "\"lon\":134},\"maxMinutesPerDay\":240,\"vehicleId\":\"veh-001\",\"slots\":[{\"date\":\"0001-01-01\","
                + "\"from\":\"09:00\",\"to\":\"13:00\"}]}"));
        assertField(r, 400, "drivers[0].slots[0].date");
        r = coordinator.put("/api/network", NETWORK.formatted("", "", "").replace("2027-04", "+9999999-01"));
        assertField(r, 400, "settings.month");
        r = coordinator.put("/api/network", NETWORK.formatted("", "", "").replace("\"kirin\"", "\"ki\\u0000rin\""));
        assertField(r, 400, "name");
        assertThat(donations()).isEqualTo(before);
    }

    // --- 2. NUL and control characters in text ----------------------------------------------------------------------

    @Test
    void nulInTextIs400() {
        long before = donations();
        String body = "{\"siteId\":\"hub\",\"category\":\"ri\\u0000ce\",\"temperature\":\"AMBIENT\",\"grams\":1000,"
                + "\"expiryDate\":\"2027-01-01\"}";
        assertField(organizer.post("/api/donations", body, KEY, "nul-1"), 400, "category");
        String site = "{\"id\":\"nul-site\",\"name\":\"x\\u0000y\",\"kind\":\"FARM\",\"lat\":35,\"lon\":134,\"serviceSeconds\":0}";
        assertField(coordinator.post("/api/sites", site), 400, "name");
        String bell = "{\"id\":\"bell-site\",\"name\":\"x\\u0007y\",\"kind\":\"FARM\",\"lat\":35,\"lon\":134,\"serviceSeconds\":0}";
        assertField(coordinator.post("/api/sites", bell), 400, "name");
        String csv = CSV_HEAD + "nul-csv,hub,ri\u0000ce,AMBIENT,1000,2027-01-01\r\n";
        assertField(organizer.send("POST", "/api/donations.csv", "text/csv", csv), 422, "line 2: category");
        assertField(organizer.post("/api/donations/don-x/corrections", "{\"deltaGrams\":5,\"reason\":\"a\\u0000b\"}", KEY, "nul-2"),
                400, "reason");
        assertThat(donations()).isEqualTo(before);
    }

    // --- 3. headers ------------------------------------------------------------------------------------------------

    @Test
    void nonAsciiIdempotencyKeyIs400() {
        long before = donations();
        byte[] body = DONATION.formatted("2027-01-01").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String key : List.of("ключ-1", "キー", "x".repeat(201), "é")) {
            Response r = organizer.raw("POST", "/api/donations", "application/json", body, KEY, key);
            assertField(r, 400, KEY);
        }
        // control characters in a header: Tomcat refuses the request before it is read; still problem+json
        assertField(organizer.raw("POST", "/api/donations", "application/json", body, KEY, "a\u0001b"), 400, "headers");
        assertField(organizer.raw("POST", "/api/donations", "application/json", body, KEY, "a\u007fb"), 400, "headers");
        Response correction = organizer.raw("POST", "/api/donations/don-x/corrections", "application/json",
                "{\"deltaGrams\":5,\"reason\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), KEY, "ключ");
        assertField(correction, 400, KEY);
        assertThat(donations()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyOfPrintableAsciiIsAccepted() {
        Response r = organizer.post("/api/donations", DONATION.formatted("2027-01-01"), KEY, "drive 2026/12 #5 (rice)");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    // --- 4. CSV edge cases -------------------------------------------------------------------------------------------

    @Test
    void csvOfOnlyABomIs422() {
        for (String path : List.of("/api/sites.csv", "/api/volunteers.csv", "/api/donations.csv")) {
            Http as = path.contains("donations") ? organizer : coordinator;
            assertField(as.send("POST", path, "text/csv", "\uFEFF"), 422, "line 1: header");
            assertField(as.send("POST", path, "text/csv", ""), 422, "line 1: header");
            assertField(as.send("POST", path, "text/csv", "\uFEFF\r\n"), 422, "line 1: header");
            assertField(as.send("POST", path, "text/csv", "\uFEFF,,\r\n"), 422, "line 1: header");
        }
    }

    @Test
    void donationsCsvRowWithEmptyKeyIs422() {
        long before = donations();
        String csv = CSV_HEAD + "ok-key-1,hub,rice,AMBIENT,1000,2027-01-01\r\n,hub,rice,AMBIENT,1000,2027-01-01\r\n";
        assertField(organizer.send("POST", "/api/donations.csv", "text/csv", csv), 422, "line 3: key");
        assertThat(donations()).isEqualTo(before);
    }

    // --- 5. /error and path-level refusals -------------------------------------------------------------------------

    @Test
    void errorPageWithoutCredentialsIsNot500() {
        Response r = coordinator.anonymous().get("/error");
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        Response signedIn = coordinator.get("/error");
        assertThat(signedIn.status()).as(signedIn.toString()).isBetween(400, 499);
    }

    @Test
    void pathLevelRefusalsAreProblems() {
        assertField(coordinator.get("/api/nothing-here"), 404, "path");
        assertField(coordinator.delete("/api/sites/hub"), 405, "method");
        assertField(coordinator.send("POST", "/api/sites", "text/plain", "hello"), 415, "Content-Type");
        assertField(coordinator.get("/api/sites", "Accept", "image/png"), 406, "Accept");
        assertField(coordinator.get("/api/plans/abc"), 400, "id");
        assertField(coordinator.get("/nothing.html"), 404, "path");
        Response r = coordinator.anonymous().get("/api/sites");
        assertField(r, 401, "Authorization");
        assertField(driver.get("/api/sites"), 403, "role");
    }

    // --- strict JSON ---------------------------------------------------------------------------------------------

    @Test
    void strictJson() {
        long before = donations();
        String numberEnum = "{\"siteId\":\"hub\",\"category\":\"rice\",\"temperature\":0,\"grams\":1000,\"expiryDate\":\"2027-01-01\"}";
        assertField(organizer.post("/api/donations", numberEnum, KEY, "strict-1"), 400, "temperature");
        String spaced = numberEnum.replace("0,", "\"AMBIENT \",");
        assertField(organizer.post("/api/donations", spaced, KEY, "strict-2"), 400, "temperature");
        String nul = numberEnum.replace("0,", "\"AMBIENT\\u0000\",");
        assertField(organizer.post("/api/donations", nul, KEY, "strict-3"), 400, "temperature");
        String lower = numberEnum.replace("0,", "\"ambient\",");
        assertField(organizer.post("/api/donations", lower, KEY, "strict-3b"), 400, "temperature");
        String twice = "{\"siteId\":\"hub\",\"category\":\"rice\",\"temperature\":\"AMBIENT\",\"grams\":1000,\"grams\":2000,"
                + "\"expiryDate\":\"2027-01-01\"}";
        assertField(organizer.post("/api/donations", twice, KEY, "strict-4"), 400, "grams");
        String fraction = DONATION.formatted("2027-01-01").replace("1000", "1000.5");
        assertField(organizer.post("/api/donations", fraction, KEY, "strict-5"), 400, "grams");
        String trailing = DONATION.formatted("2027-01-01") + " {}";
        assertProblem(organizer.post("/api/donations", trailing, KEY, "strict-7"), 400, null);
        assertField(coordinator.post("/api/users", "{\"username\":\"num-role\",\"password\":\"long-enough\",\"role\":1}"), 400, "role");
        assertThat(donations()).isEqualTo(before);
    }

    // --- paging ------------------------------------------------------------------------------------------------

    @Test
    void donationsArePaged() {
        for (int i = 0; i < 3; i++) {
            assertThat(organizer.post("/api/donations", DONATION.formatted("2027-01-0" + (i + 1)), KEY, "page-" + i).status())
                    .isEqualTo(201);
        }
        Response first = organizer.get("/api/donations?size=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().size()).isEqualTo(2);
        String link = first.header("link");
        assertThat(link).as(first.headers().toString()).contains("rel=\"next\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Response second = organizer.get(next);
        assertThat(second.status()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        first.json().valueStream().forEach(d -> ids.add(d.get("lotId").asString()));
        second.json().valueStream().forEach(d -> assertThat(ids.add(d.get("lotId").asString())).isTrue());
        assertField(organizer.get("/api/donations?size=501"), 400, "size");
        assertField(organizer.get("/api/donations?page=-1"), 400, "page");
    }

    // --- planning a month with nothing to plan -----------------------------------------------------------------

    @Test
    void planningAMonthWithoutANetworkIs4xxUpFront() {
        Response r = coordinator.post("/api/plans", "{\"month\":\"2031-03\"}");
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertProblem(r, r.status(), null);
    }
}
