package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Test;

/**
 * A volunteer cancels a day: re-planning with the published plan as the previous plan keeps the food on the
 * trips it had far more than planning afresh does, and still breaks no rule.
 */
class ReplanStabilityTest {

    private static final long STEPS = 2_000;

    @Test
    void replanAfterACancelledDayKeepsMostFoodOnItsTrips() {
        Network network = DemoNetworkGenerator.generate(1, 1);
        Plan published = FoodnetSolver.solve(network, options(), null).plan();

        Network changed = cancelBusiestDay(network, published);
        Plan fresh = FoodnetSolver.solve(changed, options(), null).plan();
        Plan stable = FoodnetSolver.solve(changed, options().withPreviousPlan(published), null).plan();

        assertThat(PlanChecker.check(changed, stable).violations()).isEmpty();
        double keptFresh = keptShare(published, fresh);
        double keptStable = keptShare(published, stable);
        System.out.printf("[replan] kept fresh %.3f, with previous plan %.3f%n", keptFresh, keptStable);
        // measured 2026-12-02 with random seeds 0-7: 24-32 % of the loads stay on their trip when planning afresh,
        // 81-89 % with the previous plan (87 % with seed 0); 63-89 % before the RESTORE move. Since the construction
        // places the floor parcels round-robin (2026-12-06) a fresh plan repeats more of the old trips by itself:
        // seed 0 gives 43.9 % fresh, 83.5 % with the previous plan
        assertThat(keptStable).isGreaterThan(0.8).isGreaterThan(keptFresh + 0.35);
    }

    /**
     * Regression (seed 4 of the demo): the warm start kept a hop whose parcel could then not be delivered;
     * taking it out again made the rest of its trip start too early for its food and construction threw.
     */
    @Test
    void warmStartThatCannotKeepAParcelStillGivesAPlanThatKeepsEveryRule() {
        Network network = DemoNetworkGenerator.generate(1, 1);
        SolveOptions options = new SolveOptions(Duration.ofMinutes(10), Map.of(), 0, 4L, STEPS);
        Plan published = FoodnetSolver.solve(network, options, null).plan();
        Network changed = cancelBusiestDay(network, published);

        Plan replanned = FoodnetSolver.solve(changed, new SolveOptions(Duration.ofMinutes(10), Map.of(), 0, 4L, 1)
                .withPreviousPlan(published), null).plan();

        assertThat(PlanChecker.check(changed, replanned).violations()).isEmpty();
        assertThat(keptShare(published, replanned)).isGreaterThan(0.8);
    }

    private static SolveOptions options() {
        return SolveOptions.of(Duration.ofMinutes(10)).withStepLimit(STEPS);
    }

    /** The volunteer with the most loaded trip cancels that day. */
    private static Network cancelBusiestDay(Network network, Plan plan) {
        PlannedTrip busiest = plan.trips().stream()
                .max(java.util.Comparator.comparingInt((PlannedTrip t) -> t.stops().size())).orElseThrow();
        List<Driver> drivers = new ArrayList<>();
        for (Driver d : network.drivers()) {
            if (d.id().equals(busiest.driverId())) {
                List<AvailabilitySlot> slots = d.slots().stream().filter(s -> !s.date().equals(busiest.date())).toList();
                d = new Driver(d.id(), d.name(), d.contact(), d.home(), d.maxMinutesPerDay(), d.vehicleId(), slots);
            }
            drivers.add(d);
        }
        return new Network(network.name(), network.settings(), network.sites(), network.needs(), network.lots(),
                network.vehicles(), drivers, network.travelMatrix());
    }

    /** Of the loads the first plan made, the share the second makes on the same trip. */
    private static double keptShare(Plan before, Plan after) {
        Map<String, String> tripByLoad = loads(after);
        int same = 0;
        int all = 0;
        for (var e : loads(before).entrySet()) {
            all++;
            if (e.getValue().equals(tripByLoad.get(e.getKey()))) {
                same++;
            }
        }
        return all == 0 ? 1.0 : (double) same / all;
    }

    private static Map<String, String> loads(Plan plan) {
        Map<String, String> map = new HashMap<>();
        for (PlannedTrip t : plan.trips()) {
            for (PlannedStop s : t.stops()) {
                for (Movement m : s.movements()) {
                    if (m.kind() == MovementKind.LOAD) {
                        map.putIfAbsent(m.lotId() + "|" + s.siteId() + "|" + m.recipientId(), t.id());
                    }
                }
            }
        }
        return map;
    }
}
