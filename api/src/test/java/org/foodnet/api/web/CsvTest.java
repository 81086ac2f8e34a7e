package org.foodnet.api.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV formula injection: the guard on export, taken off on import; numbers stay numbers. */
class CsvTest {

    private static final List<String> TRICKY = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+81-857-00-0000",
            "-2+3", "@SUM(1+1)", "\t=1+2", "\r=1+2", "'=1+2", "''@x", "'", "''", "it's", "'plain", "=", "-", "+",
            "a,b", "line\nbreak", "名前", "");

    @Test
    void cellsThatASpreadsheetCouldTakeForAFormulaGetAQuote() {
        assertThat(Csv.guard("=HYPERLINK(\"http://evil.example\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(Csv.guard("+81-857-00-0000")).isEqualTo("'+81-857-00-0000");
        assertThat(Csv.guard("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.guard("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(Csv.guard("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.guard("\r=1")).isEqualTo("'\r=1");
        assertThat(Csv.guard("'=1")).isEqualTo("''=1");   // else it would read back as "=1"
        // plain text and numbers are left alone
        assertThat(Csv.guard("鳥取 花子")).isEqualTo("鳥取 花子");
        assertThat(Csv.guard("it's")).isEqualTo("it's");
        assertThat(Csv.guard("'plain")).isEqualTo("'plain");
        for (String number : List.of("-12.5", "+3", "-0.25", "134.2331", "-1.0E-5", "42")) {
            assertThat(Csv.guard(number)).as(number).isEqualTo(number);
        }
    }

    @Test
    void writtenThenReadGivesBackTheSameText_andNumbersStayNumbers() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            rows.add(List.of("id-" + i, TRICKY.get(i), -35.5 - i, 134L + i));
        }
        String text = Csv.write(List.of("id", "name", "lat", "grams"), rows);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", ",'@SUM(1+1),", ",'-2+3,",
                ",-35.5,134\r\n");
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("\t");
            }
        }
        List<Csv.Row> read = Csv.read(text, List.of("id", "name", "lat", "grams"));
        assertThat(read).hasSize(TRICKY.size());
        for (int i = 0; i < TRICKY.size(); i++) {
            String expected = TRICKY.get(i).isEmpty() ? null : TRICKY.get(i);   // (guarded cells keep their tab or CR)
            assertThat(read.get(i).get("name")).as("row %d", i).isEqualTo(expected);
            assertThat(Double.parseDouble(read.get(i).get("lat"))).isEqualTo(-35.5 - i);
            assertThat(Long.parseLong(read.get(i).get("grams"))).isEqualTo(134L + i);
        }
    }

    @Test
    void unguardUndoesGuardForAnyText() {
        for (String s : TRICKY) {
            assertThat(Csv.unguard(Csv.guard(s))).as(s).isEqualTo(s);
            assertThat(Csv.unguard(Csv.unguard(Csv.guard(Csv.guard(s))))).as(s).isEqualTo(s);
        }
        // a long run of quotes is no problem (no recursion)
        String quotes = "'".repeat(200_000) + "=1";
        assertThat(Csv.unguard(Csv.guard(quotes))).isEqualTo(quotes);
    }
}
