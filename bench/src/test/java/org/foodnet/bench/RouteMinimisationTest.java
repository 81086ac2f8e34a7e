package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.construct.GreedyConstruction;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanExport;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.foodnet.solver.move.RouteMinimisation;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The route minimisation phase ({@link RouteMinimisation}) on a Li &amp; Lim instance (skipped when the shared
 * folder is absent): after the same construction, a few seconds of it drive fewer routes than the construction
 * alone, and the result passes the bench's own checker (capacity, time windows, pairing and precedence recomputed
 * from the routes).
 */
class RouteMinimisationTest {

    @Test
    void fewerRoutesThanTheConstructionAndStillFeasible() {
        Path file = SharedData.benchmarks().resolve("pdptw-ll100/lr201.txt");
        assumeTrue(Files.isRegularFile(file), file + " is absent: set -Dfoodnet.shared=<folder containing benchmarks/>");
        Instance instance = InstanceReader.read(file);
        Network network = FoodnetMapping.toNetwork(instance);
        SolveOptions options = new SolveOptions(Duration.ofSeconds(30), FoodnetBenchSolver.LITERATURE_WEIGHTS, 0, 0L);

        MonthPlan constructed = solve(network, options, false);
        MonthPlan minimised = solve(network, options, true);

        assertThat(constructed.getScore().hardScore()).as("the construction is feasible").isZero();
        assertThat(constructed.getScore().mediumScore()).as("and delivers every request").isZero();
        assertThat(routes(minimised)).as("routes after route minimisation, against %d after construction", routes(constructed))
                .isLessThan(routes(constructed));
        BenchChecker.Result check = BenchChecker.check(instance, FoodnetMapping.solutionOf(network, PlanExport.toPlan(minimised)));
        assertThat(check.feasible()).as(check.summary(5)).isTrue();
        assertThat(check.routes()).isEqualTo(routes(minimised));
    }

    /** The construction, then (with {@code minimise}) 3 s of route minimisation, nothing else. */
    private static MonthPlan solve(Network network, SolveOptions options, boolean minimise) {
        List<CustomPhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandList(
                new ArrayList<>(new GreedyConstruction(options.timeLimit().toMillis()).steps())));
        if (minimise) {
            phases.add(new CustomPhaseConfig().withCustomPhaseCommandList(List.of(new RouteMinimisation(3_000, 0L))));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MonthPlan.class)
                .withEntityClasses(Trip.class, Visit.class)
                .withConstraintProviderClass(FoodnetConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(0L)
                .withPhases(phases.toArray(new CustomPhaseConfig[0]));
        return SolverFactory.<MonthPlan>create(config).buildSolver().solve(FoodnetSolver.model(network, options));
    }

    private static int routes(MonthPlan plan) {
        int n = 0;
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket() && !t.getVisits().isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
