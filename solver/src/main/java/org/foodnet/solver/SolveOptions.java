package org.foodnet.solver;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.foodnet.solver.plan.Plan;

/**
 * How long and how to solve.
 *
 * @param weights     rule name -> whole-number factor on its default weight (see FoodnetConstraints.NAMES)
 * @param moveThreads threads evaluating moves besides the solver thread (0: none)
 * @param randomSeed  fixed seed for reproducible runs
 * @param stepLimit   also stop after this many local-search steps (0: no limit), for runs that must give
 *                    the same plan on any machine
 * @param previousPlan a plan this one should stay close to (a re-plan after a change): food keeps to the
 *                    trips it had where it still can (rule "Plan stability"); null: none
 */
public record SolveOptions(Duration timeLimit, Map<String, Long> weights, int moveThreads, long randomSeed,
                           long stepLimit, Plan previousPlan) {

    public SolveOptions(Duration timeLimit, Map<String, Long> weights, int moveThreads, long randomSeed) {
        this(timeLimit, weights, moveThreads, randomSeed, 0, null);
    }

    public SolveOptions(Duration timeLimit, Map<String, Long> weights, int moveThreads, long randomSeed,
                        long stepLimit) {
        this(timeLimit, weights, moveThreads, randomSeed, stepLimit, null);
    }

    public SolveOptions withPreviousPlan(Plan plan) {
        return new SolveOptions(timeLimit, weights, moveThreads, randomSeed, stepLimit, plan);
    }

    public SolveOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        if (stepLimit < 0) {
            throw new IllegalArgumentException("stepLimit must be >= 0");
        }
        if (moveThreads < 0) {
            throw new IllegalArgumentException("moveThreads must be >= 0");
        }
    }

    public static SolveOptions of(Duration timeLimit) {
        return new SolveOptions(timeLimit, Map.of(), 0, 0L, 0, null);
    }

    public SolveOptions withStepLimit(long steps) {
        return new SolveOptions(timeLimit, weights, moveThreads, randomSeed, steps, previousPlan);
    }
}
