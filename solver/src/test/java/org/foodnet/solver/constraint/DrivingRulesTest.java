package org.foodnet.solver.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.SingleConstraintAssertion;

/** Soft rules on the volunteers' driving: driving time, trips, balance. */
class DrivingRulesTest extends ConstraintTestSupport {

    /** drv-1 drives to the hub on the 3rd and the 5th, drv-3 delivers a parcel all the way on the 7th. */
    private record Month(PlanFixture fx, Trip third, Trip fifth, Trip seventh) {
    }

    private static Month threeTrips() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        Parcel c = fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        Parcel d = fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        Month m = new Month(fx, fx.trip("drv-1", 3), fx.trip("drv-1", 5), fx.trip("drv-3", 7));
        // two loads at donor-1 and two unloads at the hub: two stops
        fx.drive(m.third(), leg(a, 1).getPickup(), leg(b, 1).getPickup(), leg(a, 1).getDrop(), leg(b, 1).getDrop());
        fx.carry(m.fifth(), leg(c, 1));
        fx.deliver(m.seventh(), d);
        return m;
    }

    // ---------------------------------------------------------------- Driving time

    @Test
    void drivingIsPenalizedByMillisecondsFromHomeThroughEveryStopAndBack() {
        Month m = threeTrips();
        PlanFixture fx = m.fx();
        long expected = drivingMillis(fx, m.third(), "donor-1", "hub")
                + drivingMillis(fx, m.fifth(), "donor-1", "hub")
                + drivingMillis(fx, m.seventh(), DONOR1_TO_CAF1);

        VERIFIER.verifyThat(FoodnetConstraints::drivingTime).givenSolution(fx.plan()).penalizesBy(expected);
    }

    @Test
    void nothingDrivenCostsNoDrivingTime() {
        PlanFixture fx = PlanFixture.of(small());
        fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);

        VERIFIER.verifyThat(FoodnetConstraints::drivingTime).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Trips

    @Test
    void everyTripDrivenCostsAnHourOfDriving() {
        Month m = threeTrips();

        SingleConstraintAssertion trips = VERIFIER.verifyThat(FoodnetConstraints::trips).givenSolution(m.fx().plan());
        trips.penalizes(3);
        trips.penalizesBy(3 * HOUR);
    }

    @Test
    void availableTripsWithoutVisitsAreNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);

        VERIFIER.verifyThat(FoodnetConstraints::trips).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Volunteer balance

    @Test
    void eachVolunteersMonthOfDrivingIsPenalizedByItsSquaredMinutes() {
        Month m = threeTrips();
        PlanFixture fx = m.fx();
        long sato = drivingMillis(fx, m.third(), "donor-1", "hub") + drivingMillis(fx, m.fifth(), "donor-1", "hub");
        long takahashi = drivingMillis(fx, m.seventh(), DONOR1_TO_CAF1);
        // the great-circle travel model drives whole minutes
        assertThat(sato % MINUTE).isZero();
        assertThat(takahashi % MINUTE).isZero();
        long satoMinutes = sato / MINUTE;
        long takahashiMinutes = takahashi / MINUTE;

        SingleConstraintAssertion balance = VERIFIER.verifyThat(FoodnetConstraints::volunteerBalance)
                .givenSolution(fx.plan());
        balance.penalizes(2); // one match per volunteer, not per trip
        balance.penalizesBy((satoMinutes * satoMinutes + takahashiMinutes * takahashiMinutes) * 100);
    }

    @Test
    void volunteersWhoDoNotDriveAreNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);

        VERIFIER.verifyThat(FoodnetConstraints::volunteerBalance).givenSolution(fx.plan()).penalizes(0);
    }
}
