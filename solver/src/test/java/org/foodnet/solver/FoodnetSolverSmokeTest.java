package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.foodnet.solver.plan.Plan;
import org.junit.jupiter.api.Test;

class FoodnetSolverSmokeTest {

    @Test
    void plansTheSmallNetworkWithoutBreakingHardRules() {
        SolveResult result = FoodnetSolver.solve(TestNetworks.small(), SolveOptions.of(Duration.ofSeconds(3)), null);
        Plan plan = result.plan();
        System.out.println(result.hard() + "/" + result.medium() + "/" + result.soft() + " trips=" + plan.trips().size()
                + " delivered=" + plan.allocations().stream().filter(a -> a.planned()).count() + "/" + plan.allocations().size());
        plan.trips().forEach(t -> {
            System.out.println(t.id() + " " + t.start() + " - " + t.end());
            t.stops().forEach(s -> System.out.println("   " + s.siteId() + " " + s.arrival().toLocalTime() + " " + s.serviceStart().toLocalTime() + "-" + s.departure().toLocalTime() + " " + s.movements().stream().map(m -> m.kind() + " " + m.lotId() + " " + m.grams()).toList()));
        });
        assertThat(result.hard()).isZero();
        assertThat(plan.allocations()).isNotEmpty();
        assertThat(plan.allocations().stream().filter(a -> a.planned()).count()).isGreaterThan(plan.allocations().size() / 2);
    }
}
