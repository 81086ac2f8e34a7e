package org.foodnet.solver.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {

    @Test
    void holidaysOf2026() {
        assertThat(JapaneseHolidays.ofYear(2026)).containsExactlyElementsOf(dates(
                "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
                "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", // 6 May: substitute for Sunday 3 May
                "2026-07-20", "2026-08-11", "2026-09-21",
                "2026-09-22", // citizens' holiday between 敬老の日 and 秋分の日
                "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"));
    }

    @Test
    void substituteHolidayAndEquinoxes() {
        assertThat(JapaneseHolidays.ofYear(2027)).contains(LocalDate.of(2027, 3, 22)) // 春分 on Sunday 21 March
                .contains(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 9, 23));
        assertThat(JapaneseHolidays.ofYear(2025)).contains(LocalDate.of(2025, 11, 24), LocalDate.of(2025, 9, 23));
    }

    @Test
    void decemberHasNoNationalHoliday() {
        assertThat(JapaneseHolidays.in(YearMonth.of(2026, 12))).isEmpty();
        assertThat(JapaneseHolidays.in(YearMonth.of(2027, 1))).containsExactlyElementsOf(dates("2027-01-01", "2027-01-11"));
    }

    private static List<LocalDate> dates(String... iso) {
        return Arrays.stream(iso).map(LocalDate::parse).toList();
    }
}
