package org.foodnet.api.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web pages in a real browser: Debian's Chromium (headless) driven by Playwright, against the app on a random
 * port with the demo data (the same Spring context as the other HTTP tests, "today" 2026-12-10 in Tokyo, also in
 * the browser). Skipped when /usr/bin/chromium is missing; .ci/run installs it. Screenshots: target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends BrowserTestBase {

    @Autowired
    private JdbcClient jdbc;

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    /** The CSP violations reported in each open browser context. */
    private final Map<BrowserContext, List<String>> cspViolations = new java.util.concurrent.ConcurrentHashMap<>();
    /** The plan the coordinator published in the browser. */
    private static long publishedPlanId;

    /** A fresh browser (no cookies) in Japanese, Tokyo time, the tests' "today"; a phone or a desktop screen. */
    private Page open(boolean phone) {
        BrowserContext context = newContext(phone ? phoneOptions() : desktopOptions(), 20_000);
        // Content-Security-Policy violations: Chromium logs them to the console, and the page's
        // securitypolicyviolation event is logged too (close(page) asserts there were none)
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
        cspViolations.put(context, violations);
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: '"
                + " + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));");
        context.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().startsWith("CSP violation")) {
                violations.add((m.page() == null ? "" : m.page().url()) + " " + m.text());
            }
        });
        return newPage(context);
    }

    /** Closes the page's browser context, after checking that none of its pages reported a CSP violation. */
    private void close(Page page) {
        List<String> violations = cspViolations.remove(page.context());
        page.context().close();
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    private static void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    private static void screenshot(Locator element, String name) {
        element.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static void screenshot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }

    private List<JsonNode> organizerDonations(String category) {
        Response list = organizer.get("/api/donations?limit=500");
        assertThat(list.status()).isEqualTo(200);
        return list.json().valueStream().filter(d -> d.get("category").asString().equals(category)).toList();
    }

    @Test
    @Order(1)
    void signInSendsEachRoleToItsPage_andAWrongPasswordIsRefused() {
        Page page = open(true);
        signIn(page, "organizer", "wrong-password");
        assertThat(page.locator("#error")).containsText("パスワードが違います");
        screenshot(page, "login");
        signIn(page, "organizer", "demo-organizer");
        page.waitForURL("**/organizer.html");
        signIn(page, "driver", "demo-driver");
        page.waitForURL("**/driver.html");
        assertThat(page.locator("#who")).containsText("driver");
        signIn(page, "coordinator", "demo-coordinator");
        page.waitForURL("**/coordinator.html");
        assertThat(page.locator("#who")).containsText("coordinator");   // the header is set up (its sign-out form too)
        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログアウト")).click();
        page.waitForURL("**/login.html?logout");
        page.navigate("/coordinator.html");
        page.waitForURL("**/login.html**");   // signed out: the page sends you to sign in
        close(page);

        // HTTP Basic stays as it was: no session, and the challenge (except for the pages' own calls)
        Response basic = coordinator.get("/api/me");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.header("set-cookie")).isNull();
        assertThat(coordinator.anonymous().get("/api/me").header("www-authenticate")).isEqualTo("Basic realm=\"foodnet\"");
        assertThat(coordinator.anonymous().get("/api/me", "X-Requested-With", "fetch").header("www-authenticate")).isNull();
    }

    @Test
    @Order(2)
    void organizerLogsADonation_aDoubleSubmitAndARetryMakeOneEach_andCorrectsIt() {
        Page page = open(true);
        signIn(page, "organizer", "demo-organizer");
        page.waitForURL("**/organizer.html");
        assertThat(page.locator("#site option")).not().hasCount(0);
        assertThat(page.locator("#kg")).hasAttribute("inputmode", "decimal");

        Locator form = page.locator("#donation");
        // double submit: two submits of one form fill carry the same Idempotency-Key
        String rice = "rice-" + UUID.randomUUID().toString().substring(0, 8);
        form.getByLabel("場所（今食品がある所）").selectOption("hub");
        form.getByLabel("品目").fill(rice);
        form.getByText("冷蔵", new Locator.GetByTextOptions().setExact(true)).click();
        form.getByLabel("重さ（kg）").fill("12.5");
        form.getByText("消費期限", new Locator.GetByTextOptions().setExact(true)).click();
        form.getByLabel("期限の日付").fill("2026-12-20");
        page.evaluate("() => { const f = document.getElementById('donation'); f.requestSubmit(); f.requestSubmit(); }");
        assertThat(page.locator("#ok")).containsText("記録しました");
        assertThat(page.locator("#recent li.donation", new Page.LocatorOptions().setHasText(rice))).hasCount(1);
        List<JsonNode> logged = organizerDonations(rice);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("grams").asLong()).isEqualTo(12_500);
        assertThat(logged.get(0).get("temperature").asString()).isEqualTo("CHILLED");
        assertThat(logged.get(0).get("expiryKind").asString()).isEqualTo("USE_BY");
        assertThat(logged.get(0).get("siteId").asString()).isEqualTo("hub");
        page.locator("#submit").dblclick();   // the form was cleared: nothing more is logged
        assertThat(page.locator("#error")).containsText("品目を入力してください");
        assertThat(organizerDonations(rice)).hasSize(1);

        // a retry after a lost answer: the server logged it, the phone saw a network error and sends again
        String noodles = "noodles-" + UUID.randomUUID().toString().substring(0, 8);
        form.getByLabel("品目").fill(noodles);
        form.getByLabel("重さ（kg）").fill("3,2");
        AtomicBoolean lose = new AtomicBoolean(true);
        page.route("**/api/donations", route -> {
            if (route.request().method().equals("POST") && lose.getAndSet(false)) {
                route.fetch();     // reaches the server ...
                route.abort();     // ... but the answer is lost
            } else {
                route.resume();
            }
        });
        page.locator("#submit").click();
        assertThat(page.locator("#error")).containsText("通信できませんでした");
        assertThat(organizerDonations(noodles)).hasSize(1);
        page.locator("#submit").click();
        assertThat(page.locator("#ok")).containsText(noodles);
        assertThat(organizerDonations(noodles)).hasSize(1);
        assertThat(organizerDonations(noodles).get(0).get("grams").asLong()).isEqualTo(3_200);
        page.unrouteAll();

        // correction of the first one: 12.5 kg -> 10 kg
        Locator card = page.locator("#recent li.donation", new Page.LocatorOptions().setHasText(rice));
        card.getByText("重さを訂正").click();
        card.getByLabel("正しい重さ（kg）").fill("10");
        card.getByLabel("理由").fill("はかり直し");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("訂正を保存")).click();
        assertThat(page.locator("#ok")).containsText("訂正しました");
        assertThat(organizerDonations(rice).get(0).get("grams").asLong()).isEqualTo(10_000);
        assertThat(page.locator("#recent li.donation", new Page.LocatorOptions().setHasText(rice)).locator(".grams"))
                .containsText("10");
        screenshot(page, "organizer");
        close(page);
    }

    @Test
    @Order(3)
    void coordinatorPlansWithLiveProgress_readsTheExplanation_andPublishes() {
        Page page = open(false);
        signIn(page, "coordinator", "demo-coordinator");
        page.waitForURL("**/coordinator.html");
        page.evaluate("() => { window.seen = []; new MutationObserver(() => window.seen.push("
                + "document.getElementById('jobStatus').textContent)).observe(document.getElementById('jobStatus'),"
                + " {childList: true, characterData: true, subtree: true}); }");
        page.getByLabel("月", new Page.GetByLabelOptions().setExact(true)).fill("2026-12");
        page.getByLabel("計算時間（秒）").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("計画を開始")).click();
        assertThat(page.locator("#jobStatus")).containsText("計算が終わりました",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) page.evaluate("() => window.seen");
        assertThat(seen).as("progress shown while solving").anyMatch(s -> s.contains("計算中"));
        assertThat(page.locator("#bestScore")).not().hasText("–");
        assertThat(page.locator("#rules li.rule")).not().hasCount(0);
        assertThat(page.locator("#recipients tr.recipient .bar")).not().hasCount(0);

        JsonNode plans = coordinator.get("/api/plans?month=2026-12").json();
        long planId = plans.valueStream().mapToLong(p -> p.get("id").asLong()).max().orElseThrow();
        assertThat(page.locator("#summary")).containsText("#" + planId);
        page.locator("tr[data-plan='" + planId + "'] button.publish").click();
        assertThat(page.locator("#ok")).containsText("計画 " + planId + " を公開しました");
        assertThat(page.locator("tr[data-plan='" + planId + "'] .status")).hasText("公開中");
        assertThat(coordinator.get("/api/plans/" + planId).json().get("status").asString()).isEqualTo("PUBLISHED");
        publishedPlanId = planId;
        screenshot(page.locator("#planning"), "coordinator");   // the planning part (the whole page is long now)
        close(page);
    }

    @Test
    @Order(4)
    void driverSeesOnlyTheirTrips_ticksOneStop_thatStaysDoneAfterAReload_andThenTheTrip() {
        assumeTrue(publishedPlanId > 0, "needs the plan published by the coordinator test");
        JsonNode trips = coordinator.get("/api/plans/" + publishedPlanId).json().get("plan").get("trips");
        // a trip loading only at donors, none of whose food other tests may move, with a stop that unloads
        JsonNode trip = independentTrip(publishedPlanId,
                t -> t.get("stops").valueStream().anyMatch(s -> !unloads(s).isEmpty()));
        String today = TODAY.toLocalDate().toString();
        String driverId = trip.get("driverId").asString();
        long ownTrips = trips.valueStream().filter(t -> t.get("driverId").asString().equals(driverId)).count();
        String user = "web-" + driverId;
        if (coordinator.get("/api/users").body().indexOf("\"" + user + "\"") < 0) {
            assertThat(coordinator.post("/api/users", Map.of("username", user, "password", "web-driver-pw",
                    "role", "DRIVER", "driverId", driverId)).status()).isEqualTo(201);
        }

        Page page = open(true);
        signIn(page, user, "web-driver-pw");
        page.waitForURL("**/driver.html");
        // December's trips from the 10th ("today" in the browser too) on; all of them this driver's
        long fromToday = trips.valueStream().filter(t -> t.get("driverId").asString().equals(driverId)
                && t.get("date").asString().compareTo(today) >= 0).count();
        assertThat(page.locator("section.trip")).hasCount((int) fromToday);
        assertThat(ownTrips).isLessThan(trips.size());
        String key = publishedPlanId + "/" + trip.get("id").asString();
        Locator card = page.locator("section.trip[data-trip='" + key + "']");
        assertThat(card.locator("li.stop")).hasCount(trip.get("stops").size());
        assertThat(card.locator("li.stop a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^https?://"));
        assertThat(card.locator("li.stop").first()).containsText(":");
        assertThat(card).containsText("積む");
        assertThat(page.locator("#print")).hasAttribute("href", "/api/drivers/me/route-sheet.html?month=2026-12");
        screenshot(page, "driver", false);   // the first screen (the whole month is long)

        // one stop: the food unloaded there goes to the ledger, nothing else of the trip
        JsonNode stops = trip.get("stops");
        int index = java.util.stream.IntStream.range(0, stops.size()).filter(i -> !unloads(stops.get(i)).isEmpty())
                .findFirst().orElseThrow();
        Locator stop = card.locator("li.stop").nth(index);
        stop.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ここを完了にする")).click();
        assertThat(page.locator("#ok")).containsText("を完了にしました");
        assertThat(page.locator("#error")).isEmpty();
        assertThat(stop.locator("p.stop-done")).hasText("ここは完了 ✓");
        assertThat(rowsOfTrip(trip)).extracting(org.foodnet.data.stock.LedgerEntry::operationId).doesNotHaveDuplicates();
        assertThat(byLot(rowsOfTrip(trip))).isEqualTo(unloads(stops.get(index)));
        page.reload();
        card = page.locator("section.trip[data-trip='" + key + "']");
        assertThat(card.locator("li.stop").nth(index).locator("p.stop-done")).hasText("ここは完了 ✓");
        assertThat(card.locator("li.stop p.stop-done")).hasCount(1);
        assertThat(card.locator("li.stop button.stop-done")).hasCount(stops.size() - 1);
        card.locator("li.stop").nth(index).scrollIntoViewIfNeeded();
        screenshot(page, "driver-stop-done", false);

        // the rest of the trip at once
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("この便を完了にする")).click();
        page.waitForFunction("() => document.getElementById('ok').textContent.includes('便') || document.getElementById('error').textContent");
        assertThat(page.locator("#error").textContent()).isEmpty();
        assertThat(card.locator("p.done")).hasText("完了しました ✓");
        assertThat(card.locator("li.stop p.stop-done")).hasCount(stops.size());
        Map<String, Long> unloaded = new java.util.TreeMap<>();
        stops.valueStream().forEach(s -> unloads(s).forEach((lot, g) -> unloaded.merge(lot, g, Long::sum)));
        assertThat(byLot(rowsOfTrip(trip))).isEqualTo(unloaded);
        JsonNode sheet = driver.as(user, "web-driver-pw").get("/api/drivers/me/route-sheet?date=" + trip.get("date").asString()).json();
        assertThat(sheet.get("trips").valueStream().filter(t -> t.get("tripId").asString().equals(trip.get("id").asString()))
                .findFirst().orElseThrow().get("done").asBoolean()).isTrue();

        // the printable A4 sheet opens with the same sign-in
        Page print = page.context().waitForPage(() -> page.locator("#print").click());
        print.waitForLoadState();
        assertThat(print.locator("body")).containsText("配送表");
        close(page);
    }

    @Test
    @Order(5)
    void aWrongRoleIsRefusedByTheServer_andThePageSaysSo() {
        Page page = open(false);
        signIn(page, "organizer", "demo-organizer");
        page.waitForURL("**/organizer.html");
        page.navigate("/coordinator.html");
        assertThat(page.locator("#error")).containsText("この画面はコーディネーター用です");
        assertThat(page.locator("#error")).containsText("権限がありません");
        assertThat(page.locator("#work")).isHidden();
        screenshot(page, "refused");
        page.navigate("/driver.html");
        assertThat(page.locator("#error")).containsText("権限がありません");

        Page driverPage = open(true);
        signIn(driverPage, "driver", "demo-driver");
        driverPage.waitForURL("**/driver.html");
        driverPage.navigate("/organizer.html");
        assertThat(driverPage.locator("#error")).containsText("権限がありません");
        assertThat(driverPage.locator("#donation")).isHidden();
        close(page);
        close(driverPage);
    }

    /** The coordinator page for December, the tests' month (the page would otherwise open the coming month). */
    private Page coordinatorPage() {
        Page page = open(false);
        // the test machine has no internet; blocking the tiles makes that quick and certain
        page.route("https://tile.openstreetmap.org/**", route -> route.abort());
        signIn(page, "coordinator", "demo-coordinator");
        page.waitForURL("**/coordinator.html");
        page.navigate("/coordinator.html?month=2026-12");
        return page;
    }

    @Test
    @Order(6)
    void coordinatorSeesTheNetworkOnAMapWithoutInternet_theSiteListBeside_andTheTripsOfADay() {
        assumeTrue(publishedPlanId > 0, "needs the plan published by the coordinator test");
        Page page = coordinatorPage();
        JsonNode sites = coordinator.get("/api/network?month=2026-12").json().get("sites");
        long located = sites.valueStream().filter(s -> s.get("location") != null && s.get("location").get("lat") != null).count();
        assertThat(located).isGreaterThan(10);

        assertThat(page.locator("#map .site-marker")).hasCount((int) located);
        assertThat(page.locator("#map .site-marker.g-HUB")).hasCount((int) sites.valueStream()
                .filter(s -> s.get("kind").asString().equals("LOGISTICS_HUB")).count());
        assertThat(page.locator("#map .site-marker.g-DONOR")).hasCount((int) sites.valueStream()
                .filter(s -> List.of("SUPERMARKET", "FARM", "COMPANY", "FOOD_DRIVE_POINT", "INDIVIDUAL").contains(s.get("kind").asString()))
                .count());
        assertThat(page.locator("#siteRows tr.site")).hasCount((int) sites.size());
        assertThat(page.locator("#siteList")).isVisible();
        assertThat(page.locator("#siteRows")).containsText("ロジ拠点");
        assertThat(page.locator("#mapNote")).containsText("オフライン");
        assertThat(page.locator("#legend li")).hasCount(5);
        // a marker's tooltip names the site and its stock by temperature class
        String hub = sites.valueStream().filter(s -> s.get("kind").asString().equals("LOGISTICS_HUB")).findFirst().orElseThrow()
                .get("name").asString();
        page.locator("#map .site-marker.g-HUB").first().hover();
        assertThat(page.locator(".leaflet-tooltip")).containsText(hub);
        assertThat(page.locator(".leaflet-tooltip")).containsText("在庫");

        // the published plan's trips of the chosen day as lines
        JsonNode trips = coordinator.get("/api/plans/" + publishedPlanId).json().get("plan").get("trips");
        String day = trips.valueStream().map(t -> t.get("date").asString()).filter(d -> d.compareTo("2026-12-10") >= 0)
                .sorted().findFirst().orElseThrow();
        assertThat(page.locator("#mapDay")).hasValue(day);
        long ofDay = trips.valueStream().filter(t -> t.get("date").asString().equals(day)).count();
        long drawn = trips.valueStream().filter(t -> t.get("date").asString().equals(day) && t.get("stops").size() >= 2).count();
        assertThat(page.locator("#dayTrips li.day-trip")).hasCount((int) ofDay);
        assertThat(page.locator("#map path.trip-line")).hasCount((int) drawn);
        assertThat(page.locator("#dayTrips")).containsText("計画 " + publishedPlanId);
        page.locator("#mapSection").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("coordinator-map.png")));
        close(page);
    }

    @Test
    @Order(7)
    void coordinatorSeesTheMonthCalendarOfTripsPerVolunteer_asInThePlan() {
        assumeTrue(publishedPlanId > 0, "needs the plan published by the coordinator test");
        Page page = coordinatorPage();
        assertThat(page.locator("#calPlan")).containsText("計画 " + publishedPlanId);
        assertThat(page.locator("#calendar thead th[data-day]")).hasCount(31);
        JsonNode trips = coordinator.get("/api/plans/" + publishedPlanId).json().get("plan").get("trips");
        Map<String, Long> expected = new java.util.TreeMap<>();
        trips.valueStream().forEach(t -> expected.merge(t.get("driverId").asString() + " " + t.get("date").asString(), 1L, Long::sum));
        assertThat(expected).as("the plan has trips").isNotEmpty();
        // a volunteer of the plan (a 4-s plan need not give every volunteer a trip): the first in id order with trips
        String driver = expected.keySet().iterator().next().split(" ")[0];
        Map<String, Long> ofDriver = new java.util.TreeMap<>(expected);
        ofDriver.keySet().removeIf(k -> !k.startsWith(driver + " "));

        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) page.evaluate("() => [...document.querySelectorAll('#calendar button.cal-cell')]"
                + ".map(b => b.closest('tr').dataset.driver + ' ' + b.closest('td').dataset.day + ' ' + b.dataset.count)");
        Map<String, Long> shown = new java.util.TreeMap<>();
        cells.forEach(c -> {
            String[] p = c.split(" ");
            shown.put(p[0] + " " + p[1], Long.parseLong(p[2]));
        });
        assertThat(shown).isEqualTo(expected);
        Locator row = page.locator("#calendar tr[data-driver='" + driver + "']");
        assertThat(row.locator("button.cal-cell")).hasCount(ofDriver.size());
        String firstDay = ofDriver.keySet().iterator().next().substring(driver.length() + 1);
        row.locator("td[data-day='" + firstDay + "'] button").click();
        assertThat(page.locator("#calDetail li.cal-trip")).hasCount(ofDriver.get(driver + " " + firstDay).intValue());
        assertThat(page.locator("#calDetail")).containsText("→");
        page.locator("#calendarSection").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("coordinator-calendar.png")));
        close(page);
    }

    @Test
    @Order(8)
    void coordinatorAddsAVolunteerWithASlotThroughTheForms_andBadValuesAreShownAtTheirFields() {
        Page page = coordinatorPage();
        String id = "vol-web-" + UUID.randomUUID().toString().substring(0, 6);
        Locator form = page.locator("#volunteerForm");
        assertThat(page.locator("#volunteerVehicle option")).not().hasCount(0);
        form.getByLabel("ID（半角英数字と -）").fill(id);
        form.getByLabel("名前").fill("鳥取 次郎");
        form.getByLabel("連絡先").fill("0857-00-0000");
        form.getByLabel("自宅の緯度").fill("35.50");
        form.getByLabel("自宅の経度").fill("134.23");
        form.getByLabel("1日に運転できる時間（分）").fill("2000");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存する")).click();
        assertThat(page.locator("#volunteerMax-error")).isVisible();
        assertThat(page.locator("#volunteerMax-error")).containsText("1440");
        assertThat(page.locator("#volunteerMax")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#volunteerMax")).hasAttribute("aria-describedby", "volunteerMax-error");
        assertThat(coordinator.get("/api/volunteers/" + id).status()).isEqualTo(404);
        screenshot(page.locator("#forms"), "coordinator-forms");

        form.getByLabel("1日に運転できる時間（分）").fill("300");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存する")).click();
        assertThat(page.locator("#formsOk")).containsText("ドライバー " + id + " を保存しました");
        assertThat(page.locator("#volunteerMax-error")).hasCount(0);
        JsonNode stored = coordinator.get("/api/volunteers/" + id).json();
        assertThat(stored.get("name").asString()).isEqualTo("鳥取 次郎");
        assertThat(stored.get("maxMinutesPerDay").asInt()).isEqualTo(300);

        // availability: a day without a date is refused at the date field; then one is added and removed
        Locator slots = page.locator("#slotForm");
        assertThat(slots.getByLabel("ドライバー")).hasValue(id);
        slots.getByLabel("開始").fill("09:00");
        slots.getByLabel("終了").fill("12:30");
        slots.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("空き予定を追加")).click();
        assertThat(page.locator("#slotDate-error")).isVisible();
        slots.getByLabel("日付").fill("2026-12-20");
        slots.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("空き予定を追加")).click();
        assertThat(page.locator("#slotRows tr.slot[data-date='2026-12-20']")).containsText("09:00–12:30");
        assertThat(page.locator("#slotDate-error")).hasCount(0);
        JsonNode list = coordinator.get("/api/volunteers/" + id + "/slots?month=2026-12").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("date").asString()).isEqualTo("2026-12-20");
        assertThat(list.get(0).get("from").asString()).startsWith("09:00");
        assertThat(list.get(0).get("to").asString()).startsWith("12:30");
        // the new volunteer is a row of the calendar too
        assertThat(page.locator("#calendar tr[data-driver='" + id + "']")).hasCount(1);
        page.locator("#slotRows tr.slot[data-date='2026-12-20']").getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#slotRows tr.slot")).hasCount(0);
        assertThat(coordinator.get("/api/volunteers/" + id + "/slots?month=2026-12").json().size()).isZero();

        // a site with a latitude that is no number: the error sits at the latitude
        Locator site = page.locator("#siteForm");
        site.getByLabel("ID（半角英数字と -）").fill("caf-web-x");
        site.getByLabel("名前").fill("テスト食堂");
        site.getByLabel("緯度", new Locator.GetByLabelOptions().setExact(true)).fill("北緯35度");
        site.getByLabel("経度", new Locator.GetByLabelOptions().setExact(true)).fill("134.2");
        site.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存する")).click();
        assertThat(page.locator("#siteLat-error")).isVisible();
        assertThat(coordinator.get("/api/sites/caf-web-x").status()).isEqualTo(404);
        close(page);
    }

    @Test
    @Order(9)
    void aCsvWithABadRowShowsThePerRowReport_andTheGoodRowsCanThenBeImported() throws Exception {
        Page page = coordinatorPage();
        String vehicle = coordinator.get("/api/vehicles").json().get(0).get("id").asString();
        String good = "vol-csv-" + UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("volunteers", ".csv");
        Files.writeString(csv, "id,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id\n"
                + good + ",岩美 花子,0857-11-1111,35.5757,134.3317,240," + vehicle + "\n"
                + "vol-csv-bad,若桜 一郎,,95.0,134.4015,240," + vehicle + "\n");
        page.getByText("ドライバー（volunteers.csv）").click();
        page.getByLabel("CSV ファイル").setInputFiles(csv);
        page.locator("#csvForm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取り込む")).click();
        assertThat(page.locator("#csvResult")).containsText("1 行に誤りがある");
        Locator report = page.locator("#csvReport table.csv-report");
        assertThat(report.locator("tr.row-error")).hasCount(1);
        assertThat(report.locator("tr.row-error")).hasAttribute("data-line", "3");
        assertThat(report.locator("tr.row-error")).containsText("home_lat");
        // an import is all or nothing: the good row waits too
        assertThat(coordinator.get("/api/volunteers/" + good).status()).isEqualTo(404);
        screenshot(page.locator("#csvForm"), "coordinator-csv-report");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("正しい 1 行だけ取り込む")).click();
        assertThat(page.locator("#csvResult")).containsText("1 件取り込みました: " + good);
        assertThat(page.locator("#csvReport tr.row-error")).hasCount(0);
        JsonNode stored = coordinator.get("/api/volunteers/" + good).json();
        assertThat(stored.get("name").asString()).isEqualTo("岩美 花子");
        assertThat(coordinator.get("/api/volunteers/vol-csv-bad").status()).isEqualTo(404);
        Files.deleteIfExists(csv);
        close(page);
    }

    @Test
    @Order(10)
    void theEnglishToggleSwitchesTheLabels_andTheChoiceStaysAfterAReload() {
        Page page = coordinatorPage();
        assertThat(page.locator("h1")).hasText("配送計画");
        page.locator("#lang").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Delivery planning");
        assertThat(page.locator("#mapTitle")).hasText("Network map");
        assertThat(page.locator("#calTitle")).hasText("Month calendar of trips per volunteer");
        assertThat(page.locator("#siteRows")).containsText("logistics hub");
        assertThat(page.locator("#lang")).hasText("日本語");
        page.reload();
        assertThat(page.locator("h1")).hasText("Delivery planning");
        assertThat(page.locator("label[for=month]")).hasText("Month");
        assertThat(page.locator("#volunteerForm h2")).hasText("Add or change a volunteer driver");
        assertThat(page.locator("#siteRows")).containsText("logistics hub");
        assertThat(page).hasTitle("Delivery planning");
        screenshot(page, "coordinator-en", false);
        // the organizer's page in the same browser is English too (the choice is kept per browser)
        page.navigate("/organizer.html");
        assertThat(page.locator("h1")).hasText("Donations");
        page.locator("#lang").click();
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        page.navigate("/coordinator.html?month=2026-12");
        assertThat(page.locator("h1")).hasText("配送計画");
        close(page);
    }

    @Test
    @Order(11)
    void theContentSecurityPolicyRefusesInlineCode_andItsViolationsAreSeenByTheseTests() {
        Page page = open(false);
        com.microsoft.playwright.Response login = page.navigate("/login.html");
        assertThat(login.headerValue("content-security-policy")).contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(login.headerValue("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
        // injected inline code does not run, and the listener of open() sees the violations
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true';"
                + " document.body.append(s);"
                + " document.body.insertAdjacentHTML('beforeend', '<button id=x onclick=\"window.clicked = true\">x</button>'); }");
        page.locator("#x").click();
        assertThat(page.evaluate("() => window.injected === undefined && window.clicked === undefined")).isEqualTo(true);
        List<String> seen = cspViolations.remove(page.context());
        page.waitForCondition(() -> seen.stream().anyMatch(v -> v.contains("CSP violation: script-src-elem"))
                && seen.stream().anyMatch(v -> v.contains("CSP violation: script-src-attr"))
                && seen.stream().anyMatch(v -> v.contains("Content Security Policy")));   // Chromium's own message too
        page.context().close();

        // Swagger UI (its policy also allows inline styles, which it adds) loads without a violation
        page = open(false);
        com.microsoft.playwright.Response swagger = page.navigate("/swagger-ui/index.html");
        assertThat(swagger.headerValue("content-security-policy")).contains("script-src 'self';").doesNotContain("unsafe-eval");
        // the first /v3/api-docs is built on demand (slow on a busy machine)
        assertThat(page.locator(".swagger-ui .info")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        close(page);
    }

    @Test
    @Order(12)
    void afterTenWrongPasswordsTheSignInPageSaysToWait_evenForTheRightOne() {
        String user = "web-throttled-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = coordinator.post("/api/users", Map.of("username", user, "password", "right-password", "role", "ORGANIZER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Page page = open(true);
        for (int i = 0; i < 10; i++) {
            signIn(page, user, "wrong-password");
            page.waitForURL("**/login.html?error");
            assertThat(page.locator("#error")).containsText("パスワードが違います");
        }
        signIn(page, user, "right-password");
        assertThat(page.locator("#error")).containsText("しばらくログインできません");
        assertThat(page.locator("#error")).containsText("秒後");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\.html$"));
        screenshot(page, "login-throttled");
        // another account signs in from the same browser
        signIn(page, "organizer", "demo-organizer");
        page.waitForURL("**/organizer.html");
        close(page);
    }

    @Test
    @Order(13)
    void aPersonWithSeveralNetworksSwitchesInTheHeader_andThePagesCallThatNetwork() {
        // organizer in the demo network, coordinator of a network of this test's own (made by a federation administrator)
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String user = "web-both-" + suffix;
        String network = "zz-web-" + suffix;
        jdbc.sql("INSERT INTO api_user (username, password_hash, federation_admin) VALUES (?, '{noop}web-admin-password', true)")
                .param("web-admin-" + suffix).update();
        Response made = coordinator.as("web-admin-" + suffix, "web-admin-password").post("/api/networks", Map.of("id", network,
                "name", "Web network " + suffix, "coordinator", Map.of("username", user, "password", "right-password")));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(coordinator.put("/api/users/" + user + "/role", Map.of("role", "ORGANIZER")).status()).isEqualTo(200);

        Page page = open(false);
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/")) {
                calls.add(r.url().substring(r.url().indexOf("/api/")));
            }
        });
        signIn(page, user, "right-password");
        page.waitForURL("**/organizer.html");   // the first network (kirin), where the person is an organizer
        Locator select = page.locator("header select#network");
        assertThat(select).hasValue("kirin");
        assertThat(select.locator("option")).hasCount(2);
        assertThat(page.locator("#who")).containsText("受付担当");
        page.waitForCondition(() -> calls.stream().anyMatch(c -> c.startsWith("/api/networks/kirin/sites")));
        select.selectOption(network);
        page.waitForURL("**/coordinator.html?network=" + network);
        assertThat(page.locator("header select#network")).hasValue(network);
        assertThat(page.locator("#who")).containsText("コーディネーター");
        page.waitForCondition(() -> calls.stream().anyMatch(c -> c.startsWith("/api/networks/" + network + "/plans")));
        // every call of the pages named a network (none would answer without one: 409)
        assertThat(calls.stream().filter(c -> !c.startsWith("/api/networks/") && !c.equals("/api/me/networks")).toList()).isEmpty();
        close(page);
    }
}
