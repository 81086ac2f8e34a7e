package org.foodnet.api.driver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver's calendar feed: RFC 5545 escaping of text values and line folding. */
class ICalendarTest {

    /** The app's own bundles (messages.properties, messages_ja.properties), as Boot configures them. */
    static final org.springframework.context.MessageSource MESSAGES = bundles();

    private static org.springframework.context.MessageSource bundles() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static final String NASTY = "食堂\r\nX-INJECTED:yes\rBEGIN:VALARM;a,b\\c\nd\u0000e";

    private static RouteSheet sheet() {
        LocalDate day = LocalDate.of(2026, 12, 12);
        RouteSheet.Totals totals = new RouteSheet.Totals(1, 2, 12.5, 12.5, 0, 0, 90);
        List<RouteSheet.Stop> stops = List.of(
                new RouteSheet.Stop(1, "hub", "ロジ拠点; 倉庫, 北", "LOGISTICS_HUB", "鳥取県鳥取市 1-2-3", "", 35.5, 134.2,
                        day.atTime(9, 0), day.atTime(9, 20), null, null, "https://example.org/map", List.of(), List.of(), List.of(), false, null),
                new RouteSheet.Stop(2, "caf", NASTY, "COMMUNITY_CAFETERIA", "住所\r\nLOCATION:elsewhere " + "長い住所".repeat(30), "",
                        35.6, 134.3, day.atTime(10, 0), day.atTime(10, 15), null, null, "https://example.org/map",
                        List.of(), List.of(), List.of(), false, null));
        RouteSheet.Trip trip = new RouteSheet.Trip(7, "t-drv-001-2026-12-12-1", day, day.atTime(8, 30), day.atTime(11, 0),
                false, null, stops, totals, null);
        return new RouteSheet("drv-001", "運転手\r\nX-EVIL:1", "", "van-1", "Van", day, day, "Asia/Tokyo", List.of(trip), totals);
    }

    /** Unfolds (RFC 5545 3.1): a CRLF followed by one space or tab is removed. */
    private static List<String> unfold(String ics) {
        assertThat(ics).endsWith("\r\n");
        List<String> lines = new ArrayList<>();
        for (String physical : ics.substring(0, ics.length() - 2).split("\r\n", -1)) {
            if (physical.startsWith(" ") || physical.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        return lines;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void lineBreaksInTextCannotStartNewProperties_andLinesAreFoldedAt75Octets() {
        String ics = ICalendar.of(sheet(), Instant.parse("2026-12-10T01:00:00Z"), MESSAGES, java.util.Locale.JAPANESE);
        // every physical line ends in CRLF, no bare CR or LF, none longer than 75 octets, no control characters
        String[] physical = ics.split("\r\n");
        for (String line : physical) {
            assertThat(line).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(physical.length).isGreaterThan(unfold(ics).size());   // the long lines were folded
        List<String> lines = unfold(ics);
        assertThat(lines).noneMatch(l -> l.startsWith("X-INJECTED") || l.startsWith("X-EVIL") || l.startsWith("LOCATION:elsewhere"));
        assertThat(lines.stream().filter(l -> l.startsWith("BEGIN:")).toList())
                .containsExactly("BEGIN:VCALENDAR", "BEGIN:VEVENT");
        String description = lines.stream().filter(l -> l.startsWith("DESCRIPTION:")).findFirst().orElseThrow();
        assertThat(description).contains("BEGIN:VALARM\\;a\\,b\\\\c\\nd e");
        assertThat(unescape(description.substring("DESCRIPTION:".length())))
                .contains("2. 10:00 食堂\nX-INJECTED:yes\nBEGIN:VALARM;a,b\\c\nd e (住所\nLOCATION:elsewhere 長い住所");
        String calName = lines.stream().filter(l -> l.startsWith("X-WR-CALNAME:")).findFirst().orElseThrow();
        assertThat(calName).isEqualTo("X-WR-CALNAME:Foodnet 運転手\\nX-EVIL:1");
        String location = lines.stream().filter(l -> l.startsWith("LOCATION:")).findFirst().orElseThrow();
        assertThat(location).isEqualTo("LOCATION:ロジ拠点\\; 倉庫\\, 北\\, 鳥取県鳥取市 1-2-3");
    }

    @Test
    void textEscaping() {
        assertThat(ICalendar.text("a\r\nb\rc\nd")).isEqualTo("a\\nb\\nc\\nd");
        assertThat(ICalendar.text("x;y,z\\")).isEqualTo("x\\;y\\,z\\\\");
        assertThat(ICalendar.text("tab\tkept, bell\u0007 and del\u007f gone")).isEqualTo("tab\tkept\\, bell  and del  gone");
    }

    /** The event's title is words for the driver, in their language: start, first and last stop, number of stops. */
    @Test
    void theTitleSaysWhenAndWhereInTheDriversLanguage() {
        Instant now = Instant.parse("2026-12-10T01:00:00Z");
        for (var lang : List.of(java.util.Locale.JAPANESE, java.util.Locale.ENGLISH)) {
            List<String> lines = unfold(ICalendar.of(sheet(), now, MESSAGES, lang));
            String summary = unescape(lines.stream().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow()
                    .substring("SUMMARY:".length()));
            assertThat(summary).doesNotContain("t-drv-001").startsWith(lang == java.util.Locale.JAPANESE ? "配送 8:30 ロジ拠点; 倉庫, 北 → 食堂"
                    : "Delivery 8:30 ロジ拠点; 倉庫, 北 → 食堂");
            assertThat(summary).endsWith(lang == java.util.Locale.JAPANESE ? "（2 か所）" : "(2 stops)");
            // a line break in a stop's name still cannot start a property
            assertThat(lines).noneMatch(l -> l.startsWith("X-INJECTED"));
        }
    }
}
