package org.foodnet.api.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month report page in Chromium (as {@link BrowserTest}): after a published plan whose past trips were driven,
 * it draws the charts with recipients' names, and both downloads hold the report: the CSV with a BOM and Japanese
 * names, the Excel workbook (read back with Apache POI) with the same rows.
 */
class ReportPageTest extends BrowserTestBase {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    /** Publishes a December plan and drives its trips up to "today", stop by stop in time order. */
    private long publishAndDrive() {
        Response started = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long planId = started.json().get("planId").asLong();
        awaitJob(coordinator, started.json().get("jobId").asLong(), Duration.ofSeconds(120));
        Response published = coordinator.post("/api/plans/" + planId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        List<Object[]> ticks = new ArrayList<>();
        for (JsonNode t : coordinator.get("/api/plans/" + planId).json().get("plan").get("trips")) {
            if (!LocalDate.parse(t.get("date").asString()).isAfter(TODAY.toLocalDate())) {
                for (int i = 0; i < t.get("stops").size(); i++) {
                    ticks.add(new Object[] {t, i + 1, t.get("stops").get(i).get("serviceStart").asString()});
                }
            }
        }
        ticks.sort(Comparator.comparing(x -> (String) x[2]));
        for (Object[] tick : ticks) {
            JsonNode t = (JsonNode) tick[0];
            Response done = coordinator.post("/api/drivers/" + t.get("driverId").asString() + "/trips/" + planId + "/"
                    + t.get("id").asString() + "/stops/" + tick[1] + "/done", null);
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
        }
        return planId;
    }

    @Test
    void theMonthReportShowsChartsWithNames_andBothDownloadsHoldTheSameRows() throws Exception {
        long planId = publishAndDrive();
        JsonNode report = coordinator.get("/api/reports/2026-12").json();
        assertThat(report.get("publishedPlanId").asLong()).isEqualTo(planId);
        JsonNode first = report.get("recipients").get(0);
        String name = first.get("name").asString();
        assertThat(name).matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
        assertThat(first.get("perClass")).isNotEmpty();

        BrowserContext context = newContext(desktopOptions().setAcceptDownloads(true), 20_000);
        List<String> csp = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                csp.add(m.text());
            }
        });
        Page page = newPage(context);
        signIn(page, "coordinator", "demo-coordinator", "coordinator.html");
        page.locator("#reportLink").click();
        page.waitForURL("**/report.html");
        assertThat(page.locator("#month")).hasValue("2026-12");

        // the chart: one row per recipient and class, with names (not ids) and Japanese words
        assertThat(page.locator("#fulfilChart svg g.row")).not().hasCount(0);
        String firstClass = org.foodnet.solver.domain.TemperatureClass.valueOf(
                first.get("perClass").get(0).get("temperature").asString()).japanese();
        assertThat(page.locator("#fulfilChart svg g.row").first()).hasAttribute("data-label", name + "・" + firstClass);
        assertThat(page.locator("#fulfilChart svg")).not().containsText(first.get("id").asString() + "・");
        assertThat(page.locator("#fulfilChart svg rect.bar-delivered")).not().hasCount(0);
        assertThat(page.locator("#fulfilChart")).containsText("配達済み");
        assertThat(page.locator("#wasteChart svg g.row")).hasCount(3);
        assertThat(page.locator("#drivingChart")).containsText("km");
        assertThat(page.locator("#hoursChart svg g.row")).not().hasCount(0);
        assertThat(page.locator("#summary")).containsText("#" + planId);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("report.png")).setFullPage(true));

        // the CSV download: BOM, Japanese names, the recipients' table
        Download csvDownload = page.waitForDownload(() -> page.locator("#csvLink").click());
        assertThat(csvDownload.suggestedFilename()).isEqualTo("report-2026-12.csv");
        byte[] csvBytes = Files.readAllBytes(csvDownload.path());
        assertThat(Arrays.copyOf(csvBytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(csvBytes, StandardCharsets.UTF_8).substring(1);
        assertThat(csv).contains(name).contains("常温");
        String[] sections = csv.split("\r\n\r\n");
        assertThat(sections).hasSize(3);
        List<Csv.Row> csvRecipients = Csv.read(sections[0], List.of("受取先id", "受取先", "温度帯", "必要量 (kg)", "配達済み (kg)", "充足率"));
        assertThat(csvRecipients).isNotEmpty();
        assertThat(csvRecipients).anyMatch(r -> r.get("受取先").equals(name) && r.get("温度帯").equals("合計"));

        // the workbook: the same rows, read with Apache POI
        Download xlsxDownload = page.waitForDownload(() -> page.locator("#xlsxLink").click());
        assertThat(xlsxDownload.suggestedFilename()).isEqualTo("report-2026-12.xlsx");
        try (InputStream in = Files.newInputStream(xlsxDownload.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            for (int s = 0; s < 3; s++) {
                Sheet sheet = book.getSheetAt(s);
                String[] lines = sections[s].split("\r\n");
                assertThat(sheet.getLastRowNum() + 1).as("rows of sheet %s", sheet.getSheetName()).isEqualTo(lines.length);
                for (int r = 0; r < lines.length; r++) {
                    List<String> cells = parseLine(lines[r]);
                    Row row = sheet.getRow(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell.getCellType() == CellType.NUMERIC) {
                            assertThat(cell.getNumericCellValue()).as("%s!%d,%d", sheet.getSheetName(), r, c)
                                    .isEqualTo(Double.parseDouble(cells.get(c)));
                        } else {
                            assertThat(cell.getStringCellValue()).as("%s!%d,%d", sheet.getSheetName(), r, c).isEqualTo(cells.get(c));
                        }
                    }
                }
            }
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("受取先");
        }
        context.close();
        assertThat(csp).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void theDownloadsSpeakEnglishOnRequest_andRefuseAnUnknownLanguage() {
        Response en = coordinator.get("/api/reports/2026-12.csv?lang=en");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).startsWith("\uFEFFrecipient_id,recipient,temperature,need_kg,planned_kg,delivered_kg,fulfilment\r\n");
        Response bad = coordinator.get("/api/reports/2026-12.xlsx?lang=xx");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("lang");
        assertThat(coordinator.get("/api/reports/2026-13.csv").status()).isEqualTo(400);
        assertThat(driver.get("/api/reports/2026-12.csv").status()).isEqualTo(403);
    }

    /** One CSV line of plain cells (the tables here quote only names with commas). */
    private static List<String> parseLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(Csv.unguard(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(Csv.unguard(cell.toString()));
        return cells;
    }
}
