package org.foodnet.solver.plan;

/** What happens to food at a stop. */
public enum MovementKind {
    /** Put on the vehicle at this site. */
    LOAD,
    /** Taken off the vehicle at this site. */
    UNLOAD
}
