package org.foodnet.api.planning;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How each plan is to be solved (table api_plan_origin): its time limit, for a re-plan what it keeps fixed, and
 * for a fresh plan made after food of its month was moved, the stock ledger row it starts after.
 */
@Component
class PlanOrigins {

    /**
     * @param replanOf      the published plan a re-plan starts from (null for a fresh plan)
     * @param fixedThrough  a re-plan's last fixed day; for a fresh plan from the ledger its last day not planned
     * @param ledgerThrough for a fresh plan from the ledger, the last ledger row it starts from (else null)
     */
    record Origin(long planId, long timeLimitMs, Long replanOf, LocalDate fixedThrough, Long ledgerThrough) {

        Origin(long planId, long timeLimitMs, Long replanOf, LocalDate fixedThrough) {
            this(planId, timeLimitMs, replanOf, fixedThrough, null);
        }

        /** The same start with another plan id and time limit. */
        Origin withPlan(long otherPlanId, long otherTimeLimitMs) {
            return new Origin(otherPlanId, otherTimeLimitMs, replanOf, fixedThrough, ledgerThrough);
        }
    }

    private final JdbcClient jdbc;

    PlanOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(Origin o) {
        jdbc.sql("""
                INSERT INTO api_plan_origin (plan_id, time_limit_ms, replan_of, fixed_through, ledger_through)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET time_limit_ms = excluded.time_limit_ms""")
                .params(o.planId(), o.timeLimitMs(), o.replanOf(), o.fixedThrough(), o.ledgerThrough()).update();
    }

    Optional<Origin> find(long planId) {
        return jdbc.sql("""
                SELECT plan_id, time_limit_ms, replan_of, fixed_through, ledger_through FROM api_plan_origin WHERE plan_id = ?""")
                .param(planId)
                .query((rs, n) -> new Origin(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        rs.getObject(4, LocalDate.class), (Long) rs.getObject(5)))
                .optional();
    }
}
