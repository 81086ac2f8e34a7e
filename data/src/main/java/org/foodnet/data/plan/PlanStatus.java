package org.foodnet.data.plan;

/** Where a month plan is in its life: DRAFT -> SOLVING -> SOLVED -> PUBLISHED -> ARCHIVED. */
public enum PlanStatus {
    /** Created with its constraint weights; not solved yet (or its solving failed or was cancelled). */
    DRAFT,
    /** A solve job works on it. */
    SOLVING,
    /** Trips are stored; may be solved again, published or archived. */
    SOLVED,
    /** The plan drivers follow; at most one per region and month. */
    PUBLISHED,
    /** Replaced or withdrawn; kept for the record. */
    ARCHIVED
}
