package org.foodnet.solver;

/** A new best plan during solving: when, its score, and whether it breaks no hard rule. */
public record SolveProgress(long millis, long hard, long medium, long soft, boolean feasible) {
}
