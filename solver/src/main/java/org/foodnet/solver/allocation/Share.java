package org.foodnet.solver.allocation;

import java.time.LocalDate;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Site;

/** Grams of one lot meant for one recipient's serving day. */
public record Share(DonationLot lot, Site recipient, LocalDate servingDay, long grams) {

    /** One key per lot, recipient and serving day: the shares of one lot for one serving day are one share. */
    public static String key(String lotId, String recipientId, LocalDate servingDay) {
        return lotId + "|" + recipientId + "|" + servingDay;
    }

    public String key() {
        return key(lot.id(), recipient.id(), servingDay);
    }
}
