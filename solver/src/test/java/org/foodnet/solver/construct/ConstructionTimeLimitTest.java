package org.foodnet.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanExport;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Construction honours its share of the time limit: given a clock that advances a millisecond per reading, it
 * tries as many parcels as its share of a small time limit allows and leaves the rest unplanned; the plan of
 * each of its steps breaks no hard rule and reaches the solver as its best so far.
 */
class ConstructionTimeLimitTest {

    @Test
    void stopsPlacingOnceItsShareOfTheTimeIsSpentAndLeavesAFeasiblePlan() {
        Network network = DemoNetworkGenerator.generate(1, 10);
        SolveOptions options = SolveOptions.of(Duration.ofMinutes(10));
        MonthPlan problem = FoodnetSolver.model(network, options);
        int parcels = problem.getParcels().size();

        long timeLimitMillis = 2000; // its shares are hundreds of readings of the clock below
        GreedyConstruction construction = new GreedyConstruction(timeLimitMillis);
        long[] now = {0};
        construction.clock = () -> now[0] += 1_000_000L;
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MonthPlan.class)
                .withEntityClasses(Trip.class, Visit.class)
                .withConstraintProviderClass(FoodnetConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withTerminationConfig(new TerminationConfig().withMinutesSpentLimit(10L))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(new ArrayList<>(construction.steps())));
        Solver<MonthPlan> solver = SolverFactory.<MonthPlan>create(config).buildSolver();
        List<HardMediumSoftLongScore> bests = new ArrayList<>();
        solver.addEventListener(e -> bests.add((HardMediumSoftLongScore) e.getNewBestScore()));
        MonthPlan best = solver.solve(problem);

        // one reading when it begins, one per parcel tried and one that finds the time spent, per step
        int share = (int) (GreedyConstruction.TIME_SHARE * timeLimitMillis);
        assertThat(parcels).isGreaterThan(2 * share);
        assertThat(construction.tried()).isBetween(share - 2, share);
        assertThat(construction.skipped()).isEqualTo(parcels - construction.tried());
        long delivered = best.getParcels().stream().map(Parcel::lastLeg).filter(l -> l.getDrop().isPlanned()).count();
        assertThat(delivered).isPositive().isLessThanOrEqualTo(construction.tried());
        // every visit is in a list: the skipped parcels wait in their buckets
        assertThat(best.getVisits()).allMatch(v -> v.getTrip() != null);

        assertThat(best.getScore().isSolutionInitialized()).isTrue();
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(bests).isNotEmpty().allMatch(s -> s.isSolutionInitialized() && s.hardScore() == 0);
        CheckReport report = PlanChecker.check(network, PlanExport.toPlan(best));
        assertThat(report.violations()).isEmpty();
        assertThat(report.feasible()).isTrue();
    }

    @Test
    void withoutATimeLimitItTriesEveryParcel() {
        Network network = DemoNetworkGenerator.generate(1, 1);
        SolveOptions options = SolveOptions.of(Duration.ofMinutes(10));
        MonthPlan problem = FoodnetSolver.model(network, options);
        GreedyConstruction construction = new GreedyConstruction(0);
        long[] now = {0};
        construction.clock = () -> now[0] += 3_600_000_000_000L; // an hour a reading: no limit all the same
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MonthPlan.class)
                .withEntityClasses(Trip.class, Visit.class)
                .withConstraintProviderClass(FoodnetConstraints.class)
                .withTerminationConfig(new TerminationConfig().withMinutesSpentLimit(10L))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(new ArrayList<>(construction.steps())));
        MonthPlan best = SolverFactory.<MonthPlan>create(config).buildSolver().solve(problem);
        assertThat(construction.skipped()).isZero();
        assertThat(construction.tried()).isEqualTo(best.getParcels().size());
        long delivered = best.getParcels().stream().map(Parcel::lastLeg).filter(l -> l.getDrop().isPlanned()).count();
        assertThat(delivered).isGreaterThan(best.getParcels().size() / 2);
        assertThat(PlanChecker.check(network, PlanExport.toPlan(best)).feasible()).isTrue();
    }
}
