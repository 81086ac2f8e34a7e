package org.foodnet.api.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.Http.Response;
import org.foodnet.data.stock.LedgerEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver page without a connection (issue 16 item 6), in Chromium with Playwright's offline mode: once opened,
 * a reload offline still shows the route sheet (service worker); a stop ticked offline waits, survives a reload,
 * and reaches the stock ledger exactly once when the connection is back.
 */
class DriverOfflineTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    @Test
    void theSheetOpensOffline_andATickMadeOfflineReachesTheLedgerOnceWhenBackOnline() {
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 6));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long planId = accepted.json().get("planId").asLong();
        assertThat(awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(300)).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);

        JsonNode trip = independentTrip(planId, t -> IntStream.range(0, t.get("stops").size())
                .anyMatch(i -> !unloads(t.get("stops").get(i)).isEmpty()));
        JsonNode stops = trip.get("stops");
        int index = IntStream.range(0, stops.size()).filter(i -> !unloads(stops.get(i)).isEmpty()).findFirst().orElseThrow();
        int number = index + 1;
        String tripId = trip.get("id").asString();
        String driverId = trip.get("driverId").asString();
        String user = "offline-" + driverId;
        if (coordinator.get("/api/users").body().indexOf("\"" + user + "\"") < 0) {
            assertThat(coordinator.post("/api/users", Map.of("username", user, "password", "offline-driver-pw",
                    "role", "DRIVER", "driverId", driverId)).status()).isEqualTo(201);
        }

        BrowserContext context = phone();
        Page page = newPage(context);
        List<String> ticksAnswered = new CopyOnWriteArrayList<>();
        String tickPath = "/api/drivers/me/trips/" + planId + "/" + tripId + "/stops/" + number + "/done";
        page.onResponse(r -> {
            if (java.net.URLDecoder.decode(r.url(), java.nio.charset.StandardCharsets.UTF_8).endsWith(tickPath)
                    && r.request().method().equals("POST")) {
                ticksAnswered.add(r.status() + "");
            }
        });
        signIn(page, user, "offline-driver-pw", "driver.html");
        Locator card = page.locator("section.trip[data-trip='" + planId + "/" + tripId + "']");
        assertThat(card).isVisible();
        // the service worker is installed and controls the page; one reload online fills its cache
        page.evaluate("async () => { await navigator.serviceWorker.ready; }");
        page.reload();
        page.waitForCondition(() -> (Boolean) page.evaluate("() => navigator.serviceWorker.controller !== null"));
        assertThat(card).isVisible();

        // offline: the page and the sheet still open
        context.setOffline(true);
        page.reload();
        assertThat(card).isVisible();
        Locator stop = card.locator("li.stop").nth(index);
        stop.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ここを完了にする")).click();
        assertThat(page.locator("#ok")).containsText("送信待ち");
        assertThat(stop.locator("p.stop-done.pending")).isVisible();
        assertThat(rowsOfTrip(trip)).as("nothing reached the server while offline").isEmpty();

        // still waiting after a reload offline
        page.reload();
        assertThat(card.locator("li.stop").nth(index).locator("p.stop-done.pending")).isVisible();
        assertThat(ticksAnswered).isEmpty();
        screenshot(page, "driver-offline");

        // back online: sent once, the ledger holds exactly this stop's unloads
        context.setOffline(false);
        assertThat(page.locator("#ok")).containsText("送りました", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(ticksAnswered).containsExactly("200");
        List<LedgerEntry> rows = rowsOfTrip(trip);
        assertThat(byLot(rows)).isEqualTo(unloads(stops.get(index)));
        assertThat(page.evaluate("() => localStorage.getItem('foodnet.pendingTicks')")).isEqualTo("[]");

        // a reload online shows the stop done by the server; nothing is sent again
        page.reload();
        assertThat(card.locator("li.stop").nth(index).locator("p.stop-done")).isVisible();
        assertThat(card.locator("li.stop").nth(index).locator("p.stop-done.pending")).hasCount(0);
        assertThat(ticksAnswered).containsExactly("200");
        assertThat(rowsOfTrip(trip)).hasSize(rows.size());
        context.close();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }
}
