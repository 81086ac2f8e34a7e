package org.foodnet.solver.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one recipient facility asks for in the month, and the days it serves meals. Food for a serving
 * day must arrive on or before that day, inside the facility's opening hours.
 */
public record RecipientNeed(String recipientId, ClassAmounts monthlyNeed, List<LocalDate> servingDays) {

    public RecipientNeed {
        Site.requireText(recipientId, "recipientId");
        Objects.requireNonNull(monthlyNeed, "monthlyNeed");
        servingDays = servingDays == null ? List.of() : List.copyOf(servingDays.stream().sorted().distinct().toList());
        if (monthlyNeed.totalGrams() > 0 && servingDays.isEmpty()) {
            throw new IllegalArgumentException("need of " + recipientId + ": servingDays must not be empty");
        }
    }
}
