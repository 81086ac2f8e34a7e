package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.RecipientDemand;

/**
 * Draws undelivered parcels with a bias towards the recipients and classes that get least of their need so far
 * (tournament selection): a few undelivered parcels are drawn at random and the one whose recipient has the
 * lowest delivered ÷ need of its class is taken. Re-plans and ruins aimed at it make room for a starved
 * recipient rather than for one that already has most of its share.
 */
final class StarvedParcels {

    /** Undelivered parcels drawn per pick (the tournament's size). */
    static final int TOURNAMENT = 4;

    private final Map<Long, List<Parcel>> byKey = new HashMap<>();
    private final Map<Long, Long> need = new HashMap<>();

    StarvedParcels(MonthPlan plan) {
        for (Parcel p : plan.getParcels()) {
            byKey.computeIfAbsent(RecipientDemand.keyOf(p), k -> new ArrayList<>()).add(p);
        }
        for (RecipientDemand d : plan.getRecipientDemands()) {
            need.put(d.key(), d.needGrams());
        }
    }

    /** An undelivered parcel, the most starved of up to {@link #TOURNAMENT} drawn; null when none is found in 20 draws. */
    Parcel pick(MonthPlan plan, Random random) {
        List<Parcel> parcels = plan.getParcels();
        Parcel best = null;
        double bestRatio = Double.MAX_VALUE;
        int found = 0;
        for (int tries = 0; tries < 20 && found < TOURNAMENT; tries++) {
            Parcel p = parcels.get(random.nextInt(parcels.size()));
            if (p.isDelivered()) {
                continue;
            }
            found++;
            double ratio = ratio(RecipientDemand.keyOf(p));
            if (best == null || ratio < bestRatio) {
                best = p;
                bestRatio = ratio;
            }
        }
        return best;
    }

    /** Delivered ÷ need of a recipient's class (no need: after every recipient with a need). */
    double ratio(long key) {
        long n = need.getOrDefault(key, 0L);
        if (n <= 0) {
            return Double.MAX_VALUE;
        }
        long delivered = 0;
        for (Parcel p : byKey.getOrDefault(key, List.of())) {
            if (p.isDelivered()) {
                delivered += p.getGrams();
            }
        }
        return (double) delivered / n;
    }
}
