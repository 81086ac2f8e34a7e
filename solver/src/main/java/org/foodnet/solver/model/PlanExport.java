package org.foodnet.solver.model;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Reads the solver's working model out into a {@link Plan}: consecutive visits at one site form a stop. Every
 * stop the solver's times include is on the plan: where a leg's drop and the next leg's pickup of the same
 * parcel are in one stop (the food's path passes the hub or a depot on the trip that carries it on), the food
 * stays on board and the stop shows one {@link MovementKind#PASS} movement for it instead of an unload and a
 * load; a stop may hold only such movements.
 */
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
            for (List<Visit> stop : stopsOf(visits)) {
                Visit first = stop.get(0);
                Visit last = stop.get(stop.size() - 1);
                List<Movement> movements = new ArrayList<>();
                for (Visit v : stop) {
                    if (!passesThrough(v, stop)) {
                        movements.add(movement(v));
                    } else if (v.isDrop()) {
                        movements.add(pass(v));
                    }
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
        org.foodnet.solver.travel.TravelMatrix matrix = ctx.network().travelMatrix();
        return new Plan(ctx.network().name(), ctx.network().settings().month(), score, trips, allocations,
                matrix == null ? null : matrix.source());
    }

    /** The trip's visits grouped into the stops a driver makes: consecutive visits at one site. */
    static List<List<Visit>> stopsOf(List<Visit> visits) {
        List<List<Visit>> stops = new ArrayList<>();
        for (Visit v : visits) {
            if (stops.isEmpty() || stops.get(stops.size() - 1).get(0).getPlace() != v.getPlace()) {
                stops.add(new ArrayList<>());
            }
            stops.get(stops.size() - 1).add(v);
        }
        return stops;
    }

    /**
     * Food unloaded and loaded again at the same stop (a parcel passing a depot on the trip that carries it
     * on) simply stays on board: the plan shows one PASS movement (for the drop) instead of both.
     */
    static boolean passesThrough(Visit v, List<Visit> stop) {
        Leg leg = v.getLeg();
        if (v.isDrop()) {
            return leg.getDownstream() != null && stop.contains(leg.getDownstream().getPickup());
        }
        return leg.getUpstream() != null && stop.contains(leg.getUpstream().getDrop());
    }

    /** The food of a drop that is loaded again at the same stop: it stays on board. */
    private static Movement pass(Visit v) {
        Parcel p = v.getParcel();
        return new Movement(MovementKind.PASS, p.getLot().id(), p.getLot().temperature(), v.getLeg().getGrams(),
                p.getId(), p.getRecipient().id());
    }

    private static Movement movement(Visit v) {
        Parcel p = v.getParcel();
        return new Movement(v.isPickup() ? MovementKind.LOAD : MovementKind.UNLOAD, p.getLot().id(),
                p.getLot().temperature(), v.getLeg().getGrams(), p.getId(), p.getRecipient().id());
    }
}
