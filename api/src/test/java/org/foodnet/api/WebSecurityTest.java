package org.foodnet.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web-facing protections over real HTTP: login throttling (form login and HTTP Basic), CSRF tokens for the
 * session, the security headers and the pages without inline code, and CSV exports guarded against formula
 * injection that import back to the same data. The accounts and records used here are this class's own.
 */
class WebSecurityTest extends ApiTestBase {

    private static final String EVIL = "https://evil.example";

    /** A browser-like client: keeps its cookies (session, XSRF-TOKEN), follows no redirects, sends no Basic. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Response send(String method, String path, String contentType, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String set : r.headers().allValues("set-cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                Map<String, String> h = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                return new Response(r.statusCode(), h, r.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Response get(String path) {
            return send("GET", path, null, null);
        }

        String token() {
            if (!cookies.containsKey("XSRF-TOKEN")) {
                get("/login.html");
            }
            return cookies.get("XSRF-TOKEN");
        }

        /** The login form as the page sends it (with the CSRF token). */
        Response login(String user, String password) {
            return send("POST", "/login", "application/x-www-form-urlencoded", form("username", user, "password", password,
                    "_csrf", token()));
        }

        /** A write as the pages' JavaScript sends it. */
        Response write(String method, String path, String contentType, String body) {
            return send(method, path, contentType, body, "X-XSRF-TOKEN", token(), "X-Requested-With", "fetch");
        }
    }

    private static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private String newAccount(String role) {
        String name = "wsec-" + role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = coordinator.post("/api/users", Map.of("username", name, "password", "right-password", "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private Browser signedIn(String user, String password) {
        Browser b = new Browser();
        Response login = b.login(user, password);
        assertThat(login.status()).as(login.toString()).isEqualTo(302);
        assertThat(login.header("location")).doesNotContain("error");
        assertThat(b.get("/api/me").status()).isEqualTo(200);   // the session works (and brings a fresh token)
        return b;
    }

    // --- login throttling -------------------------------------------------------------------------------------

    @Test
    void tenWrongPasswordsThen429WithRetryAfter_evenForTheRightPassword_otherAccountsStillSignIn() {
        String user = newAccount("ORGANIZER");
        Http wrong = coordinator.as(user, "wrong-password");
        Http right = coordinator.as(user, "right-password");
        assertThat(right.get("/api/me").status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(wrong.get("/api/me").status()).as("failure %d", i + 1).isEqualTo(401);
        }
        Response refused = wrong.get("/api/me");
        assertProblem(refused, 429, "username");
        long retryAfter = Long.parseLong(refused.header("retry-after"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertProblem(right.get("/api/me"), 429, "username");           // the right password is refused too
        // throttled attempts never reach the password check: more of them do not lengthen the block
        for (int i = 0; i < 5; i++) {
            Response again = wrong.post("/api/donations", Map.of());
            assertProblem(again, 429, "username");
            assertThat(Long.parseLong(again.header("retry-after"))).isLessThanOrEqualTo(60L);
        }
        // the form login of that account is refused as well, before its password is checked
        Response form = new Browser().login(user, "right-password");
        assertProblem(form, 429, "username");
        assertThat(form.header("retry-after")).isNotNull();
        // another account from the same address still works, both ways
        assertThat(coordinator.get("/api/me").status()).isEqualTo(200);
        assertThat(organizer.get("/api/me").status()).isEqualTo(200);
        signedIn("organizer", "demo-organizer");
    }

    @Test
    void wrongPasswordsInTheLoginFormAreThrottledToo() {
        String user = newAccount("ORGANIZER");
        Browser browser = new Browser();
        for (int i = 0; i < 10; i++) {
            Response failed = browser.login(user, "wrong-password");
            assertThat(failed.status()).as("failure %d: %s", i + 1, failed).isEqualTo(302);
            assertThat(failed.header("location")).contains("/login.html?error");
        }
        Response refused = browser.login(user, "right-password");
        assertProblem(refused, 429, "username");
        assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 60L);
        assertProblem(coordinator.as(user, "right-password").get("/api/me"), 429, "username");   // Basic too: the same account
    }

    @Test
    void successfulSignInsNeverCount() {
        String user = newAccount("ORGANIZER");
        Http right = coordinator.as(user, "right-password");
        for (int i = 0; i < 30; i++) {
            assertThat(right.get("/api/me").status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            signedIn(user, "right-password");
        }
        for (int i = 0; i < 9; i++) {
            assertThat(coordinator.as(user, "wrong").get("/api/me").status()).isEqualTo(401);
        }
        // 42 attempts, 9 of them failed: not throttled
        assertThat(right.get("/api/me").status()).isEqualTo(200);
        signedIn(user, "right-password");
    }

    // --- CSRF --------------------------------------------------------------------------------------------------

    @Test
    void sessionWritesFromAnotherSiteAreRefused_theSameFromThePagesWork() {
        Browser page = signedIn("coordinator", "demo-coordinator");
        String csv = "id,name,kind,lat,lon,service_seconds\nwsec-csrf-" + UUID.randomUUID().toString().substring(0, 6)
                + ",CSRF テスト,FARM,35.45,134.2,300\n";

        // another site's form or fetch: the session cookie may come along, the token cannot
        Response text = page.send("POST", "/api/sites.csv", "text/plain", csv, "Origin", EVIL);
        assertProblem(text, 403, "X-XSRF-TOKEN");
        assertThat(text.json().get("detail").asString()).contains("CSRF");
        Response resume = page.send("POST", "/api/jobs/987654321/resume", "application/x-www-form-urlencoded", "x=1", "Origin", EVIL);
        assertProblem(resume, 403, null);
        Response wrongToken = page.send("POST", "/api/jobs/987654321/resume", "application/x-www-form-urlencoded", "_csrf=guess",
                "Origin", EVIL, "X-XSRF-TOKEN", "guess");
        assertProblem(wrongToken, 403, null);
        assertThat(coordinator.get("/api/sites/" + csv.split("\n")[1].split(",")[0]).status()).isEqualTo(404);

        // the pages' own calls send the token from the cookie: accepted
        Response imported = page.write("POST", "/api/sites.csv", "text/csv", csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites/" + csv.split("\n")[1].split(",")[0]).status()).isEqualTo(200);
        Response noSuchJob = page.write("POST", "/api/jobs/987654321/resume", "application/x-www-form-urlencoded", "x=1");
        assertProblem(noSuchJob, 404, null);   // past the CSRF check: there is no such job

        // signing out needs the token as well
        assertProblem(page.send("POST", "/logout", "application/x-www-form-urlencoded", "", "Origin", EVIL), 403, null);
        assertThat(page.get("/api/me").status()).isEqualTo(200);
        Response out = page.send("POST", "/logout", "application/x-www-form-urlencoded", form("_csrf", page.token()));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("location")).contains("/login.html?logout");
        assertThat(page.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aCrossSiteLoginIsRefused() {
        Browser victim = new Browser();
        Response login = victim.send("POST", "/login", "application/x-www-form-urlencoded",
                form("username", "organizer", "password", "demo-organizer"), "Origin", EVIL);
        assertProblem(login, 403, null);
        assertThat(victim.get("/api/me").status()).isEqualTo(401);
        assertThat(victim.cookies).doesNotContainKey("JSESSIONID");
    }

    @Test
    void basicAndAnonymousRequestsKeepWorkingAsBefore() {
        String csv = "id,name,kind,lat,lon,service_seconds\nwsec-basic-" + UUID.randomUUID().toString().substring(0, 6)
                + ",Basic テスト,FARM,35.46,134.21,300\n";
        // scripts with HTTP Basic: no token, no cookie
        Response r = coordinator.send("POST", "/api/sites.csv", "text/csv", csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("set-cookie")).isNull();
        assertThat(coordinator.send("POST", "/api/sites.csv", "text/csv", csv, "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(200);
        // a browser that cached Basic credentials, on another site's page: refused
        Response crossSite = coordinator.send("POST", "/api/sites.csv", "text/plain", csv, "Sec-Fetch-Site", "cross-site",
                "Origin", EVIL);
        assertProblem(crossSite, 403, "Sec-Fetch-Site");
        // no credentials at all: still 401 (no CSRF check without a session)
        assertProblem(coordinator.anonymous().post("/api/sites", Map.of("id", "x")), 401, null);
        assertProblem(coordinator.anonymous().send("POST", "/api/jobs/1/resume", "application/x-www-form-urlencoded", "x=1",
                "Origin", EVIL), 401, null);
    }

    // --- headers and pages ------------------------------------------------------------------------------------

    private static void assertSecurityHeaders(Response r, String what) {
        String csp = r.header("content-security-policy");
        assertThat(csp).as(what).isNotNull().contains("default-src 'self'").contains("script-src 'self'")
                .contains("style-src 'self'").contains("img-src 'self' data: https://tile.openstreetmap.org")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("referrer-policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(r.header("x-content-type-options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("x-frame-options")).as(what).isEqualTo("DENY");
    }

    @Test
    void everyPageHasTheContentSecurityPolicy_andNoInlineCode() {
        Browser anonymous = new Browser();
        for (String page : List.of("/", "/login.html", "/organizer.html", "/driver.html", "/coordinator.html")) {
            Response r = anonymous.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertSecurityHeaders(r, page);
            String html = r.body();
            Matcher scripts = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
            int count = 0;
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(page + ": every script is a file").contains("src=");
                count++;
            }
            assertThat(count).as(page).isPositive();
            assertThat(html).as(page).doesNotContainPattern("(?i)<[^>]+\\son[a-z]+\\s*=").doesNotContainPattern("(?i)\\sstyle\\s*=")
                    .doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)javascript:");
        }
        for (String file : List.of("/js/foodnet.js", "/js/login.js", "/js/coordinator.js", "/js/coordinator-map.js",
                "/js/coordinator-forms.js", "/js/coordinator-calendar.js", "/js/organizer.js", "/js/driver.js")) {
            Response r = anonymous.get(file);
            assertThat(r.status()).as(file).isEqualTo(200);
            // markup built in the scripts has no inline style or handler either (they are set through the DOM)
            assertThat(r.body()).as(file).doesNotContainPattern("(?i)\\sstyle=\\S").doesNotContainPattern("(?i)<[^>]+\\son[a-z]+=");
        }
        assertSecurityHeaders(coordinator.get("/api/me"), "Basic /api/me");
        assertSecurityHeaders(anonymous.get("/api/me"), "401");
    }

    @Test
    void thePrintableRouteSheetAllowsExactlyItsOwnStyleSheet() throws Exception {
        Response r = driver.get("/api/drivers/me/route-sheet.html?month=2026-12");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String csp = r.header("content-security-policy");
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("script-src");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(r.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");
        assertThat(style.find()).as("one style element").isFalse();
        assertThat(r.body()).doesNotContainPattern("(?i)<script").doesNotContainPattern("(?i)\\sstyle\\s*=");
        assertThat(r.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    // --- CSV exports: formula injection ------------------------------------------------------------------------

    /** The lines of a CSV whose first cell starts with this prefix, under the header. */
    private static String only(String csv, String idPrefix) {
        String[] lines = csv.split("\r\n");
        StringBuilder out = new StringBuilder(lines[0]).append("\r\n");
        for (String line : lines) {
            if (line.startsWith(idPrefix)) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }

    @Test
    void siteAndVolunteerExportsNeutraliseFormulas_andImportBackToTheSameData() {
        String id = "wsec-csv-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("id", id);
        site.put("name", "=HYPERLINK(\"http://evil.example\",\"x\")");
        site.put("kind", "FARM");
        site.put("municipality", "@SUM(1+1)");
        site.put("address", "-2+3 鳥取");
        site.put("contact", "+81-857-00-0000");
        site.put("lat", -35.25);
        site.put("lon", 134.5);
        site.put("serviceSeconds", 300);
        assertThat(coordinator.post("/api/sites", site).status()).isEqualTo(201);
        JsonNode before = coordinator.get("/api/sites/" + id).json();

        Response export = coordinator.get("/api/sites.csv");
        assertThat(export.status()).isEqualTo(200);
        String rows = only(export.body(), id + ",");
        assertThat(rows).contains(id + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",FARM,'@SUM(1+1),'-2+3 鳥取,'+81-857-00-0000,-35.25,134.5,300,");
        // imported back (as the page does, with the session's token): the same site, guard taken off
        Browser page = signedIn("coordinator", "demo-coordinator");
        Response imported = page.write("POST", "/api/sites.csv", "text/csv", rows);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("ids").get(0).asString()).isEqualTo(id);
        assertThat(coordinator.get("/api/sites/" + id).json()).isEqualTo(before);

        String vehicle = coordinator.get("/api/vehicles").json().get(0).get("id").asString();
        String volunteer = "wsec-vol-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(coordinator.post("/api/volunteers", Map.of("id", volunteer, "name", "=cmd|' /C calc'!A0", "contact",
                "+81-90-1234-5678", "homeLat", 35.5, "homeLon", -134.25, "maxMinutesPerDay", 240, "vehicleId", vehicle)).status())
                .isEqualTo(201);
        JsonNode volunteerBefore = coordinator.get("/api/volunteers/" + volunteer).json();
        String volunteers = only(coordinator.get("/api/volunteers.csv").body(), volunteer + ",");
        assertThat(volunteers).contains(volunteer + ",'=cmd|' /C calc'!A0,'+81-90-1234-5678,35.5,-134.25,240," + vehicle + ",,ja\r\n");
        Response back = coordinator.send("POST", "/api/volunteers.csv", "text/csv", volunteers);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/volunteers/" + volunteer).json()).isEqualTo(volunteerBefore);
    }

    @Test
    void donationExportNeutralisesFormulas_andTheImportStripsTheGuard() {
        String category = "=1+2 " + UUID.randomUUID().toString().substring(0, 6);
        String key = "wsec-" + UUID.randomUUID();
        Response logged = organizer.post("/api/donations", Map.of("siteId", "hub", "category", category, "temperature", "AMBIENT",
                "grams", 1500, "expiryDate", "2027-03-31", "expiryKind", "BEST_BEFORE"), "Idempotency-Key", key);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String lot = logged.json().get("lotId").asString();
        String csv = organizer.get("/api/donations.csv?limit=5000").body();
        String row = only(csv, lot + ",");
        assertThat(row).contains(",'" + category + ",AMBIENT,1500,2027-03-31,");
        // the exported row logged again under a new key: the same category, not the guarded text
        String again = row.replaceFirst("^\uFEFF?lot_id,", "key,").replace(lot + ",", "wsec-again-" + UUID.randomUUID() + ",");
        Response imported = organizer.send("POST", "/api/donations.csv", "text/csv", again);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(organizer.get("/api/donations?limit=500").json().valueStream()
                .filter(d -> d.get("category").asString().equals(category)).count()).isEqualTo(2);
    }
}
