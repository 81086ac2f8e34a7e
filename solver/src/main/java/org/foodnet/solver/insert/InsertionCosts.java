package org.foodnet.solver.insert;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.RecipientHolding;
import org.foodnet.solver.model.Trip;

/**
 * What the insertion heuristics add to an insertion's driving cost for the day it is made on (none of these is
 * a score rule: they steer construction and the insertion moves alike).
 */
public final class InsertionCosts {

    /** Cost of a day a recipient holds food before serving it (delivering close to the serving day leaves room). */
    public static final long HELD_DAY = 1000L;
    /** Cost of moving food on a day later on its way (a chain needs days left for its next hops). */
    public static final long LATE_HOP = 10 * PlanningContext.MINUTE;

    private InsertionCosts() {
    }

    /** Days before its serving day that a final leg unloaded on this trip is held by its recipient. */
    public static long heldDays(Leg leg, Trip t) {
        return Math.max(0, RecipientHolding.lastHeldDay(leg, t.context().days()) - t.getDay());
    }

    /** The usual day cost: a delivery by the days its recipient holds the food, an earlier hop by how late it is. */
    public static long dayCost(Leg leg, Trip t) {
        return leg.isFinal() ? heldDays(leg, t) * HELD_DAY : t.getDay() * LATE_HOP;
    }

    /** The cost of moving a leg off the trip it had in the previous plan (0 when it stays or had none). */
    public static long stability(Leg leg, Trip t) {
        return leg.movedFrom(t) ? FoodnetConstraints.STABILITY_MILLIS : 0;
    }

    /** Ranking a trip: a day's worth closer when it is the trip the leg had in the previous plan. */
    public static long keptBonus(Leg leg, Trip t) {
        return leg.getPreviousTripId() != null && !leg.movedFrom(t) ? PlanningContext.DAY : 0;
    }
}
