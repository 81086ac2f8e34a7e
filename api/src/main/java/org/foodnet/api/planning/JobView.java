package org.foodnet.api.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.foodnet.data.job.SolveJob;
import org.foodnet.data.job.SolveJobStatus;

/**
 * A solve job as clients see it. {@code status} is the stored one, except that a job cut off by a stop of the
 * node reads INTERRUPTED (it can be resumed). {@code node} is the node running it or that ran it last, {@code attempts}
 * how often a node started it (more than 1 after a node died while running it).
 */
record JobView(long id, long planId, String status, double progress, String bestScore, boolean feasible,
               List<Point> scores, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime endedAt,
               String error, String node, int attempts, Map<String, String> links) {

    record Point(OffsetDateTime at, String score, boolean feasible) {
    }

    static JobView of(SolveJob job, ZoneId zone) {
        String status = job.status() == SolveJobStatus.FAILED && job.error() != null
                && job.error().startsWith(Solving.INTERRUPTED) ? "INTERRUPTED" : job.status().name();
        return new JobView(job.id(), job.planId(), status, job.progress(), job.bestScore(), Score.feasible(job.bestScore()),
                job.bestScores().stream().map(p -> new Point(time(p.at(), zone), p.score(), Score.feasible(p.score()))).toList(),
                time(job.createdAt(), zone), time(job.startedAt(), zone), time(job.endedAt(), zone), job.error(),
                job.node(), job.attempts(), Map.of("self", "/api/jobs/" + job.id(), "events", "/api/jobs/" + job.id() + "/events",
                        "plan", "/api/plans/" + job.planId()));
    }

    static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    boolean ended() {
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }
}
