package org.foodnet.solver.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A quantity of donated food of one kind.
 *
 * @param donorId       the site that gave it (a donor; for food-drive drop-offs at the hub/depot, that site)
 * @param siteId        where it is now: a donor site (awaiting pickup) or the hub or a depot (in stock;
 *                      stock there before the month starts counts against storage from day one)
 * @param expiryDate    the last day it may be delivered (use-by) or its best-before date
 * @param availableFrom the first day it may be picked up or sent on
 * @param earmarkedFor  a recipient the donor gave it to (null: shared fairly across recipients)
 */
public record DonationLot(String id, String donorId, String siteId, String category, TemperatureClass temperature,
                          long grams, LocalDate expiryDate, ExpiryKind expiryKind, LocalDate availableFrom,
                          String earmarkedFor) {

    public DonationLot {
        Site.requireText(id, "id");
        Site.requireText(donorId, "lot " + id + ": donorId");
        Site.requireText(siteId, "lot " + id + ": siteId");
        category = category == null || category.isBlank() ? "other" : category;
        Objects.requireNonNull(temperature, "lot " + id + ": temperature");
        Objects.requireNonNull(expiryDate, "lot " + id + ": expiryDate");
        Objects.requireNonNull(availableFrom, "lot " + id + ": availableFrom");
        expiryKind = expiryKind == null ? ExpiryKind.USE_BY : expiryKind;
        earmarkedFor = earmarkedFor == null || earmarkedFor.isBlank() ? null : earmarkedFor;
        if (grams <= 0) {
            throw new IllegalArgumentException("lot " + id + ": grams must be > 0, got " + grams);
        }
    }
}
