package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.junit.jupiter.api.Test;

/**
 * End to end on the 麒麟のまち demo network: the plan the solver returns is accepted by the independent
 * checker and shares the food the way the issue asks. A step limit (not the clock) ends the search, so the
 * plan is the same on any machine.
 */
class DemoSolveTest {

    @Test
    void demoPlanPassesTheIndependentCheckerAndDeliversMostFoodFairly() {
        Network network = DemoNetworkGenerator.generate(1, 1);
        SolveOptions options = SolveOptions.of(Duration.ofMinutes(10)).withStepLimit(3_000);
        SolveResult result = FoodnetSolver.solve(network, options, null);

        CheckReport report = PlanChecker.check(network, result.plan());
        PlanSummary summary = PlanSummary.of(network, result, report);

        assertThat(report.violations()).isEmpty();
        assertThat(result.hard()).isZero();
        assertThat(summary.plannedKg()).isGreaterThanOrEqualTo(0.9 * summary.deliverableKg());
        assertThat(summary.minFulfilment()).isGreaterThanOrEqualTo(0.5);
        assertThat(summary.expiredKg()).isLessThan(0.05 * summary.deliverableKg());
        assertThat(result.plan().trips()).allSatisfy(t -> assertThat(t.stops()).isNotEmpty());
    }
}
