package org.foodnet.data.plan;

import org.foodnet.solver.plan.Plan;

/** A plan as stored: its header and its content in the planning core's terms. */
public record StoredPlan(PlanInfo info, Plan plan) {
}
