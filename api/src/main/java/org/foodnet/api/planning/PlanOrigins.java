package org.foodnet.api.planning;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How each plan is to be solved (table api_plan_origin): its time limit, and for a re-plan what it keeps fixed. */
@Component
class PlanOrigins {

    /** @param replanOf the published plan a re-plan starts from (null for a fresh plan); fixedThrough its last fixed day */
    record Origin(long planId, long timeLimitMs, Long replanOf, LocalDate fixedThrough) {
    }

    private final JdbcClient jdbc;

    PlanOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(Origin o) {
        jdbc.sql("""
                INSERT INTO api_plan_origin (plan_id, time_limit_ms, replan_of, fixed_through) VALUES (?, ?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET time_limit_ms = excluded.time_limit_ms""")
                .params(o.planId(), o.timeLimitMs(), o.replanOf(), o.fixedThrough()).update();
    }

    Optional<Origin> find(long planId) {
        return jdbc.sql("SELECT plan_id, time_limit_ms, replan_of, fixed_through FROM api_plan_origin WHERE plan_id = ?")
                .param(planId)
                .query((rs, n) -> new Origin(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }
}
