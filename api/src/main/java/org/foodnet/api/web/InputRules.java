package org.foodnet.api.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The windows every value a client sends must fall in (api/README.md, "Validation"): dates 2000-01-01 to
 * 2100-12-31 written as {@code yyyy-MM-dd}, months 2000-01 to 2100-12 as {@code yyyy-MM}, and text without control
 * characters (tab, line feed and carriage return allowed), without unpaired surrogates.
 */
public final class InputRules {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    public static final String DATE_RULE = "must be a date like 2026-12-04 between 2000-01-01 and 2100-12-31";
    public static final String MONTH_RULE = "must be a month like 2026-12 between 2000-01 and 2100-12";
    public static final String TIME_RULE = "must be a time of day like 09:30 (00:00 to 23:59)";
    public static final String KEY_RULE = "must be 1-200 printable ASCII characters";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** A refused value; the message says what it must be. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A date in the window, or {@link Refused}. */
    public static LocalDate date(String text) {
        if (text == null || text.length() != 10) {
            throw new Refused(DATE_RULE);
        }
        try {
            return date(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            throw new Refused(DATE_RULE);
        }
    }

    public static LocalDate date(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new Refused(DATE_RULE);
        }
        return date;
    }

    /** A month in the window, or {@link Refused}. */
    public static YearMonth month(String text) {
        if (text == null || text.length() != 7) {
            throw new Refused(MONTH_RULE);
        }
        try {
            YearMonth month = YearMonth.parse(text, MONTH);
            if (month.isBefore(YearMonth.from(FIRST_DAY)) || month.isAfter(YearMonth.from(LAST_DAY))) {
                throw new Refused(MONTH_RULE);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new Refused(MONTH_RULE);
        }
    }

    /** Why this text is refused (a control character, an unpaired surrogate), or null when it is fine. */
    public static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return c == 0 ? "must not contain a NUL character" : "must not contain control characters (character "
                        + (i + 1) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (character " + (i + 1) + ")";
            }
        }
        return null;
    }
}
