package org.foodnet.solver.domain;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** One opening window per weekday; a weekday that is absent is a closed day. */
public record OpeningHours(Map<DayOfWeek, TimeWindow> byWeekday) {

    public OpeningHours {
        byWeekday = byWeekday == null || byWeekday.isEmpty()
                ? Map.of() : Map.copyOf(new EnumMap<>(byWeekday));
    }

    public static OpeningHours everyDay(TimeWindow window) {
        Map<DayOfWeek, TimeWindow> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            map.put(d, window);
        }
        return new OpeningHours(map);
    }

    public static OpeningHours weekdays(TimeWindow window, DayOfWeek... days) {
        Map<DayOfWeek, TimeWindow> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            map.put(d, window);
        }
        return new OpeningHours(map);
    }

    public Optional<TimeWindow> on(DayOfWeek day) {
        return Optional.ofNullable(byWeekday.get(day));
    }
}
