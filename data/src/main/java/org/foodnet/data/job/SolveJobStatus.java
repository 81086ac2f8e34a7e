package org.foodnet.data.job;

/** QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED (a queued job may also be cancelled or fail). */
public enum SolveJobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
