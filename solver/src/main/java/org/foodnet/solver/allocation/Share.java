package org.foodnet.solver.allocation;

import java.time.LocalDate;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Site;

/** Grams of one lot meant for one recipient's serving day. */
public record Share(DonationLot lot, Site recipient, LocalDate servingDay, long grams) {
}
