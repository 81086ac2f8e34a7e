package org.foodnet.api.web;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator page with a plan made with other travel times than the network has now (issue 13): instead of a
 * check against them (the explanation would answer 409) it shows a notice to re-plan, naming both sources; a plan
 * made with the current ones is explained as before. Screenshot: target/screenshots/coordinator-other-travel.png.
 */
class PlanTravelSourcePageTest extends BrowserTestBase {

    @Autowired
    private JdbcClient jdbc;

    private long solvedPlan() {
        Response started = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long planId = started.json().get("planId").asLong();
        assertThat(awaitJob(coordinator, started.json().get("jobId").asLong(), Duration.ofSeconds(180)).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        return planId;
    }

    @Test
    void aPlanMadeWithOtherTravelTimes_showsANoticeToReplan_insteadOfACheck() {
        long other = solvedPlan();
        long current = solvedPlan();
        assertThat(jdbc.sql("UPDATE plan SET travel_extract = 'andorra.osm.pbf', travel_sha256 = :sha WHERE id = :id")
                .param("sha", "ab".repeat(32)).param("id", other).update()).isEqualTo(1);

        BrowserContext context = desktop();
        Page page = newPage(context);
        signIn(page, "coordinator", "demo-coordinator", "coordinator.html");
        page.navigate("/coordinator.html?month=2026-12");
        assertThat(page.locator("#who")).containsText("coordinator");

        page.locator("#plans tr[data-plan='" + other + "'] button.explain").click();
        Locator notice = page.locator("#travelNotice");
        assertThat(notice).isVisible();
        assertThat(notice).containsText("この計画は別の移動時間のデータ（andorra.osm.pbf）で作られました");
        assertThat(notice).containsText("今のデータ（直線距離からの見積もり（またはネットワークの移動時間表））では確かめられない");
        assertThat(notice).containsText("計画し直してください");
        assertThat(page.locator("#summary")).hasText("#" + other);
        assertThat(page.locator("#rules li.rule")).hasCount(0);
        assertThat(page.locator("#error")).isEmpty();
        page.locator("#travelNotice").locator("xpath=..").screenshot(new Locator.ScreenshotOptions()
                .setPath(Chromium.SCREENSHOTS.resolve("coordinator-other-travel.png")));

        // a plan made with the current travel times: explained and checked as before, no notice
        page.locator("#plans tr[data-plan='" + current + "'] button.explain").click();
        assertThat(page.locator("#rules li.rule").first()).isVisible();
        assertThat(notice).isHidden();
        assertThat(page.locator("#summary")).containsText("#" + current);
        context.close();
    }
}
