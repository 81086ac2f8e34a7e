package org.foodnet.solver.insert;

import java.util.function.Function;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * The days on which a leg (or any leg of a parcel) may travel: from its food's release to the parcel's serving
 * day, within the month. The one place construction, the moves and re-planning take these bounds from.
 */
public final class DayWindow {

    private DayWindow() {
    }

    /** The first day the leg's food is released (not before the month's first day). */
    public static int releaseDay(Leg leg) {
        return Math.max(0, PlanningContext.dayOf(leg.getReleaseMillis()));
    }

    /** The first day the parcel's food is released: that of its first leg. */
    public static int releaseDay(Parcel parcel) {
        return releaseDay(parcel.getLegs().get(0));
    }

    /** The parcel's serving day: the day of the last instant before its delivery is due (may lie outside the month). */
    public static int servingDay(Parcel parcel) {
        return PlanningContext.dayOf(parcel.lastLeg().dueMillis() - 1);
    }

    /** The last day any leg of the parcel may travel: its serving day, not after the month's last day. */
    public static int lastDay(Parcel parcel, int days) {
        return Math.min(days - 1, servingDay(parcel));
    }

    /** The last day the leg may travel (its parcel's {@link #lastDay(Parcel, int)}). */
    public static int lastDay(Leg leg, int days) {
        return lastDay(leg.getParcel(), days);
    }

    /** Whether both ends of the leg are open on the day (a leg travels only on such a day). */
    public static boolean bothEndsOpen(PlanningContext ctx, Leg leg, int day) {
        return ctx.isOpen(leg.getFromPlace(), day) && ctx.isOpen(leg.getToPlace(), day);
    }

    /**
     * The first day the leg may travel: its food released and its upstream hop arrived, the upstream drop's
     * trip taken from {@code tripOf}; -1 when the leg has an upstream hop that is not planned (null trip).
     */
    public static int firstDay(Leg leg, Function<Visit, Trip> tripOf) {
        int lo = releaseDay(leg);
        if (leg.getUpstream() != null) {
            Trip up = tripOf.apply(leg.getUpstream().getDrop());
            if (up == null) {
                return -1;
            }
            lo = Math.max(lo, up.getDay());
        }
        return lo;
    }
}
