package org.foodnet.api.planning;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.foodnet.data.plan.PlanInfo;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.travel.TravelSource;

/**
 * A plan's header, and with {@code plan} and {@code summary} its trips and key figures (checked independently).
 * {@code ledgerThrough}: for a fresh plan made after food of its month was moved, the last stock ledger row it
 * starts from ({@code fixedThrough} is then its last day not planned, "today" when it was made).
 * {@code travelSourceCurrent}, {@code planTravelSource}, {@code networkTravelSource}: in GET /api/plans/{id} only
 * (null elsewhere), see {@link #withTravelSources}.
 */
record PlanView(long id, YearMonth month, String status, int version, String score, boolean feasibleByScore,
                Map<String, Long> weights, Long replanOf, java.time.LocalDate fixedThrough, Long ledgerThrough,
                OffsetDateTime createdAt,
                OffsetDateTime solvedAt, OffsetDateTime publishedAt, OffsetDateTime archivedAt, PlanSummary summary, Plan plan,
                Map<String, String> links, Boolean travelSourceCurrent, TravelSource planTravelSource,
                TravelSource networkTravelSource) {

    /**
     * The plan (GET /api/plans/{id}) with the travel sources compared: {@code travelSourceCurrent} false when the plan
     * was made with other travel times than the network has now (e.g. before an OpenStreetMap extract was
     * configured); the summary is then left out, since the checker would judge the plan against the other source.
     */
    PlanView withTravelSources(TravelSource networkSource) {
        TravelSource made = plan == null ? null : plan.travelSource();
        boolean current = java.util.Objects.equals(made, networkSource);
        return new PlanView(id, month, status, version, score, feasibleByScore, weights, replanOf, fixedThrough, ledgerThrough,
                createdAt, solvedAt, publishedAt, archivedAt, current ? summary : null, plan, links, current, made, networkSource);
    }

    static PlanView of(PlanInfo info, PlanOrigins.Origin origin, ZoneId zone, PlanSummary summary, Plan plan) {
        Map<String, Long> weights = new TreeMap<>();
        info.constraintWeights().forEach((k, v) -> weights.put(k, v.longValue()));
        return new PlanView(info.id(), info.month(), info.status().name(), info.version(), info.score(),
                Score.feasible(info.score()), weights, origin == null ? null : origin.replanOf(),
                origin == null ? null : origin.fixedThrough(), origin == null ? null : origin.ledgerThrough(), JobView.time(info.createdAt(), zone),
                JobView.time(info.solvedAt(), zone), JobView.time(info.publishedAt(), zone),
                JobView.time(info.archivedAt(), zone), summary, plan,
                Map.of("self", "/api/plans/" + info.id(), "explanation", "/api/plans/" + info.id() + "/explanation",
                        "jobs", "/api/plans/" + info.id() + "/jobs"), null, null, null);
    }
}
