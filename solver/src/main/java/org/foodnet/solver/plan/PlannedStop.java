package org.foodnet.solver.plan;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One stop of a trip at a site. The driver arrives, may wait for the site to open ({@code serviceStart}),
 * loads and unloads, and leaves at {@code departure}. Times are local to the network's time zone.
 */
public record PlannedStop(String siteId, LocalDateTime arrival, LocalDateTime serviceStart, LocalDateTime departure,
                          List<Movement> movements) {

    public PlannedStop {
        movements = List.copyOf(movements);
    }
}
