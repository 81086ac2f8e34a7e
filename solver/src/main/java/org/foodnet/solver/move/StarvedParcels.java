package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.construct.Inserter;
import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.RecipientDemand;
import org.foodnet.solver.model.Trip;

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
    private final Map<Long, Long> floor = new HashMap<>();
    /** Per parcel, the trips that could carry its scarcest hop alone (trips and windows do not change). */
    private final Map<Parcel, List<Trip>> scarce = new java.util.IdentityHashMap<>();

    StarvedParcels(MonthPlan plan) {
        for (Parcel p : plan.getParcels()) {
            byKey.computeIfAbsent(RecipientDemand.keyOf(p), k -> new ArrayList<>()).add(p);
        }
        for (RecipientDemand d : plan.getRecipientDemands()) {
            need.put(d.key(), d.needGrams());
            floor.put(d.key(), d.floorGrams(FoodnetConstraints.FLOOR_SHARE));
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

    /**
     * An undelivered parcel of a recipient and class that gets less than its floor so far (see
     * {@code FoodnetConstraints.FLOOR_SHARE}), drawn uniformly among them; null when there is none.
     */
    Parcel pickBelowFloor(MonthPlan plan, Random random) {
        Map<Long, Long> delivered = new HashMap<>();
        for (Parcel p : plan.getParcels()) {
            if (p.isDelivered()) {
                delivered.merge(RecipientDemand.keyOf(p), p.getGrams(), Long::sum);
            }
        }
        lastDelivered = delivered;
        List<Parcel> below = new ArrayList<>();
        for (Parcel p : plan.getParcels()) {
            long key = RecipientDemand.keyOf(p);
            if (!p.isDelivered() && delivered.getOrDefault(key, 0L) < floor.getOrDefault(key, 0L)) {
                below.add(p);
            }
        }
        return below.isEmpty() ? null : below.get(random.nextInt(below.size()));
    }

    /** Delivered grams per recipient and class as the last {@link #pickBelowFloor} counted them. */
    private Map<Long, Long> lastDelivered = Map.of();

    /**
     * Whether the recipient and class of this delivered parcel stay at or above their floor without it (as the
     * last {@link #pickBelowFloor} counted): taking it away then costs only its urgency, no floor penalty.
     */
    boolean aboveFloorWithout(Parcel parcel) {
        long key = RecipientDemand.keyOf(parcel);
        return lastDelivered.getOrDefault(key, 0L) - parcel.getGrams() >= floor.getOrDefault(key, 0L);
    }

    /**
     * The hop of the parcel that the fewest trips could make alone (see {@link Inserter#carriesAlone}) on the days
     * from its food's release to its serving day, and those trips: where room must be made when only a few
     * volunteers can make that hop (a far depot, few freezer boxes). The hop is the list's owner: see {@link #scarceLeg}.
     */
    List<Trip> scarceTrips(Parcel parcel, List<List<Trip>> byDay, PlanningContext ctx) {
        return scarce.computeIfAbsent(parcel, p -> {
            int lo = DayWindow.releaseDay(p);
            int hi = DayWindow.lastDay(p, ctx.days());
            List<Trip> fewest = null;
            Leg fewestLeg = null;
            for (Leg leg : p.getLegs()) {
                List<Trip> trips = new ArrayList<>();
                for (int d = lo; d <= hi; d++) {
                    for (Trip t : byDay.get(d)) {
                        if (Inserter.carriesAlone(ctx, t, leg)) {
                            trips.add(t);
                        }
                    }
                }
                if (fewest == null || trips.size() < fewest.size()) {
                    fewest = trips;
                    fewestLeg = leg;
                }
            }
            scarceLegs.put(p, fewestLeg);
            return fewest == null ? List.of() : fewest;
        });
    }

    /** The hop {@link #scarceTrips} chose for the parcel (call that first). */
    Leg scarceLeg(Parcel parcel) {
        return scarceLegs.get(parcel);
    }

    private final Map<Parcel, Leg> scarceLegs = new java.util.IdentityHashMap<>();

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
