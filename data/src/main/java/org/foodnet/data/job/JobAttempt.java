package org.foodnet.data.job;

import java.time.Instant;

/**
 * One run of a solve job on a node. An attempt still open has no end; the attempt of a node that died ends at its
 * last heartbeat.
 */
public record JobAttempt(long jobId, int attempt, String node, Instant startedAt, Instant heartbeatAt, Instant endedAt,
                         String outcome) {
}
