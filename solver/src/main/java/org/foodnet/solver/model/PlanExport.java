package org.foodnet.solver.model;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/** Reads the solver's working model out into a {@link Plan}: consecutive visits at one site form a stop. */
public final class PlanExport {

    private PlanExport() {
    }

    public static Plan toPlan(MonthPlan solution) {
        PlanningContext ctx = solution.getContext();
        List<PlannedTrip> trips = new ArrayList<>();
        for (Trip trip : solution.getTrips()) {
            if (trip.isBucket() || trip.getVisits().isEmpty()) {
                continue;
            }
            List<Visit> visits = trip.getVisits();
            List<PlannedStop> stops = new ArrayList<>();
            int i = 0;
            while (i < visits.size()) {
                Visit first = visits.get(i);
                List<Visit> stop = new ArrayList<>();
                Visit last = first;
                while (i < visits.size() && visits.get(i).getPlace() == first.getPlace()) {
                    last = visits.get(i);
                    stop.add(last);
                    i++;
                }
                List<Movement> movements = new ArrayList<>();
                for (Visit v : stop) {
                    if (!passesThrough(v, stop)) {
                        movements.add(movement(v));
                    }
                }
                if (movements.isEmpty()) {
                    // only food passing through: the driver need not stop (arrives earlier at the next stop)
                    continue;
                }
                long arrival = stops.isEmpty() ? first.getServiceStart() : first.getArrival();
                stops.add(new PlannedStop(first.getSite().id(), ctx.toDateTime(arrival),
                        ctx.toDateTime(first.getServiceStart()), ctx.toDateTime(last.getDeparture()), movements));
            }
            Visit first = visits.get(0);
            Visit last = visits.get(visits.size() - 1);
            long start = Schedule.tripStart(ctx, trip, first, first.getServiceStart());
            long end = Schedule.tripEnd(ctx, trip, last, last.getDeparture());
            trips.add(new PlannedTrip(trip.getId(), trip.getDriver().id(), trip.getVehicle().id(), trip.getDate(),
                    ctx.toDateTime(start), ctx.toDateTime(end), stops));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Parcel p : solution.getParcels()) {
            allocations.add(new Allocation(p.getId(), p.getLot().id(), p.getRecipient().id(), p.getServingDay(),
                    p.getGrams(), p.isDelivered()));
        }
        String score = solution.getScore() == null ? null : solution.getScore().toString();
        return new Plan(ctx.network().name(), ctx.network().settings().month(), score, trips, allocations);
    }

    /**
     * Food unloaded and loaded again at the same stop (a parcel passing a depot on the trip that carries it
     * on) simply stays on board: the route sheet shows neither.
     */
    static boolean passesThrough(Visit v, List<Visit> stop) {
        Leg leg = v.getLeg();
        if (v.isDrop()) {
            return leg.getDownstream() != null && stop.contains(leg.getDownstream().getPickup());
        }
        return leg.getUpstream() != null && stop.contains(leg.getUpstream().getDrop());
    }

    private static Movement movement(Visit v) {
        Parcel p = v.getParcel();
        return new Movement(v.isPickup() ? MovementKind.LOAD : MovementKind.UNLOAD, p.getLot().id(),
                p.getLot().temperature(), v.getLeg().getGrams(), p.getId(), p.getRecipient().id());
    }
}
