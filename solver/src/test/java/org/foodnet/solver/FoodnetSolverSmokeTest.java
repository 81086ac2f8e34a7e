package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Plan;
import org.junit.jupiter.api.Test;

class FoodnetSolverSmokeTest {

    @Test
    void smallNetworkIsPlannedWithoutBreakingAnyRule() {
        Network network = TestNetworks.small();
        SolveResult result = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofSeconds(30)).withStepLimit(2_000), null);
        Plan plan = result.plan();

        assertThat(result.hard()).isZero();
        assertThat(PlanChecker.check(network, plan).violations()).isEmpty();
        assertThat(plan.allocations()).isNotEmpty();
        assertThat(plan.allocations()).allMatch(Allocation::planned);
    }

    @Test
    void stopRequestedBeforeSolvingEndsAfterTheFirstPlan() {
        SolveControl control = new SolveControl();
        control.stop();
        SolveResult result = FoodnetSolver.solve(TestNetworks.small(), SolveOptions.of(Duration.ofMinutes(5)), null, control);

        assertThat(result.msTotal()).isLessThan(Duration.ofMinutes(5).toMillis());
        assertThat(result.plan()).isNotNull();
    }
}
