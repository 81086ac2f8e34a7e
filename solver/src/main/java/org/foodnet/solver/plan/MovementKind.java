package org.foodnet.solver.plan;

/** What happens to food at a stop. */
public enum MovementKind {
    /** Put on the vehicle at this site. */
    LOAD,
    /** Taken off the vehicle at this site. */
    UNLOAD,
    /**
     * Stays on board: the food's path passes this site (it is at this site between two hops, e.g. the hub on
     * the way from a donor to a depot) but the trip carries it on, so it is neither unloaded nor loaded. The
     * driver still stops here (with the site's service time): the stop is on the plan and the route sheet.
     */
    PASS
}
