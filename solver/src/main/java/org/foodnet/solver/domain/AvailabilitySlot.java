package org.foodnet.solver.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A span of one day in which a volunteer is free to drive. */
public record AvailabilitySlot(LocalDate date, LocalTime from, LocalTime to) {

    public AvailabilitySlot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("availability on " + date + " must end after it starts, got " + from + "-" + to);
        }
    }
}
