package org.foodnet.solver.plan;

import java.time.LocalDate;

/**
 * A parcel: part of a donation lot meant for one recipient's serving day, and whether the plan delivers it.
 */
public record Allocation(String parcelId, String lotId, String recipientId, LocalDate servingDay, long grams,
                         boolean planned) {
}
