package org.foodnet.solver.model;

/**
 * The timing rule of a trip, in one place so the listener, the construction heuristic and the plan export
 * agree: drive from the previous place (or from home at the slot start), wait for the site to open, spend
 * the service time once per stop. Consecutive visits at one site are one stop and share its arrival,
 * service start and departure.
 */
public final class Schedule {

    private Schedule() {
    }

    /** Arrival at a visit's place after the previous visit (or from home when {@code prev} is null). */
    public static long arrival(PlanningContext ctx, Trip trip, Visit prev, long prevDeparture, Visit visit) {
        if (prev == null) {
            return trip.getSlotStart() + ctx.travelMillis(trip.getHomePlace(), visit.getPlace());
        }
        return prevDeparture + ctx.travelMillis(prev.getPlace(), visit.getPlace());
    }

    public static long serviceStart(PlanningContext ctx, Trip trip, Visit visit, long arrival) {
        long open = ctx.openFrom(visit.getPlace(), trip.getDay());
        return Math.max(arrival, open);
    }

    /** When the driver leaves home: just in time for the first visit, never before the slot starts. */
    public static long tripStart(PlanningContext ctx, Trip trip, Visit first, long firstServiceStart) {
        return firstServiceStart - ctx.travelMillis(trip.getHomePlace(), first.getPlace());
    }

    public static long tripEnd(PlanningContext ctx, Trip trip, Visit last, long lastDeparture) {
        return lastDeparture + ctx.travelMillis(last.getPlace(), trip.getHomePlace());
    }
}
