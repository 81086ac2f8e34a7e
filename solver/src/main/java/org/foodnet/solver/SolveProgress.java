package org.foodnet.solver;

import java.util.function.Supplier;

import org.foodnet.solver.plan.Plan;

/**
 * A new best plan during solving: when (ms since the solve started), its score, whether it breaks no hard
 * rule, and the plan itself (built on demand: call {@code plan.get()} only when you store it, it costs a
 * pass over the whole plan; safe to call later from another thread).
 */
public record SolveProgress(long millis, long hard, long medium, long soft, boolean feasible, Supplier<Plan> plan) {
}
