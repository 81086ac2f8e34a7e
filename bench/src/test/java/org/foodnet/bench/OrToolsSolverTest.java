package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrToolsSolverTest {

    @Test
    void travelTimesAreRoundedUpAndIncludeTheServiceOfTheNodeLeft() {
        Instance i = TestInstances.pdptw();
        long[][] t = OrToolsSolver.travelTimes(i);
        assertThat(t[0][1]).isEqualTo(5000);                                 // exact
        assertThat(t[1][3]).isEqualTo(3000 + (long) Math.ceil(Math.sqrt(50) * 1000)); // service 3 + ceil(7071.06...)
        assertThat(t[1][3] - 3000).isGreaterThanOrEqualTo((long) (Math.sqrt(50) * 1000));
        long[][] c = OrToolsSolver.arcCosts(i);
        assertThat(c[1][3]).isEqualTo(Math.round(Math.sqrt(50) * 1000));
        assertThat(OrToolsSolver.fixedVehicleCost(i, c)).isGreaterThan(c[0][1] + c[1][2] + c[2][3] + c[3][4] + c[4][0]);
    }

    @Test
    void solvesATinyCvrptwFeasiblyWithTheFewestRoutes() {
        Instance i = TestInstances.cvrptw();
        Solution s = new OrToolsSolver().solve(i, Duration.ofMillis(500));
        BenchChecker.Result r = BenchChecker.check(i, s);
        assertThat(r.violations()).isEmpty();
        assertThat(r.routes()).isEqualTo(2);
        assertThat(r.distance()).isEqualTo(40.0);
    }

    @Test
    void solvesATinyPdptwRespectingPairsAndCapacity() {
        Instance i = TestInstances.pdptw();
        Solution s = new OrToolsSolver().solve(i, Duration.ofMillis(500));
        BenchChecker.Result r = BenchChecker.check(i, s);
        assertThat(r.violations()).isEmpty();
        assertThat(r.routes()).isEqualTo(1);
        // capacity 15 forbids carrying both pairs at once: one pair after the other
        List<Integer> route = s.routes().get(0);
        assertThat(route.indexOf(2)).isEqualTo(route.indexOf(1) + 1);
        assertThat(route.indexOf(4)).isEqualTo(route.indexOf(3) + 1);
    }

    @Test
    void reportsNoSolutionWhenTheFleetIsTooSmall() {
        Instance i = TestInstances.cvrptw();
        Instance oneVehicle = new Instance("one", Instance.Kind.CVRPTW, 1, i.capacity(), i.nodes());
        Solution s = new OrToolsSolver().solve(oneVehicle, Duration.ofMillis(500));
        assertThat(s.routes()).isEmpty();
        assertThat(s.status()).contains("no solution");
        assertThat(BenchChecker.check(oneVehicle, s).feasible()).isFalse();
    }
}
