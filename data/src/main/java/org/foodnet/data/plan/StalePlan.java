package org.foodnet.data.plan;

/** A plan changed since the caller read it (optimistic locking): reload it and try again. */
public final class StalePlan extends RuntimeException {

    private final long planId;
    private final int expectedVersion;
    private final int actualVersion;

    public StalePlan(long planId, int expectedVersion, int actualVersion) {
        super("plan " + planId + " changed meanwhile: expected version " + expectedVersion + ", it is at " + actualVersion);
        this.planId = planId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long planId() {
        return planId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int actualVersion() {
        return actualVersion;
    }
}
