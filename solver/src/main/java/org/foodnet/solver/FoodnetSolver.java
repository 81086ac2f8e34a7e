package org.foodnet.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.constraint.FoodnetWeights;
import org.foodnet.solver.construct.GreedyConstruction;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.MonthPlanBuilder;
import org.foodnet.solver.model.PlanExport;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.foodnet.solver.move.LegMoveFactory;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plans a month: builds the working model from a network, places every parcel it can with a greedy
 * construction that breaks no hard rule, then improves the plan by local search until the time limit.
 */
public final class FoodnetSolver {

    private FoodnetSolver() {
    }

    /**
     * The solver configuration for one solve. It holds one construction instance (with the time limit), so a
     * configuration is not for several solves at once: build one per solve, as {@link #solve} does.
     */
    public static SolverConfig solverConfig(SolveOptions options) {
        // Only moves that keep a leg's pickup and drop together: the built-in single-element list moves
        // between trips would always break a pair (see LegMoveFactory).
        MoveIteratorFactoryConfig moves = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(LegMoveFactory.class)
                // the move mix adapts (see OperatorMix), except: with move threads the factory cannot tell which
                // move a step took; in a re-plan the base mix (with RESTORE moves) keeps more food on the trips
                // volunteers were told about (ReplanStabilityTest, before RESTORE: adaptive 58-63 % kept, base 63-89 %)
                .withMoveIteratorFactoryCustomProperties(Map.of("adaptive",
                        Boolean.toString(options.moveThreads() == 0 && options.previousPlan() == null)));
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withTerminationConfig(options.stepLimit() > 0
                        ? new TerminationConfig().withStepCountLimit((int) Math.min(Integer.MAX_VALUE, options.stepLimit()))
                        : null)
                .withMoveSelectorConfig(moves)
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MonthPlan.class)
                .withEntityClasses(Trip.class, Visit.class)
                .withConstraintProviderClass(FoodnetConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(options.randomSeed())
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(options.timeLimit().toMillis()))
                // construction stops placing once its share of the time limit is spent (GreedyConstruction.TIME_SHARE);
                // each of its two steps ends in a plan reported as the best so far
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(
                                new ArrayList<>(new GreedyConstruction(options.timeLimit().toMillis()).steps())),
                        localSearch);
        if (options.moveThreads() > 0) {
            config.setMoveThreadCount(Integer.toString(options.moveThreads()));
        }
        return config;
    }

    public static MonthPlan model(Network network, SolveOptions options) {
        return MonthPlanBuilder.build(network, FoodnetWeights.scaled(options.weights()), options.previousPlan());
    }

    public static SolveResult solve(Network network, SolveOptions options, Consumer<SolveProgress> progress) {
        return solve(network, options, progress, new SolveControl());
    }

    /**
     * Solves until the time limit or until {@code control.stop()}; {@code progress} is called on the
     * solving thread for every new best plan (keep it quick).
     */
    public static SolveResult solve(Network network, SolveOptions options, Consumer<SolveProgress> progress,
                                    SolveControl control) {
        long begin = System.nanoTime();
        MonthPlan problem = model(network, options);
        Solver<MonthPlan> solver = SolverFactory.<MonthPlan>create(solverConfig(options)).buildSolver();
        control.attach(solver);
        long[] firstFeasible = {-1};
        solver.addEventListener(event -> {
            if (control.stopRequested()) {
                // a stop asked for before solving started is otherwise reset by solve()
                solver.terminateEarly();
            }
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) event.getNewBestScore();
            long ms = (System.nanoTime() - begin) / 1_000_000;
            if (s.isSolutionInitialized() && s.hardScore() == 0 && firstFeasible[0] < 0) {
                firstFeasible[0] = ms;
            }
            if (progress != null && s.isSolutionInitialized()) {
                MonthPlan best = event.getNewBestSolution();
                progress.accept(new SolveProgress(ms, s.hardScore(), s.mediumScore(), s.softScore(), s.hardScore() == 0,
                        () -> PlanExport.toPlan(best)));
            }
        });
        MonthPlan best = solver.solve(problem);
        long total = (System.nanoTime() - begin) / 1_000_000;
        HardMediumSoftLongScore score = best.getScore();
        if (score.hardScore() == 0 && firstFeasible[0] < 0) {
            firstFeasible[0] = total;
        }
        return new SolveResult(PlanExport.toPlan(best), score.hardScore(), score.mediumScore(), score.softScore(),
                firstFeasible[0], total);
    }
}
