package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchCheckerTest {

    @Test
    void feasibleCvrptwRoutesWithDistanceInDoublePrecision() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.cvrptw(), List.of(List.of(1, 2), List.of(3), List.of()));
        assertThat(r.violations()).isEmpty();
        assertThat(r.feasible()).isTrue();
        assertThat(r.routes()).isEqualTo(2);
        assertThat(r.distance()).isEqualTo(40.0);
    }

    @Test
    void cvrptwCapacityIsTheRouteTotal() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.cvrptw(), List.of(List.of(1, 2, 3)));
        assertThat(r.feasible()).isFalse();
        assertThat(r.violations()).anyMatch(v -> v.contains("total demand 18 exceeds capacity 10"));
    }

    @Test
    void waitingIsAllowedButLateServiceIsNot() {
        Instance i = TestInstances.cvrptw();
        // c2 first: arrive at 10, wait until 20, leave at 30, c1 at 35 <= 100: feasible
        assertThat(BenchChecker.check(i, List.of(List.of(2, 1), List.of(3))).feasible()).isTrue();
        Instance tight = new Instance("t", Instance.Kind.CVRPTW, 2, 10, List.of(i.node(0),
                TestInstances.node(1, 3, 4, 5, 0, 14, 10), i.node(2), i.node(3)));
        BenchChecker.Result r = BenchChecker.check(tight, List.of(List.of(2, 1), List.of(3)));
        assertThat(r.feasible()).isFalse();
        assertThat(r.violations()).singleElement().asString().contains("service at 1 starts at 35.0000 after its due time 14");
    }

    @Test
    void lateReturnToDepot() {
        Instance i = TestInstances.cvrptw();
        Instance shortDay = new Instance("t", Instance.Kind.CVRPTW, 2, 10, List.of(
                TestInstances.node(0, 0, 0, 0, 0, 39, 0), i.node(1), i.node(2), i.node(3)));
        BenchChecker.Result r = BenchChecker.check(shortDay, List.of(List.of(1, 2), List.of(3)));
        assertThat(r.violations()).singleElement().asString().contains("back at the depot at 40.0000 after its due time 39");
    }

    @Test
    void missingDuplicateAndUnknownCustomersAndTooManyRoutes() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.cvrptw(), List.of(List.of(1), List.of(1), List.of(2), List.of(0, 9)));
        assertThat(r.feasible()).isFalse();
        assertThat(r.violations()).anyMatch(v -> v.contains("customer 3 is not served"))
                .anyMatch(v -> v.contains("customer 1 is served 2 times"))
                .anyMatch(v -> v.contains("0 is not a customer"))
                .anyMatch(v -> v.contains("9 is not a customer"))
                .anyMatch(v -> v.contains("4 routes, but only 2 vehicles"));
    }

    @Test
    void feasiblePdptwRoute() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.pdptw(), List.of(List.of(1, 2, 3, 4)));
        assertThat(r.violations()).isEmpty();
        assertThat(r.distance()).isEqualTo(5 + 5 + Math.sqrt(125) + 5 + 10);
    }

    @Test
    void pdptwLoadAlongTheRoute() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.pdptw(), List.of(List.of(1, 3, 2, 4)));
        assertThat(r.violations()).singleElement().asString().contains("load 20 after 3 exceeds capacity 15");
    }

    @Test
    void pdptwDeliveryBeforePickup() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.pdptw(), List.of(List.of(2, 1), List.of(3, 4)));
        assertThat(r.violations()).anyMatch(v -> v.contains("load -10 after 2 is negative"))
                .anyMatch(v -> v.contains("delivery 2 comes before its pickup 1"));
    }

    @Test
    void pdptwPairOnDifferentRoutes() {
        BenchChecker.Result r = BenchChecker.check(TestInstances.pdptw(), List.of(List.of(1, 3, 4), List.of(2)));
        assertThat(r.violations()).anyMatch(v -> v.contains("pickup 1 (route 1) and its delivery 2 (route 2) are on different routes"));
    }
}
