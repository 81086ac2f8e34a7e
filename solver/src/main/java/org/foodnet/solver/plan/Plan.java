package org.foodnet.solver.plan;

import java.time.YearMonth;
import java.util.List;

import org.foodnet.solver.travel.TravelSource;

/**
 * A month's plan, independent of how it was found: the trips with their stops and movements, and the
 * parcels that were meant to move (planned or not). {@code score} is the solver's own verdict, for
 * information only; feasibility is proved by {@code org.foodnet.solver.check.PlanChecker}.
 *
 * @param travelSource the road network the plan's travel times came from (the network's road
 *                     {@code travelMatrix}); null: the network's own travel model (great circle or a matrix of
 *                     unknown origin). The checker refuses to judge a plan against another source.
 */
public record Plan(String networkName, YearMonth month, String score, List<PlannedTrip> trips,
                   List<Allocation> allocations, TravelSource travelSource) {

    /** A plan made with the network's own travel model (no road source). */
    public Plan(String networkName, YearMonth month, String score, List<PlannedTrip> trips, List<Allocation> allocations) {
        this(networkName, month, score, trips, allocations, null);
    }

    public Plan {
        trips = List.copyOf(trips);
        allocations = List.copyOf(allocations);
    }
}
