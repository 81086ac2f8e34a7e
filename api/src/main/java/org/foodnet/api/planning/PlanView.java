package org.foodnet.api.planning;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.foodnet.data.plan.PlanInfo;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.plan.Plan;

/**
 * A plan's header, and with {@code plan} and {@code summary} its trips and key figures (checked independently).
 * {@code ledgerThrough}: for a fresh plan made after food of its month was moved, the last stock ledger row it
 * starts from ({@code fixedThrough} is then its last day not planned, "today" when it was made).
 */
record PlanView(long id, YearMonth month, String status, int version, String score, boolean feasibleByScore,
                Map<String, Long> weights, Long replanOf, java.time.LocalDate fixedThrough, Long ledgerThrough,
                OffsetDateTime createdAt,
                OffsetDateTime solvedAt, OffsetDateTime publishedAt, OffsetDateTime archivedAt, PlanSummary summary, Plan plan,
                Map<String, String> links) {

    static PlanView of(PlanInfo info, PlanOrigins.Origin origin, ZoneId zone, PlanSummary summary, Plan plan) {
        Map<String, Long> weights = new TreeMap<>();
        info.constraintWeights().forEach((k, v) -> weights.put(k, v.longValue()));
        return new PlanView(info.id(), info.month(), info.status().name(), info.version(), info.score(),
                Score.feasible(info.score()), weights, origin == null ? null : origin.replanOf(),
                origin == null ? null : origin.fixedThrough(), origin == null ? null : origin.ledgerThrough(), JobView.time(info.createdAt(), zone),
                JobView.time(info.solvedAt(), zone), JobView.time(info.publishedAt(), zone),
                JobView.time(info.archivedAt(), zone), summary, plan,
                Map.of("self", "/api/plans/" + info.id(), "explanation", "/api/plans/" + info.id() + "/explanation",
                        "jobs", "/api/plans/" + info.id() + "/jobs"));
    }
}
