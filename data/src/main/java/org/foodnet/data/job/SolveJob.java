package org.foodnet.data.job;

import java.time.Instant;
import java.util.List;

/**
 * A run of the solver on a plan.
 *
 * @param progress     0..1 (share of the time limit spent)
 * @param bestScores   the best score each time it improved, oldest first
 * @param startedAt    null while queued; endedAt null while queued or running; error set when it failed
 * @param node         the node running it or that ran it last (null before its first attempt)
 * @param attempts     how often a node started it (a job whose node died runs again on another node)
 */
public record SolveJob(long id, long planId, SolveJobStatus status, double progress, String bestScore,
                       List<ScorePoint> bestScores, Instant createdAt, Instant startedAt, Instant endedAt, String error,
                       String node, int attempts) {

    public SolveJob {
        bestScores = List.copyOf(bestScores);
    }
}
