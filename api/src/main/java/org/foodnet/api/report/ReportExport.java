package org.foodnet.api.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.foodnet.api.report.ReportController.ClassLine;
import org.foodnet.api.report.ReportController.MonthReport;
import org.foodnet.api.report.ReportController.Recipient;
import org.foodnet.api.report.ReportController.Totals;
import org.foodnet.api.report.ReportController.VolunteerHours;
import org.foodnet.api.web.Csv;
import org.foodnet.api.web.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The month report for funders and the municipality, as CSV (UTF-8 with BOM, for Excel) and as an Excel workbook:
 * the same three tables — per recipient and temperature class (need, planned, delivered, fulfilment; then the
 * recipient's total), the month's totals (waste, driving, volunteer hours), and hours per volunteer. In the CSV the
 * tables follow one another, each with its header row, separated by an empty line; in the workbook each is a sheet.
 * Words in Japanese ({@code ?lang=ja}, the default) or English ({@code ?lang=en}).
 */
@RestController
class ReportExport {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One table: its sheet name, header and rows. */
    record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    private final ReportController reports;

    ReportExport(ReportController reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/api/reports/{month}.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable YearMonth month, @RequestParam(defaultValue = "ja") String lang) {
        List<Table> tables = tables(reports.report(month), japanese(lang));
        StringBuilder out = new StringBuilder();
        for (Table t : tables) {
            String text = Csv.write(t.header(), t.rows());
            out.append(out.isEmpty() ? text : "\r\n" + text.substring(Csv.BOM.length()));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("report-" + month + ".csv"))
                .body(out.toString());
    }

    @GetMapping(value = "/api/reports/{month}.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<byte[]> xlsx(@PathVariable YearMonth month, @RequestParam(defaultValue = "ja") String lang) {
        List<Table> tables = tables(reports.report(month), japanese(lang));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table t : tables) {
                Sheet sheet = book.createSheet(t.name());
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.header().size(); c++) {
                    head.createCell(c).setCellValue(t.header().get(c));
                    head.getCell(c).setCellStyle(bold);
                    sheet.setColumnWidth(c, 18 * 256);
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = t.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(v == null ? "" : v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            book.write(out);
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment("report-" + month + ".xlsx"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    private static boolean japanese(String lang) {
        return switch (lang) {
            case "ja" -> true;
            case "en" -> false;
            default -> throw Problem.badField("lang", "must be ja or en, got '" + org.foodnet.api.web.CsvCells.shorten(lang) + "'");
        };
    }

    static List<Table> tables(MonthReport report, boolean ja) {
        List<List<Object>> recipients = new ArrayList<>();
        for (Recipient r : report.recipients()) {
            for (ClassLine c : r.perClass()) {
                recipients.add(List.of(r.id(), r.name(), ja ? c.temperature().japanese() : c.temperature().word(),
                        c.needKg(), c.plannedKg(), c.deliveredKg(), c.fulfilment()));
            }
            recipients.add(List.of(r.id(), r.name(), ja ? "合計" : "total", r.needKg(), r.plannedKg(), r.deliveredKg(),
                    r.fulfilment()));
        }
        Totals t = report.totals();
        List<List<Object>> totals = new ArrayList<>();
        totals.add(List.of(ja ? "必要量" : "need", t.needKg(), "kg"));
        totals.add(List.of(ja ? "計画した配達" : "planned", t.plannedKg(), "kg"));
        totals.add(List.of(ja ? "配達済み" : "delivered", t.deliveredKg(), "kg"));
        totals.add(List.of(ja ? "期限切れ" : "expired", t.expiredKg(), "kg"));
        totals.add(List.of(ja ? "未配達" : "undelivered", t.undeliveredKg(), "kg"));
        totals.add(List.of(ja ? "廃棄" : "discarded", t.discardedKg(), "kg"));
        totals.add(List.of(ja ? "走行距離" : "distance driven", t.km(), "km"));
        totals.add(List.of(ja ? "運転時間" : "driving time", t.drivingMinutes(), ja ? "分" : "minutes"));
        totals.add(List.of(ja ? "ボランティア時間" : "volunteer hours", t.volunteerHours(), ja ? "時間" : "hours"));
        totals.add(List.of(ja ? "便数" : "trips", t.trips(), ""));
        totals.add(List.of(ja ? "走り終えた便" : "trips done", t.tripsDone(), ""));
        List<List<Object>> volunteers = new ArrayList<>();
        for (VolunteerHours v : report.volunteers()) {
            volunteers.add(List.of(v.id(), v.name(), v.trips(), v.hours()));
        }
        return ja
                ? List.of(new Table("受取先", List.of("受取先ID", "受取先", "温度帯", "必要量 (kg)", "計画 (kg)", "配達済み (kg)", "充足率"), recipients),
                        new Table("合計", List.of("項目", "値", "単位"), totals),
                        new Table("ボランティア", List.of("ドライバーID", "ドライバー", "便数", "時間"), volunteers))
                : List.of(new Table("recipients", List.of("recipient_id", "recipient", "temperature", "need_kg", "planned_kg", "delivered_kg", "fulfilment"), recipients),
                        new Table("totals", List.of("item", "value", "unit"), totals),
                        new Table("volunteers", List.of("driver_id", "driver", "trips", "hours"), volunteers));
    }
}
