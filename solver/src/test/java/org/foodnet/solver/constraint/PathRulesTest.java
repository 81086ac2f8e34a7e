package org.foodnet.solver.constraint;

import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.SingleConstraintAssertion;

/** Hard rules 5 and the path structure: pickup and drop together, food there before it is loaded, lot available. */
class PathRulesTest extends ConstraintTestSupport {

    // ---------------------------------------------------------------- Pickup and drop on one trip

    @Test
    void pickupAndDropOfALegOnDifferentTripsIsBroken() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.drive(fx.trip("drv-1", 3), leg(p, 1).getPickup());
        fx.drive(fx.trip("drv-3", 7), leg(p, 1).getDrop());

        SingleConstraintAssertion pair = VERIFIER.verifyThat(FoodnetConstraints::pickupAndDropOnOneTrip)
                .givenSolution(fx.plan());
        pair.penalizes(1);
        pair.penalizesBy(FoodnetConstraints.BROKEN);
    }

    @Test
    void unloadingBeforeLoadingOnOneTripIsBroken() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.drive(fx.trip("drv-1", 3), leg(p, 1).getDrop(), leg(p, 1).getPickup());

        VERIFIER.verifyThat(FoodnetConstraints::pickupAndDropOnOneTrip).givenSolution(fx.plan())
                .penalizesBy(FoodnetConstraints.BROKEN);
    }

    @Test
    void loadingFoodThatIsNeverUnloadedIsBroken() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel q = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        // p's pickup on a trip, its drop left unplanned; q's drop on a trip without its pickup
        fx.drive(fx.trip("drv-1", 3), leg(p, 1).getPickup());
        fx.drive(fx.trip("drv-1", 5), leg(q, 1).getDrop());

        SingleConstraintAssertion pair = VERIFIER.verifyThat(FoodnetConstraints::pickupAndDropOnOneTrip)
                .givenSolution(fx.plan());
        pair.penalizes(2);
        pair.penalizesBy(2 * FoodnetConstraints.BROKEN);
    }

    @Test
    void loadingThenUnloadingOnOneTripIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel whole = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel relay = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1); // never moved: both ends unplanned
        fx.deliver(fx.trip("drv-1", 3), whole);
        fx.carry(fx.trip("drv-1", 5), leg(relay, 1));
        fx.carry(fx.trip("drv-2", 6), leg(relay, 2));
        fx.carry(fx.trip("drv-1", 7), leg(relay, 3));

        VERIFIER.verifyThat(FoodnetConstraints::pickupAndDropOnOneTrip).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Food is there before it is loaded

    @Test
    void loadingFoodBeforeItArrivesIsPenalizedByMinutesEarly() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip bringsIt = fx.trip("drv-1", 5);
        Trip takesIt = fx.trip("drv-2", 4); // a day before it is brought to the hub
        fx.carry(bringsIt, leg(p, 1));
        fx.carry(takesIt, leg(p, 2));
        MonthPlan plan = fx.plan();

        long arrivesAtHub = timeline(fx, bringsIt, "donor-1", "hub").departure(1);
        long loadedAtHub = timeline(fx, takesIt, "hub", "depot-tottori").start(0);
        SingleConstraintAssertion precedence = VERIFIER.verifyThat(FoodnetConstraints::foodIsThereBeforeItIsLoaded)
                .givenSolution(plan);
        precedence.penalizes(1);
        precedence.penalizesBy(ceilMinutes(arrivesAtHub - loadedAtHub));
    }

    @Test
    void loadingFoodBeforeItIsUnloadedOnTheSameTripIsBroken() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        // hub: load for the depot; donor-1: load; hub: unload; depot: unload
        fx.drive(fx.trip("drv-1", 5), leg(p, 2).getPickup(), leg(p, 1).getPickup(), leg(p, 1).getDrop(),
                leg(p, 2).getDrop());

        VERIFIER.verifyThat(FoodnetConstraints::foodIsThereBeforeItIsLoaded).givenSolution(fx.plan())
                .penalizesBy(FoodnetConstraints.BROKEN);
    }

    @Test
    void loadingFoodThatIsNeverBroughtThereIsBroken() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.carry(fx.trip("drv-1", 5), leg(p, 2), leg(p, 3));

        // leg 2 is loaded at the hub though leg 1 never brings it; leg 3 is loaded at the depot after leg 2
        VERIFIER.verifyThat(FoodnetConstraints::foodIsThereBeforeItIsLoaded).givenSolution(fx.plan())
                .penalizesBy(FoodnetConstraints.BROKEN);
    }

    @Test
    void loadingFoodAfterItArrivedIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel whole = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel relay = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        Parcel firstLegOnly = fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 3), whole);
        fx.carry(fx.trip("drv-1", 5), leg(relay, 1), leg(firstLegOnly, 1));
        fx.carry(fx.trip("drv-2", 6), leg(relay, 2));
        fx.carry(fx.trip("drv-1", 7), leg(relay, 3));

        VERIFIER.verifyThat(FoodnetConstraints::foodIsThereBeforeItIsLoaded).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Lot available

    @Test
    void pickingUpALotBeforeItIsAvailableIsPenalizedByMinutesEarly() {
        PlanFixture fx = PlanFixture.of(small());
        // lot-2 waits at donor-2 from December 6
        Parcel p = fx.parcel("lot-2", "caf-1", day(10), 10.0, DONOR2_TO_CAF1);
        Trip early = fx.trip("drv-2", 4);
        fx.carry(early, leg(p, 1));
        MonthPlan plan = fx.plan();

        long pickedUp = timeline(fx, early, "donor-2", "hub").start(0);
        SingleConstraintAssertion available = VERIFIER.verifyThat(FoodnetConstraints::lotAvailable).givenSolution(plan);
        available.penalizes(1);
        available.penalizesBy(ceilMinutes(midnight(6) - pickedUp));
    }

    @Test
    void pickingUpALotOnTheDayItBecomesAvailableIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel p = fx.parcel("lot-2", "caf-1", day(10), 10.0, DONOR2_TO_CAF1);
        Parcel stock = fx.parcel("lot-4", "caf-1", day(10), 10.0, HUB_TO_CAF1); // in stock at the hub from Dec 1
        fx.carry(fx.trip("drv-2", 6), leg(p, 1), leg(p, 2), leg(stock, 1));
        fx.carry(fx.trip("drv-1", 7), leg(p, 3), leg(stock, 2));

        VERIFIER.verifyThat(FoodnetConstraints::lotAvailable).givenSolution(fx.plan()).penalizes(0);
    }
}
