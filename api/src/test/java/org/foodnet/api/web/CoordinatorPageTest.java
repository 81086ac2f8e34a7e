package org.foodnet.api.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator page's actions in Chromium (issue 16 item 1): stop and resume a solve; a re-plan after a
 * volunteer cancels a day, showing the trips that changed; a rule weight changed in words; the day timeline per
 * volunteer. Each test makes its own plan. Screenshots: target/screenshots/.
 */
class CoordinatorPageTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

    private Page coordinatorPage(String month) {
        BrowserContext context = desktop();
        Page page = newPage(context);
        signIn(page, "coordinator", "demo-coordinator", "coordinator.html");
        page.navigate("/coordinator.html?month=" + month);
        assertThat(page.locator("#who")).containsText("coordinator");
        return page;
    }

    private long publishedPlan() {
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 6));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long planId = accepted.json().get("planId").asLong();
        assertThat(awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(300)).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        return planId;
    }

    private static void screenshot(Locator element, String name) {
        element.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Test
    void theCoordinatorStopsASolve_andResumesIt() {
        Page page = coordinatorPage("2026-12");
        page.getByLabel("計算時間（秒）").fill("120");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("計画を開始")).click();
        Locator stop = page.locator("#stopButton");
        assertThat(stop).isEnabled();
        assertThat(page.locator("#jobStatus")).containsText("計算中", LONG);
        long planId = Long.parseLong(page.locator("#jobStatus").textContent().replaceAll("^計画 (\\d+).*$", "$1"));
        stop.click();
        assertThat(page.locator("#ok")).containsText("計算を止めました");
        assertThat(page.locator("#jobStatus")).containsText("計算が終わりました", LONG);
        JsonNode jobs = coordinator.get("/api/plans/" + planId + "/jobs").json();
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(jobs.get(0).get("status").asString()).isIn("SUCCEEDED", "CANCELLED");
        assertThat(jobs.get(0).get("endedAt").isNull()).isFalse();

        Locator resume = page.locator("#resumeButton");
        assertThat(resume).isEnabled();
        resume.click();
        assertThat(page.locator("#ok")).containsText("計画 " + planId + " の計算を再開しました");
        assertThat(stop).isEnabled();
        JsonNode again = coordinator.get("/api/plans/" + planId + "/jobs").json();
        assertThat(again.size()).as("resume made a second job of the same plan").isEqualTo(2);
        screenshot(page.locator("#planning"), "coordinator-stop-resume");
        stop.click();    // not to keep the shared solver busy
        assertThat(page.locator("#jobStatus")).containsText("計算が終わりました", LONG);
        page.context().close();
    }

    @Test
    void theDayTimeline_aWeightChange_andARePlanAfterACancelledDayShowingTheChangedTrips() {
        long planId = publishedPlan();
        JsonNode trips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips");
        String today = TODAY.toLocalDate().toString();
        JsonNode later = trips.valueStream().filter(t -> t.get("date").asString().compareTo(today) > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no trip after today in plan " + planId));
        String day = later.get("date").asString();
        String driverId = later.get("driverId").asString();
        List<JsonNode> ofDay = trips.valueStream().filter(t -> t.get("date").asString().equals(day)).toList();
        Set<String> driversOfDay = ofDay.stream().map(t -> t.get("driverId").asString()).collect(Collectors.toSet());
        Map<String, String> names = coordinator.get("/api/volunteers").json().valueStream()
                .collect(Collectors.toMap(v -> v.get("id").asString(), v -> v.get("name").asString()));

        Page page = coordinatorPage("2026-12");
        // the published plan shown; the day timeline: one row per volunteer driving that day, one bar per trip
        page.locator("tr[data-plan='" + planId + "'] button.explain").click();
        assertThat(page.locator("#summary")).containsText("#" + planId);
        page.locator("#tlDay").selectOption(day);
        assertThat(page.locator("#timeline .tl-row[data-driver]")).hasCount(driversOfDay.size());
        assertThat(page.locator("#timeline .tl-bar")).hasCount(ofDay.size());
        Locator bar = page.locator("#timeline .tl-bar[data-trip='" + later.get("id").asString() + "']");
        assertThat(bar).isVisible();
        assertThat(bar.getAttribute("aria-label")).startsWith(names.get(driverId) + ": ");
        assertThat(page.locator("#timeline .tl-row[data-driver='" + driverId + "'] .tl-name")).hasText(names.get(driverId));
        String left = (String) bar.evaluate("b => b.style.left");
        assertThat(left).endsWith("%");
        assertThat(Double.parseDouble(left.replace("%", ""))).isBetween(0.0, 100.0);
        screenshot(page.locator("#timelineSection"), "coordinator-timeline");

        // rule weights in words: Japanese names and what each does; a change makes a new draft and solves it
        page.locator("#weightDetails > summary").click();
        Locator driving = page.locator("#weightRules .weight-rule[data-rule='Driving time']");
        assertThat(driving).containsText("運転時間");
        assertThat(driving.locator(".what")).containsText("運転");
        driving.locator("input").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新しい重みで計画する")).click();
        assertThat(page.locator("#actionsOk")).containsText("下書き");
        String draftText = page.locator("#actionsOk").textContent().replaceAll("^.*下書き (\\d+).*$", "$1");
        long draft = Long.parseLong(draftText);
        assertThat(page.locator("#jobStatus")).containsText("計画 " + draft + " の計算が終わりました", LONG);
        assertThat(coordinator.get("/api/plans/" + draft).json().get("weights").get("Driving time").asLong()).isEqualTo(3);
        JsonNode publishedDriving = coordinator.get("/api/plans/" + planId).json().get("weights").get("Driving time");
        assertThat(publishedDriving == null ? 1L : publishedDriving.asLong()).as("the published plan keeps its weights").isNotEqualTo(3L);
        screenshot(page.locator("#weightForm"), "coordinator-weights");

        // a volunteer cancels a day; the re-plan from today shows which trips changed
        page.navigate("/coordinator.html?month=2026-12");
        page.locator("#rpVolunteer").selectOption(driverId);
        page.locator("#rpDate").fill(day);
        page.locator("#cancelForm button[type=submit]").click();
        assertThat(page.locator("#actionsOk")).containsText("キャンセルしました");
        page.getByLabel("組み直しにかける時間（秒）").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("組み直す").setExact(true)).click();
        assertThat(page.locator("#changes h3")).containsText("計画 " + planId + " →", LONG);
        long cancelledTrips = ofDay.stream().filter(t -> t.get("driverId").asString().equals(driverId)).count();
        Locator removed = page.locator("#changes li.trip-change[data-kind='removed']");
        for (JsonNode t : ofDay) {
            if (t.get("driverId").asString().equals(driverId)) {
                Locator item = page.locator("#changes li.trip-change[data-kind='removed'][data-trip='" + t.get("id").asString() + "']");
                assertThat(item).hasCount(1);
                assertThat(item).containsText(names.get(driverId));
                assertThat(item).containsText("取り消し");
            }
        }
        assertThat(removed.count()).isGreaterThanOrEqualTo((int) cancelledTrips);
        // the page's changes are the plans' differences: every removed trip is gone from the new plan
        JsonNode newest = coordinator.get("/api/plans?month=2026-12").json();
        long replanId = newest.valueStream().filter(p -> p.get("replanOf") != null && !p.get("replanOf").isNull()
                && p.get("replanOf").asLong() == planId).mapToLong(p -> p.get("id").asLong()).max().orElseThrow();
        Set<String> newTrips = coordinator.get("/api/plans/" + replanId).json().get("plan").get("trips").valueStream()
                .map(t -> t.get("id").asString()).collect(Collectors.toSet());
        for (String id : removed.all().stream().map(l -> l.getAttribute("data-trip")).toList()) {
            assertThat(newTrips).doesNotContain(id);
        }
        screenshot(page.locator("#replanSection"), "coordinator-replan");
        page.context().close();
    }
}
