package org.foodnet.data.plan;

import java.time.Instant;

import org.foodnet.solver.plan.PlannedTrip;

/**
 * A trip of a published plan, as a driver's route sheet shows it.
 *
 * @param doneAt when the trip was confirmed done (its movements are then in the stock ledger), null before
 */
public record DriverTrip(long planId, PlannedTrip trip, Instant doneAt, String doneBy) {

    public boolean done() {
        return doneAt != null;
    }
}
