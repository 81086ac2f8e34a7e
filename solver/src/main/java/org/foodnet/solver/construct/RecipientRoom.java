package org.foodnet.solver.construct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.RecipientHolding;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Rule 9 as an insertion sees it: a recipient holds the food of a final leg from the day it is unloaded until
 * the end of its parcel's serving day, and what it holds of a class on any day must fit its storage for that
 * class. Unloading earlier only adds days held, so for each final leg there is a first day from which every
 * unload day up to the serving day fits, given where the other deliveries to that recipient are.
 */
public final class RecipientRoom {

    private final Map<Long, List<Visit>> drops = new HashMap<>();
    private final int days;

    public RecipientRoom(MonthPlan plan) {
        this.days = plan.getContext().days();
        for (Leg leg : plan.getLegs()) {
            if (leg.isFinal()) {
                drops.computeIfAbsent(key(leg), k -> new ArrayList<>()).add(leg.getDrop());
            }
        }
    }

    private static long key(Leg leg) {
        return leg.getToPlace() * 4L + leg.classIndex();
    }

    /**
     * The first day on which unloading this final leg keeps its recipient within storage on every day until
     * the serving day, the other final legs being where {@code tripOf} says (null: not delivered); a day after
     * the serving day when no day works. 0 for a leg that is not final.
     */
    public int firstDay(Leg leg, Function<Visit, Trip> tripOf) {
        if (!leg.isFinal()) {
            return 0;
        }
        int last = RecipientHolding.lastHeldDay(leg, days);
        if (last < 0) {
            return 0;
        }
        long capacity = leg.getTo().storageCapacity().get(leg.getTemperature());
        if (leg.getGrams() > capacity) {
            return last + 1;
        }
        long[] held = new long[last + 1];
        for (Visit other : drops.getOrDefault(key(leg), List.of())) {
            if (other == leg.getDrop()) {
                continue;
            }
            Trip t = tripOf.apply(other);
            if (t == null) {
                continue;
            }
            int to = Math.min(last, RecipientHolding.lastHeldDay(other.getLeg(), days));
            for (int d = Math.max(0, t.getDay()); d <= to; d++) {
                held[d] += other.getLeg().getGrams();
            }
        }
        int first = 0;
        for (int d = 0; d <= last; d++) {
            if (held[d] + leg.getGrams() > capacity) {
                first = d + 1;
            }
        }
        return first;
    }
}
