package org.foodnet.data.job;

import java.time.Instant;
import java.util.List;

/**
 * A run of the solver on a plan.
 *
 * @param progress     0..1 (share of the time limit spent)
 * @param bestScores   the best score each time it improved, oldest first
 * @param startedAt    null while queued; endedAt null while queued or running; error set when it failed
 */
public record SolveJob(long id, long planId, SolveJobStatus status, double progress, String bestScore,
                       List<ScorePoint> bestScores, Instant createdAt, Instant startedAt, Instant endedAt, String error) {

    public SolveJob {
        bestScores = List.copyOf(bestScores);
    }
}
