package org.foodnet.solver.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a network is planned.
 *
 * @param roadFactor          road distance / straight-line distance (mountain roads: 1.3-1.5)
 * @param averageSpeedKmh     average driving speed
 * @param allowDonorToDepot   shortcut: a donor's food may go straight to the depot near it
 * @param allowHubToRecipient shortcut: the hub may deliver straight to recipients near it
 * @param allowDonorToRecipient shortcut: a donor's food may be driven straight to its recipient
 * @param bestBeforeGraceDays days after a best-before (賞味期限) date that food may still be delivered;
 *                            use-by (消費期限) food never
 */
public record PlanningSettings(YearMonth month, ZoneId zone, double roadFactor, double averageSpeedKmh,
                               boolean allowDonorToDepot, boolean allowHubToRecipient, boolean allowDonorToRecipient,
                               int bestBeforeGraceDays) {

    public PlanningSettings {
        Objects.requireNonNull(month, "month");
        zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
        if (!(roadFactor >= 1.0 && roadFactor <= 3.0)) {
            throw new IllegalArgumentException("roadFactor must be in [1, 3], got " + roadFactor);
        }
        if (!(averageSpeedKmh >= 5 && averageSpeedKmh <= 120)) {
            throw new IllegalArgumentException("averageSpeedKmh must be in [5, 120], got " + averageSpeedKmh);
        }
        if (bestBeforeGraceDays < 0 || bestBeforeGraceDays > 365) {
            throw new IllegalArgumentException("bestBeforeGraceDays must be in [0, 365], got " + bestBeforeGraceDays);
        }
    }

    public static PlanningSettings defaults(YearMonth month) {
        return new PlanningSettings(month, ZoneId.of("Asia/Tokyo"), 1.4, 35.0, false, false, false, 0);
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    /** The last day a lot may be delivered to a recipient. */
    public LocalDate lastDeliveryDay(DonationLot lot) {
        return lot.expiryKind() == ExpiryKind.BEST_BEFORE
                ? lot.expiryDate().plusDays(bestBeforeGraceDays) : lot.expiryDate();
    }
}
