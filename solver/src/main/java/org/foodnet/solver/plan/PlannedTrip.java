package org.foodnet.solver.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One volunteer's drive on one day: leaves home at {@code start}, makes its stops in order, and is back
 * home at {@code end}.
 */
public record PlannedTrip(String id, String driverId, String vehicleId, LocalDate date, LocalDateTime start,
                          LocalDateTime end, List<PlannedStop> stops) {

    public PlannedTrip {
        stops = List.copyOf(stops);
    }
}
