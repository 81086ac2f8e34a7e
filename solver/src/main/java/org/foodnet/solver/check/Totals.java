package org.foodnet.solver.check;

import java.util.LinkedHashMap;
import java.util.Map;

import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;

/** The plan's totals, recomputed from its trips while they are checked. */
final class Totals {

    private final CheckContext ctx;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private final Map<String, Long> deliveredByParcel = new java.util.HashMap<>();
    private long drivingMillis;
    private double distanceKm;
    private int trips;

    Totals(CheckContext ctx) {
        this.ctx = ctx;
        for (Site site : ctx.network.sitesWithRole(SiteRole.RECIPIENT)) {
            delivered.put(site.id(), 0L);
        }
    }

    void addTrip(boolean hasStops, long millis, double km) {
        if (hasStops) {
            trips++;
        }
        drivingMillis += millis;
        distanceKm += km;
    }

    /** Grams unloaded at a recipient site for a parcel (negative: loaded there again, which rule 10 forbids). */
    void deliver(String recipientId, String parcelId, long grams) {
        delivered.merge(recipientId, grams, Long::sum);
        deliveredByParcel.merge(parcelId + "\u0000" + recipientId, grams, Long::sum);
    }

    /** Grams of a parcel the trips leave at a recipient. */
    long delivered(String parcelId, String recipientId) {
        return deliveredByParcel.getOrDefault(parcelId + "\u0000" + recipientId, 0L);
    }

    CheckReport report() {
        long planned = delivered.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> fulfilment = new LinkedHashMap<>();
        for (RecipientNeed need : ctx.network.needs()) {
            long needGrams = need.monthlyNeed().totalGrams();
            if (needGrams > 0) {
                fulfilment.put(need.recipientId(), delivered.getOrDefault(need.recipientId(), 0L) / (double) needGrams);
            }
        }
        return new CheckReport(ctx.violations(), delivered, planned, drivingMillis, distanceKm, trips, fulfilment);
    }
}
