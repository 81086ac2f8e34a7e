package org.foodnet.data.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * A stored plan's header.
 *
 * @param version           raised by one with every change; pass it back to change the plan (optimistic locking)
 * @param constraintWeights the weights per constraint name the plan was (or is to be) solved with
 * @param solvedAt          null until solved; likewise publishedAt and archivedAt
 */
public record PlanInfo(long id, String region, YearMonth month, String networkName, PlanStatus status, int version,
                       String score, Map<String, BigDecimal> constraintWeights, Instant createdAt, Instant solvedAt,
                       Instant publishedAt, Instant archivedAt) {

    public PlanInfo {
        constraintWeights = Map.copyOf(constraintWeights);
    }
}
