package org.foodnet.api.driver;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A driver's trips as an iCalendar (RFC 5545) feed: one event per trip, times in UTC. */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * @param messages the texts ({@code calendar.summary}: "配送 9:00 ハブ拠点 → 食堂（3 か所）")
     * @param locale   the driver's language
     */
    static String of(RouteSheet sheet, Instant now, org.springframework.context.MessageSource messages, Locale locale) {
        ZoneId zone = ZoneId.of(sheet.zone());
        StringBuilder c = new StringBuilder();
        line(c, "BEGIN:VCALENDAR");
        line(c, "VERSION:2.0");
        line(c, "PRODID:-//Foodnet//Route sheets//EN");
        line(c, "CALSCALE:GREGORIAN");
        line(c, "X-WR-CALNAME:" + text("Foodnet " + sheet.driverName()));
        line(c, "X-WR-TIMEZONE:" + sheet.zone());
        for (RouteSheet.Trip t : sheet.trips()) {
            line(c, "BEGIN:VEVENT");
            line(c, "UID:" + text("trip-" + t.planId() + "-" + t.tripId() + "@foodnet"));
            line(c, "DTSTAMP:" + UTC.format(now));
            line(c, "DTSTART:" + UTC.format(t.start().atZone(zone)));
            line(c, "DTEND:" + UTC.format(t.end().atZone(zone)));
            line(c, "SUMMARY:" + text(summary(t, messages, locale)));
            if (!t.stops().isEmpty()) {
                line(c, "LOCATION:" + text(t.stops().get(0).name() + ", " + t.stops().get(0).address()));
            }
            StringBuilder d = new StringBuilder();
            for (RouteSheet.Stop s : t.stops()) {
                d.append(s.order()).append(". ").append(s.arrival().toLocalTime()).append(' ').append(s.name())
                        .append(" (").append(s.address()).append(")");
                if (!s.stayOnBoard().isEmpty()) {
                    d.append(s.load().isEmpty() && s.unload().isEmpty() ? " — stop here; nothing to load or unload" : "")
                            .append(" — stays on board: ").append(String.join(", ", s.stayOnBoard().stream()
                                    .map(i -> String.format(Locale.ROOT, "%.1f kg", i.kg())
                                            + (i.recipientName() == null ? "" : " for " + i.recipientName())).toList()));
                }
                d.append("\n");
            }
            line(c, "DESCRIPTION:" + text(d.toString()));
            line(c, "END:VEVENT");
        }
        line(c, "END:VCALENDAR");
        return c.toString();
    }

    /** The event's title in the driver's words: start time, first and last stop's names, number of stops. */
    static String summary(RouteSheet.Trip t, org.springframework.context.MessageSource messages, Locale locale) {
        String start = t.start().toLocalTime().format(DateTimeFormatter.ofPattern("H:mm", Locale.ROOT));
        String first = t.stops().isEmpty() ? "" : t.stops().get(0).name();
        String last = t.stops().isEmpty() ? "" : t.stops().get(t.stops().size() - 1).name();
        return messages.getMessage("calendar.summary", new Object[] {start, first, last, t.stops().size()}, locale);
    }

    /**
     * TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash; a line break (CR LF, CR
     * or LF) becomes {@code \n}; other control characters, which TEXT may not hold, become a space.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 && c != '\t' || c == 0x7f ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * Content lines end in CRLF and are folded (RFC 5545 3.1): no line longer than 75 octets, a continuation line
     * starts with one space, and no UTF-8 character is split.
     */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int count = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (count + len > 74) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                count = 0;
            }
            current.appendCodePoint(cp);
            count += len;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
