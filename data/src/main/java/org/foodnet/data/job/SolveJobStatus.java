package org.foodnet.data.job;

/**
 * QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED (a queued job may also be cancelled or fail; a running job
 * whose node died goes back to QUEUED to run again on another node).
 */
public enum SolveJobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
