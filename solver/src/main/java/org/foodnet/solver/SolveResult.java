package org.foodnet.solver;

import org.foodnet.solver.plan.Plan;

/**
 * The best plan found, its score, and timings. {@code msToFirstFeasible} is -1 when no plan without
 * hard-rule breaks was found.
 */
public record SolveResult(Plan plan, long hard, long medium, long soft, long msToFirstFeasible, long msTotal) {

    public boolean feasibleByScore() {
        return hard == 0;
    }
}
