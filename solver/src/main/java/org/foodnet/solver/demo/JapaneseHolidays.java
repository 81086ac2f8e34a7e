package org.foodnet.solver.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.TreeSet;

/**
 * Japanese national holidays (国民の祝日) under the law as it stands since 2020, with substitute holidays
 * (振替休日) and citizens' holidays (国民の休日). Equinox days use the usual astronomical approximation,
 * valid for 1980-2099. The one-off shifts of 2020/2021 (Olympics) are not modelled.
 */
public final class JapaneseHolidays {

    private JapaneseHolidays() {
    }

    /** The national holidays of one year, in date order. */
    public static List<LocalDate> ofYear(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (MonthDay fixed : List.of(MonthDay.of(1, 1), MonthDay.of(2, 11), MonthDay.of(2, 23), MonthDay.of(4, 29),
                MonthDay.of(5, 3), MonthDay.of(5, 4), MonthDay.of(5, 5), MonthDay.of(8, 11), MonthDay.of(11, 3),
                MonthDay.of(11, 23))) {
            days.add(fixed.atYear(year));
        }
        days.add(nthMonday(year, 1, 2));  // 成人の日
        days.add(nthMonday(year, 7, 3));  // 海の日
        days.add(nthMonday(year, 9, 3));  // 敬老の日
        days.add(nthMonday(year, 10, 2)); // スポーツの日
        int y = year - 1980;
        days.add(LocalDate.of(year, 3, (int) Math.floor(20.8431 + 0.242194 * y - Math.floor(y / 4.0))));  // 春分の日
        days.add(LocalDate.of(year, 9, (int) Math.floor(23.2488 + 0.242194 * y - Math.floor(y / 4.0))));  // 秋分の日

        TreeSet<LocalDate> all = new TreeSet<>(days);
        // 国民の休日: a weekday squeezed between two holidays.
        for (LocalDate d : days) {
            LocalDate between = d.plusDays(1);
            if (!days.contains(between) && days.contains(d.plusDays(2)) && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                all.add(between);
            }
        }
        // 振替休日: a holiday on a Sunday moves the day off to the next day that is not a holiday.
        for (LocalDate d : days) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate sub = d.plusDays(1);
                while (all.contains(sub)) {
                    sub = sub.plusDays(1);
                }
                all.add(sub);
            }
        }
        return List.copyOf(all);
    }

    /** The national holidays that fall in one month, in date order. */
    public static List<LocalDate> in(YearMonth month) {
        return ofYear(month.getYear()).stream().filter(d -> YearMonth.from(d).equals(month)).toList();
    }

    private static LocalDate nthMonday(int year, int month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
