package org.foodnet.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.check.ViolationKind;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.travel.Travel;
import org.junit.jupiter.api.Test;

/** Rule 12: drivers who share a vehicle never drive it at the same time. */
class SharedVehicleTest {

    private static final Network DEMO = DemoNetworkGenerator.generate(1, 1);

    /** The demo with driver 2 given driver 1's vehicle and, on top of their own, driver 1's slots. */
    private static Network sharing() {
        List<Driver> drivers = new ArrayList<>(DEMO.drivers());
        Driver first = drivers.get(0);
        Driver second = drivers.get(1);
        List<AvailabilitySlot> slots = new ArrayList<>(second.slots());
        for (AvailabilitySlot s : first.slots()) {
            if (second.slots().stream().noneMatch(o -> o.date().equals(s.date()) && o.from().equals(s.from()))) {
                slots.add(s);
            }
        }
        drivers.set(1, new Driver(second.id(), second.name(), second.contact(), second.home(), second.maxMinutesPerDay(),
                first.vehicleId(), slots));
        return new Network(DEMO.name(), DEMO.settings(), DEMO.sites(), DEMO.needs(), DEMO.lots(), DEMO.vehicles(), drivers,
                DEMO.travelMatrix());
    }

    @Test
    void slotsOfDriversSharingAVehicleAreMadeDisjoint() {
        Network network = sharing();
        PlanningContext ctx = new PlanningContext(network, Travel.of(network));
        Map<Driver, List<long[]>> windows = MonthPlanBuilder.slotWindows(network, ctx);
        Driver first = network.drivers().get(0);
        Driver second = network.drivers().get(1);

        for (long[] a : windows.get(first)) {
            for (long[] b : windows.get(second)) {
                assertThat(a[1] < b[2] && b[1] < a[2]).as("windows overlap").isFalse();
            }
        }
        // driver 2 was given every slot of driver 1: those are gone (they start at the same time), its own stay
        assertThat(windows.get(first)).hasSize(first.slots().size());
        assertThat(windows.get(second)).hasSizeLessThan(second.slots().size());
        // a driver whose vehicle is their own keeps every slot of the month as it is
        Driver third = network.drivers().get(2);
        LocalDate firstDay = network.settings().firstDay();
        assertThat(windows.get(third)).hasSize((int) third.slots().stream()
                .filter(s -> !s.date().isBefore(firstDay) && !s.date().isAfter(network.settings().lastDay())).count());
        AvailabilitySlot slot = third.slots().get(0);
        long[] w = windows.get(third).get(0);
        assertThat(w[1]).isEqualTo(ctx.millisAt(slot.date()) + slot.from().toSecondOfDay() * 1000L);
        assertThat(w[2]).isEqualTo(ctx.millisAt(slot.date()) + slot.to().toSecondOfDay() * 1000L);
    }

    @Test
    void theSolverNeverLetsTwoDriversUseOneVehicleAtOnce() {
        Network network = sharing();

        Plan plan = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofMinutes(5)).withStepLimit(200), null).plan();
        CheckReport report = PlanChecker.check(network, plan);

        assertThat(report.violations(ViolationKind.VEHICLE_SHARED)).isEmpty();
        assertThat(report.violations()).isEmpty();
    }
}
