package org.foodnet.solver.plan;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's plan, independent of how it was found: the trips with their stops and movements, and the
 * parcels that were meant to move (planned or not). {@code score} is the solver's own verdict, for
 * information only; feasibility is proved by {@code org.foodnet.solver.check.PlanChecker}.
 */
public record Plan(String networkName, YearMonth month, String score, List<PlannedTrip> trips,
                   List<Allocation> allocations) {

    public Plan {
        trips = List.copyOf(trips);
        allocations = List.copyOf(allocations);
    }
}
