package org.foodnet.api.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.ApiTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The browser tests' common setup: one {@link Chromium} per test class (launched before its first test, closed after
 * its last; the class is skipped when there is no Chromium), fresh browser contexts in Japanese and Tokyo time on a
 * phone or a desktop screen, pages whose clock is the tests' "today", and signing in on login.html.
 */
abstract class BrowserTestBase extends ApiTestBase {

    private static Chromium chromium;
    /** This class's browser (set before its first test). */
    protected static Browser browser;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }

    /** Options of a fresh browser (no cookies) in Japanese, Tokyo time, on this app: a phone screen (390×844, touch). */
    protected Browser.NewContextOptions phoneOptions() {
        return new Browser.NewContextOptions().setLocale("ja-JP").setTimezoneId("Asia/Tokyo")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setBaseURL("http://localhost:" + port);
    }

    /** Options of a fresh browser (no cookies) in Japanese, Tokyo time, on this app: a desktop screen (1280×900). */
    protected Browser.NewContextOptions desktopOptions() {
        return new Browser.NewContextOptions().setLocale("ja-JP").setTimezoneId("Asia/Tokyo")
                .setViewportSize(1280, 900).setBaseURL("http://localhost:" + port);
    }

    /** A fresh phone browser whose actions wait up to 30 s. */
    protected BrowserContext phone() {
        return newContext(phoneOptions(), 30_000);
    }

    /** A fresh desktop browser whose actions wait up to 30 s. */
    protected BrowserContext desktop() {
        return newContext(desktopOptions(), 30_000);
    }

    /** A fresh browser with these options whose actions wait up to {@code timeoutMillis}. */
    protected static BrowserContext newContext(Browser.NewContextOptions options, double timeoutMillis) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(timeoutMillis);
        return context;
    }

    /** A new page in the context whose clock stands still at the tests' "today" (2026-12-10 10:00 in Tokyo). */
    protected static Page newPage(BrowserContext context) {
        Page page = context.newPage();
        page.clock().setFixedTime(TODAY.atZone(TOKYO).toInstant().toEpochMilli());
        return page;
    }

    /** Fills in login.html (in Japanese) and presses ログイン, without waiting for where it leads. */
    protected static void signIn(Page page, String user, String password) {
        page.navigate("/login.html");
        page.getByLabel("ユーザー名").fill(user);
        page.getByLabel("パスワード").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    }

    /** Signs in and waits until the browser is on {@code expectedPage} (e.g. "driver.html"). */
    protected static void signIn(Page page, String user, String password, String expectedPage) {
        signIn(page, user, password);
        page.waitForURL("**/" + expectedPage);
    }
}
