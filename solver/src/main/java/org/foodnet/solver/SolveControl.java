package org.foodnet.solver;

import org.foodnet.solver.model.MonthPlan;
import org.optaplanner.core.api.solver.Solver;

/** Lets another thread stop a running solve early; the best plan so far is then returned as usual. */
public final class SolveControl {

    private volatile Solver<MonthPlan> solver;
    private volatile boolean stopRequested;

    void attach(Solver<MonthPlan> solver) {
        this.solver = solver;
    }

    /** Ask the solve to finish now (safe from any thread, before or during solving). */
    public void stop() {
        stopRequested = true;
        Solver<MonthPlan> s = solver;
        if (s != null) {
            s.terminateEarly();
        }
    }

    public boolean stopRequested() {
        return stopRequested;
    }
}
