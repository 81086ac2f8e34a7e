package org.foodnet.solver.domain;

import java.time.LocalTime;
import java.util.Objects;

/** A span of local time within one day, from inclusive to exclusive. */
public record TimeWindow(LocalTime from, LocalTime to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("time window must end after it starts, got " + from + "-" + to);
        }
    }

    public static TimeWindow of(String from, String to) {
        return new TimeWindow(LocalTime.parse(from), LocalTime.parse(to));
    }

    public int fromSecond() {
        return from.toSecondOfDay();
    }

    public int toSecond() {
        return to.toSecondOfDay();
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
