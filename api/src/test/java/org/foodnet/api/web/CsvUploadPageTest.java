package org.foodnet.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator page's CSV upload with a file saved by Excel in Japan (Shift_JIS / CP932, the fixture the API tests
 * use): the page sends the file's bytes as they are, so the Japanese names arrive intact, detected or chosen; the
 * per-row report of a bad Shift_JIS file shows its Japanese text, and its good rows import intact too.
 */
class CsvUploadPageTest extends BrowserTestBase {

    private static byte[] fixture() throws IOException {
        try (InputStream in = CsvUploadPageTest.class.getResourceAsStream("/csv/volunteers-excel-cp932.csv")) {
            return in.readAllBytes();
        }
    }

    private Page coordinatorPage() {
        BrowserContext context = desktop();
        Page page = newPage(context);
        signIn(page, "coordinator", "demo-coordinator", "coordinator.html");
        assertThat(page.locator("#who")).containsText("coordinator");
        return page;
    }

    private static Path file(byte[] bytes) throws IOException {
        Path csv = Files.createTempFile("volunteers-sjis", ".csv");
        Files.write(csv, bytes);
        return csv;
    }

    private static void upload(Page page, Path csv, String charsetLabel) {
        page.getByText("ドライバー（volunteers.csv）").click();
        page.getByLabel("CSV ファイル").setInputFiles(csv);
        page.getByLabel("文字コード").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(charsetLabel));
        page.locator("#csvForm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取り込む")).click();
    }

    @Test
    void aShiftJisFileFromExcelUploadedThroughThePage_keepsItsJapaneseNames() throws Exception {
        byte[] bytes = fixture();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as("the fixture really is not UTF-8").doesNotContain("髙橋");
        Page page = coordinatorPage();
        Path csv = file(bytes);
        upload(page, csv, "自動判別（UTF-8 / Shift_JIS）");
        assertThat(page.locator("#csvResult")).containsText("2 件取り込みました: drv-sjis-1, drv-sjis-2");
        JsonNode first = coordinator.get("/api/volunteers/drv-sjis-1").json();
        assertThat(first.get("name").asString()).isEqualTo("髙橋 ①子");
        assertThat(first.get("contact").asString()).isEqualTo("鳥取市 湖山町");
        JsonNode second = coordinator.get("/api/volunteers/drv-sjis-2").json();
        assertThat(second.get("name").asString()).isEqualTo("山田 太郎, ボランティア");
        assertThat(second.get("contact").asString()).isEqualTo("ｶﾀｶﾅ 半角");
        // the page's own lists show them too
        assertThat(page.locator("#volunteerEdit")).containsText("髙橋 ①子");
        Files.deleteIfExists(csv);
        page.context().close();
    }

    @Test
    void aShiftJisFileWithABadRow_reportsThatRow_andItsGoodRowsImportIntact_withTheCharsetChosen() throws Exception {
        // the fixture's rows under other ids, plus a bad one (latitude 95), still in CP932
        String text = new String(fixture(), Csv.CP932)
                .replace("drv-sjis-1", "drv-sjis-3").replace("drv-sjis-2", "drv-sjis-4").stripTrailing()
                + "\r\ndrv-sjis-bad,鳥取 次郎,,95.0,134.2,240,veh-001\r\n";
        Page page = coordinatorPage();
        Path csv = file(text.getBytes(Csv.CP932));
        upload(page, csv, "Shift_JIS（日本語版 Excel の「CSV」）");
        assertThat(page.locator("#csvResult")).containsText("1 行に誤りがある");
        Locator report = page.locator("#csvReport table.csv-report");
        assertThat(report.locator("tr.row-error")).hasCount(1);
        assertThat(report.locator("tr.row-error")).hasAttribute("data-line", "4");
        assertThat(coordinator.get("/api/volunteers/drv-sjis-3").status()).isEqualTo(404);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("正しい 2 行だけ取り込む")).click();
        assertThat(page.locator("#csvResult")).containsText("2 件取り込みました: drv-sjis-3, drv-sjis-4");
        Response third = coordinator.get("/api/volunteers/drv-sjis-3");
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("name").asString()).isEqualTo("髙橋 ①子");
        assertThat(coordinator.get("/api/volunteers/drv-sjis-4").json().get("contact").asString()).isEqualTo("ｶﾀｶﾅ 半角");
        assertThat(coordinator.get("/api/volunteers/drv-sjis-bad").status()).isEqualTo(404);
        Chromium.SCREENSHOTS.toFile().mkdirs();
        page.locator("#csvForm").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("coordinator-csv-sjis.png")));
        Files.deleteIfExists(csv);
        page.context().close();
    }
}
