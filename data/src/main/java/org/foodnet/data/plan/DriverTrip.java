package org.foodnet.data.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.foodnet.solver.plan.PlannedTrip;

/**
 * A trip of a published plan, as a driver's route sheet shows it.
 *
 * @param doneAt      when the trip was confirmed done (its movements are then in the stock ledger), null before
 * @param stopsDoneAt when each stop was ticked done (null: not yet), in the trip's stop order
 */
public record DriverTrip(long planId, PlannedTrip trip, Instant doneAt, String doneBy, List<Instant> stopsDoneAt) {

    public DriverTrip {
        stopsDoneAt = Collections.unmodifiableList(new java.util.ArrayList<>(stopsDoneAt));   // may hold nulls
    }

    public boolean done() {
        return doneAt != null;
    }
}
