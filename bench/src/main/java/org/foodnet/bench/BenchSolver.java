package org.foodnet.bench;

import java.time.Duration;

/** A solver the benchmark runs side by side with others on the same instances and time limit. */
public interface BenchSolver {

    /** The name under which it is selected ({@code --solvers}) and reported (CSV column {@code solver}). */
    String name();

    /**
     * Solves one instance within the time limit. Never throws for an instance it cannot solve: returns
     * {@link Solution#none} (the checker then reports it infeasible).
     */
    Solution solve(Instance instance, Duration timeLimit);
}
