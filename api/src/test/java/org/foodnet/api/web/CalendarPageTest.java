package org.foodnet.api.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * calendar.html in Chromium (issue 16 item 6): the driver reaches it from the driver page, makes the private calendar
 * address and sees it; the address answers without any sign-in with the driver's own feed; making a new one shows a
 * new address and the old one answers 404. Screenshot: target/screenshots/calendar.png.
 */
class CalendarPageTest extends BrowserTestBase {

    @Test
    void theDriverSeesTheCalendarAddress_andARenewalEndsTheOldOne() {
        BrowserContext context = phone();
        Page page = newPage(context);
        signIn(page, "driver", "demo-driver", "driver.html");

        page.locator("#calendarLink").click();
        page.waitForURL("**/calendar.html");
        assertThat(page.locator("h1")).hasText("カレンダーアプリに登録");
        assertThat(page.locator("#who")).containsText("driver");
        Locator url = page.getByLabel("カレンダー用 URL（カレンダーアプリの「URL で照会」に貼り付けます）");
        assertThat(page.locator("#result")).isHidden();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("カレンダー用 URL を作る")).click();
        assertThat(url).isVisible();
        assertThat(url).hasValue(java.util.regex.Pattern.compile("http://localhost:" + port + "/api/calendar/fnc_[A-Za-z0-9_-]{43}\\.ics"));
        String first = url.inputValue();
        assertThat(page.locator("#feedLink")).hasAttribute("href", first);
        assertThat(page.locator("#renewed")).isEmpty();

        // what a calendar app gets from that address, without any sign-in: the driver's own feed
        Http nobody = coordinator.anonymous();
        String firstPath = first.substring(("http://localhost:" + port).length());
        Response feed = nobody.get(firstPath);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.header("content-type")).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").isEqualTo(driver.get("/api/drivers/me/calendar.ics").body());
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("calendar.png")).setFullPage(true));

        // renewed on the page: a new address is shown, the old one has ended
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("カレンダー用 URL を作る")).click();
        assertThat(page.locator("#renewed")).hasText("新しい URL を作りました。前の URL はもう使えません。");
        assertThat(url).not().hasValue(first);
        String second = url.inputValue();
        assertThat(second).startsWith("http://localhost:" + port + "/api/calendar/fnc_");
        Response old = nobody.get(firstPath);
        assertThat(old.status()).isEqualTo(404);
        assertThat(old.header("content-type")).startsWith("application/problem+json");
        assertThat(nobody.get(second.substring(("http://localhost:" + port).length())).status()).isEqualTo(200);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("calendar-renewed.png")).setFullPage(true));
        context.close();
    }
}
