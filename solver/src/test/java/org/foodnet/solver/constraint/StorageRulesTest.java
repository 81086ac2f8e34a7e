package org.foodnet.solver.constraint;

import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.SingleConstraintAssertion;

/** Hard rules 8 and 9: storage at the hub and depots, and what a recipient holds from delivery until served. */
class StorageRulesTest extends ConstraintTestSupport {

    // ---------------------------------------------------------------- Storage capacity

    @Test
    void foodKeptAtADepotOverItsCapacityIsPenalizedByKgOverEveryDay() {
        Network net = NetworkVariants.withSite(small(), "depot-tottori", NetworkVariants.storage(ClassAmounts.ofKg(500, 100, 10)));
        PlanFixture fx = PlanFixture.of(net);
        Parcel meat = fx.parcel("lot-3", "caf-1", day(10), 12.0, DONOR1_TO_CAF1);
        fx.carry(fx.trip("drv-1", 5), leg(meat, 1), leg(meat, 2)); // at the depot from the 5th
        fx.carry(fx.trip("drv-1", 9), leg(meat, 3));               // until it leaves on the 9th

        SingleConstraintAssertion storage = VERIFIER.verifyThat(FoodnetConstraints::storageCapacity)
                .givenSolution(fx.plan());
        storage.penalizes(5); // December 5, 6, 7, 8 and 9
        storage.penalizesBy(5 * ceilKg(12_000 - 10_000));
    }

    @Test
    void stockThatStaysAtTheHubCountsFromTheFirstDayUntilItsLastDeliveryDay() {
        Network net = NetworkVariants.withSite(small(), "hub", NetworkVariants.storage(ClassAmounts.ofKg(40, 400, 300)));
        PlanFixture fx = PlanFixture.of(net);
        // lot-4: 50 kg canned food at the hub from December 1, best before the 31st; 30 kg go to a parcel that is
        // never sent on, the other 20 kg stay there regardless of the plan
        fx.parcel("lot-4", "caf-1", day(10), 30.0, HUB_TO_CAF1);

        SingleConstraintAssertion storage = VERIFIER.verifyThat(FoodnetConstraints::storageCapacity)
                .givenSolution(fx.plan());
        storage.penalizes(31);
        storage.penalizesBy(31 * ceilKg(30_000 + 20_000 - 40_000));
    }

    @Test
    void foodKeptWithinStorageCapacityIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel meat = fx.parcel("lot-3", "caf-1", day(10), 12.0, DONOR1_TO_CAF1);
        Parcel cans = fx.parcel("lot-4", "caf-1", day(10), 50.0, HUB_TO_CAF1);
        fx.carry(fx.trip("drv-1", 5), leg(meat, 1), leg(meat, 2), leg(cans, 1));
        fx.carry(fx.trip("drv-1", 9), leg(meat, 3), leg(cans, 2));

        VERIFIER.verifyThat(FoodnetConstraints::storageCapacity).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void foodUnloadedAtADepotAfterItsLastDeliveryDayStillTakesRoomThatDay() {
        Network net = NetworkVariants.withSite(small(), "depot-tottori", NetworkVariants.storage(ClassAmounts.ofKg(500, 10, 80)));
        PlanFixture fx = PlanFixture.of(net);
        // lot-2: chilled vegetables, use by December 14, brought to the depot on the 16th and left there
        Parcel veg = fx.parcel("lot-2", "caf-1", day(20), 12.0, DONOR2_TO_CAF1);
        fx.carry(fx.trip("drv-1", 16), leg(veg, 1), leg(veg, 2));

        VERIFIER.verifyThat(FoodnetConstraints::storageCapacity).givenSolution(fx.plan()).penalizesBy(ceilKg(12_000 - 10_000));
    }

    // ---------------------------------------------------------------- Recipient storage

    @Test
    void unloadingMoreThanTheRecipientCanKeepIsPenalizedByKgOverEveryDayUntilServed() {
        PlanFixture fx = PlanFixture.of(small());
        // caf-1 has a 20 kg freezer
        Parcel a = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        fx.deliverTogether(fx.trip("drv-1", 9), a, b);

        SingleConstraintAssertion recipient = VERIFIER.verifyThat(FoodnetConstraints::recipientStorage)
                .givenSolution(fx.plan());
        recipient.penalizes(2); // held on December 9 and 10 (its serving day)
        recipient.penalizesBy(2 * ceilKg(25_000 - 20_000));
    }

    @Test
    void foodDeliveredAheadOfItsServingDayPilesUpWithLaterDeliveries() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel early = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel late = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 5), early); // held December 5 to 10
        fx.deliver(fx.trip("drv-1", 9), late);  // held December 9 to 10: 25 kg in a 20 kg freezer on both days

        SingleConstraintAssertion recipient = VERIFIER.verifyThat(FoodnetConstraints::recipientStorage)
                .givenSolution(fx.plan());
        recipient.penalizes(2);
        recipient.penalizesBy(2 * ceilKg(25_000 - 20_000));
    }

    @Test
    void foodServedBeforeTheNextDeliveryArrivesIsNotHeldTogetherWithIt() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel first = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel second = fx.parcel("lot-3", "caf-1", day(20), 12.5, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 5), first);   // held December 5 to 10
        fx.deliver(fx.trip("drv-1", 11), second); // held December 11 to 20

        VERIFIER.verifyThat(FoodnetConstraints::recipientStorage).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void deliveriesThatFitTheRecipientsStorageAreNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel a = fx.parcel("lot-3", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-3", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 40.0, DONOR1_TO_CAF1);
        fx.deliverTogether(fx.trip("drv-1", 9), a, rice); // 10 kg frozen, 40 kg ambient
        fx.deliver(fx.trip("drv-3", 9), b);                // another 10 kg frozen, on another trip: 20 kg in all

        VERIFIER.verifyThat(FoodnetConstraints::recipientStorage).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void twoStopsAtOneRecipientOnOneDayCountTogether() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel a = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-3", "caf-1", day(10), 12.5, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 9);
        // donor-1 → hub → depot together, then depot → caf-1 (12.5 kg) → depot → caf-1 (12.5 kg)
        fx.drive(trip, leg(a, 1).getPickup(), leg(b, 1).getPickup(), leg(a, 1).getDrop(), leg(b, 1).getDrop(),
                leg(a, 2).getPickup(), leg(b, 2).getPickup(), leg(a, 2).getDrop(), leg(b, 2).getDrop());
        fx.carry(trip, leg(a, 3), leg(b, 3));

        VERIFIER.verifyThat(FoodnetConstraints::recipientStorage).givenSolution(fx.plan())
                .penalizesBy(2 * ceilKg(25_000 - 20_000));
    }
}
