package org.foodnet.solver.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.SingleConstraintAssertion;

/** Hard rules 1-4: the vehicle, opening hours, the volunteer's free time and day length. */
class TripRulesTest extends ConstraintTestSupport {

    // ---------------------------------------------------------------- Vehicle capacity

    @Test
    void frozenFoodInCarWithoutFreezerIsPenalizedByKgOver() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel meat = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        // drv-2 drives veh-2, which has no freezer box
        assertThat(fx.trip("drv-2", 4).getVehicle().capacity().frozenGrams()).isZero();
        fx.carry(fx.trip("drv-2", 4), leg(meat, 1));

        SingleConstraintAssertion capacity = VERIFIER.verifyThat(FoodnetConstraints::vehicleCapacity)
                .givenSolution(fx.plan());
        capacity.penalizes(1); // on board after donor-1 only; empty again after the hub
        capacity.penalizesBy(ceilKg(12_500));
    }

    @Test
    void foodOverTheFreezerBoxIsPenalizedByKgOverCapacity() {
        Network net = NetworkVariants.withVehicle(small(), "veh-1", NetworkVariants.capacity(ClassAmounts.ofKg(300, 40, 20)));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-3", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        fx.deliverTogether(fx.trip("drv-1", 5), a, b);

        // hop by hop: load a, load b (22.5 kg), unload a, unload b; at donor-1, the hub and the depot the load
        // reaches 22.5 kg frozen in a 20 kg freezer box: 2.5 kg over, counted as 3 kg, three times
        SingleConstraintAssertion capacity = VERIFIER.verifyThat(FoodnetConstraints::vehicleCapacity)
                .givenSolution(fx.plan());
        capacity.penalizes(3);
        capacity.penalizesBy(3 * ceilKg(22_500 - 20_000));
    }

    @Test
    void foodWithinEveryBoxIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel meat = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 30.0, DONOR1_TO_CAF1);
        Parcel milk = fx.parcel("lot-5", "caf-1", day(20), 15.0, DONOR1_TO_CAF1);
        fx.deliverTogether(fx.trip("drv-1", 9), meat, rice);
        fx.deliver(fx.trip("drv-2", 17), milk); // chilled fits veh-2's cooler box

        VERIFIER.verifyThat(FoodnetConstraints::vehicleCapacity).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void loadingBeforeUnloadingAtOneStopIsJudgedByTheLoadAfterTheStop() {
        Network net = NetworkVariants.withLot(small(), new DonationLot("lot-6", "hub", "hub", "fish", TemperatureClass.FROZEN,
                10_000, day(31), ExpiryKind.USE_BY, day(1), null));
        PlanFixture fx = PlanFixture.of(net);
        Parcel meat = fx.parcel("lot-3", "caf-1", day(10), 25.0, DONOR1_TO_CAF1);
        Parcel fish = fx.parcel("lot-6", "caf-2", day(12), 10.0, "hub", "depot-tottori", "caf-2");
        // veh-1 has a 30 kg freezer box: 25 kg on arrival at the hub, 10 kg when leaving it
        fx.drive(fx.trip("drv-1", 5), leg(meat, 1).getPickup(), leg(fish, 1).getPickup(), leg(meat, 1).getDrop(),
                leg(fish, 1).getDrop());

        VERIFIER.verifyThat(FoodnetConstraints::vehicleCapacity).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Opening hours

    @Test
    void stopAtASiteClosedThatDayIsPenalizedByAWholeDay() {
        Network net = NetworkVariants.withSite(small(), "donor-1", NetworkVariants.closedOn(day(5)));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        // one stop at donor-1 (two loads), one at the hub
        fx.drive(fx.trip("drv-1", 5), leg(a, 1).getPickup(), leg(b, 1).getPickup(), leg(a, 1).getDrop(),
                leg(b, 1).getDrop());

        SingleConstraintAssertion opening = VERIFIER.verifyThat(FoodnetConstraints::openingHours).givenSolution(fx.plan());
        opening.penalizes(1);
        opening.penalizesBy(FoodnetConstraints.CLOSED);
    }

    @Test
    void stopEndingAfterClosingIsPenalizedByMinutesOver() {
        Network net = NetworkVariants.withSite(small(), "donor-1", NetworkVariants.openEveryDay("08:00", "09:05"));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 5);
        fx.carry(trip, leg(a, 1));
        MonthPlan plan = fx.plan();

        long leavesDonor = timeline(fx, trip, "donor-1", "hub").departure(0);
        long closes = midnight(5) + 9 * HOUR + 5 * MINUTE;
        SingleConstraintAssertion opening = VERIFIER.verifyThat(FoodnetConstraints::openingHours).givenSolution(plan);
        opening.penalizes(1);
        opening.penalizesBy(ceilMinutes(leavesDonor - closes));
    }

    @Test
    void stopsInsideOpeningHoursAreNotPenalized() {
        // the hub opens at 10:00: the volunteer waits there (not a break of the rule)
        Network net = NetworkVariants.withSite(small(), "hub", NetworkVariants.openEveryDay("10:00", "17:00"));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        Trip trip = fx.trip("drv-1", 5);
        fx.deliverTogether(trip, a, b);
        MonthPlan plan = fx.plan();

        assertThat(timeline(fx, trip, DONOR1_TO_CAF1).arrival()[1]).isLessThan(midnight(5) + 10 * HOUR);
        VERIFIER.verifyThat(FoodnetConstraints::openingHours).givenSolution(plan).penalizes(0);
    }

    // ---------------------------------------------------------------- Driver availability

    @Test
    void tripEndingAfterTheVolunteersFreeTimeIsPenalizedByMinutesOver() {
        Network net = NetworkVariants.withDriver(small(), "drv-1", NetworkVariants.slot(day(5), "09:00", "09:15"));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 5);
        fx.carry(trip, leg(a, 1));
        MonthPlan plan = fx.plan();

        long backHome = timeline(fx, trip, "donor-1", "hub").backHome();
        long slotEnd = midnight(5) + 9 * HOUR + 15 * MINUTE;
        SingleConstraintAssertion availability = VERIFIER.verifyThat(FoodnetConstraints::driverAvailability)
                .givenSolution(plan);
        availability.penalizes(1);
        availability.penalizesBy(ceilMinutes(backHome - slotEnd));
    }

    @Test
    void tripBackHomeBeforeTheFreeTimeEndsIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-3", day(15), 10.0, "donor-1", "hub", "depot-yazu", "caf-3");
        fx.deliver(fx.trip("drv-1", 5), a);
        fx.deliver(fx.trip("drv-3", 7), b);

        VERIFIER.verifyThat(FoodnetConstraints::driverAvailability).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Driver day length

    @Test
    void tripLongerThanTheVolunteersDayIsPenalizedByMinutesOver() {
        Network net = NetworkVariants.withDriver(small(), "drv-1", NetworkVariants.maxMinutesPerDay(15));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 5);
        fx.deliver(trip, a);
        MonthPlan plan = fx.plan();

        long lasts = timeline(fx, trip, DONOR1_TO_CAF1).duration();
        SingleConstraintAssertion dayLength = VERIFIER.verifyThat(FoodnetConstraints::driverDayLength)
                .givenSolution(plan);
        dayLength.penalizes(1);
        dayLength.penalizesBy(ceilMinutes(lasts - 15 * MINUTE));
    }

    @Test
    void leavingHomeLaterForASiteThatOpensLaterDoesNotLengthenTheDay() {
        Network net = NetworkVariants.withSite(small(), "donor-1", NetworkVariants.openEveryDay("11:00", "17:00"));
        net = NetworkVariants.withDriver(net, "drv-1", NetworkVariants.maxMinutesPerDay(45));
        PlanFixture fx = PlanFixture.of(net);
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        Trip trip = fx.trip("drv-1", 5);
        fx.drive(trip, leg(a, 1).getPickup(), leg(b, 1).getPickup(), leg(a, 1).getDrop(), leg(b, 1).getDrop());
        MonthPlan plan = fx.plan();

        Timeline t = timeline(fx, trip, "donor-1", "hub");
        assertThat(t.leaveHome()).isGreaterThan(trip.getSlotStart());
        assertThat(t.duration()).isLessThanOrEqualTo(45 * MINUTE);
        VERIFIER.verifyThat(FoodnetConstraints::driverDayLength).givenSolution(plan).penalizes(0);
    }

    @Test
    void tripWithinTheVolunteersDayIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "fac-1", day(8), 10.0, "donor-1", "hub", "depot-yazu", "fac-1");
        fx.deliver(fx.trip("drv-1", 5), a);
        fx.deliver(fx.trip("drv-2", 6), b);

        VERIFIER.verifyThat(FoodnetConstraints::driverDayLength).givenSolution(fx.plan()).penalizes(0);
    }
}
