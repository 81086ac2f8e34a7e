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
        return leave(trip, prev == null, prevDeparture)
                + ctx.travelMillis(prev == null ? trip.getHomePlace() : prev.getPlace(), visit.getPlace());
    }

    public static long serviceStart(PlanningContext ctx, Trip trip, Visit visit, long arrival) {
        return serviceStart(arrival, ctx.openFrom(visit.getPlace(), trip.getDay()));
    }

    /**
     * When the driver sets off towards the next stop: from home at the slot start before the trip's first stop
     * ({@code fromHome}), else when the previous stop's service ends. The same rule on plain numbers for the
     * insertion heuristics, which time hypothetical sequences.
     */
    public static long leave(Trip trip, boolean fromHome, long prevDeparture) {
        return fromHome ? trip.getSlotStart() : prevDeparture;
    }

    /** Service starts on arrival, or when the site opens if that is later (the driver waits). */
    public static long serviceStart(long arrival, long open) {
        return Math.max(arrival, open);
    }

    /**
     * Arrival, service start and departure of {@code visit} after {@code prev} (null: the trip's first visit),
     * written to {@code out[0]}, {@code out[1]} and {@code out[2]}: a visit at the previous visit's place is in
     * the same stop and shares its times; otherwise the driver comes on from the previous departure (or from
     * home at the slot start), waits for the site to open and spends the visit's service time.
     */
    public static void times(PlanningContext ctx, Trip trip, Visit prev, Visit visit, long[] out) {
        if (prev != null && prev.getPlace() == visit.getPlace()) {
            out[0] = prev.getArrival();
            out[1] = prev.getServiceStart();
            out[2] = prev.getDeparture();
            return;
        }
        long arrival = arrival(ctx, trip, prev, prev == null ? 0L : prev.getDeparture(), visit);
        long start = serviceStart(ctx, trip, visit, arrival);
        out[0] = arrival;
        out[1] = start;
        out[2] = start + visit.getServiceMillis();
    }

    /** The load of a temperature class on board after the visit ({@code prev}: the visit before it, or null). */
    public static long load(Visit prev, Visit visit, int classIndex) {
        return (prev == null ? 0L : prev.load(classIndex)) + (visit.classIndex() == classIndex ? visit.delta() : 0L);
    }

    /** When the driver leaves home: just in time for the first visit, never before the slot starts. */
    public static long tripStart(PlanningContext ctx, Trip trip, Visit first, long firstServiceStart) {
        return firstServiceStart - ctx.travelMillis(trip.getHomePlace(), first.getPlace());
    }

    public static long tripEnd(PlanningContext ctx, Trip trip, Visit last, long lastDeparture) {
        return lastDeparture + ctx.travelMillis(last.getPlace(), trip.getHomePlace());
    }
}
