package org.foodnet.solver.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.SingleConstraintAssertion;

/** Food that does not reach people: undelivered (medium), fair shares and stranded food (soft). */
class FoodReachRulesTest extends ConstraintTestSupport {

    // ---------------------------------------------------------------- Undelivered food

    @Test
    void undeliveredFoodIsPenalizedByGramsTimesUrgency() {
        PlanFixture fx = PlanFixture.of(small());
        // rice keeps (urgency 1); chilled vegetables, 8 days from available to use-by (1 + chilled = 2);
        // chilled dairy that must go within 5 days (1 + chilled + within a week = 3)
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel veg = fx.parcel("lot-2", "caf-1", day(10), 4.0, DONOR2_TO_CAF1);
        Parcel dairy = fx.parcel("lot-5", "caf-1", day(20), 5.0, DONOR1_TO_CAF1);
        assertThat(rice.getUrgency()).isEqualTo(1);
        assertThat(veg.getUrgency()).isEqualTo(2);
        assertThat(dairy.getUrgency()).isEqualTo(3);

        SingleConstraintAssertion undelivered = VERIFIER.verifyThat(FoodnetConstraints::undeliveredFood)
                .givenSolution(fx.plan());
        // one match per recipient and class; nothing delivered, so each class is short of its floor (60 % of
        // what was allocated): 6 kg ambient, 5.4 kg chilled, B = F each: 4·B + 16·B²÷F = 20 more per gram
        undelivered.penalizes(2);
        undelivered.penalizesBy(10_000 * 1 + 4_000 * 2 + 5_000 * 3 + 20 * (6_000 + 5_400));
    }

    @Test
    void onlyWhatLeavesARecipientBelowItsFloorCountsExtra() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel delivered = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 9), delivered);

        // 20 kg allocated, floor 12 kg, 10 kg delivered: 2 kg below the floor, 4·2000 + 16·2000²÷12000 (5,333.3)
        VERIFIER.verifyThat(FoodnetConstraints::undeliveredFood).givenSolution(fx.plan())
                .penalizesBy(10_000 + 4 * 2_000 + 5_333);
    }

    @Test
    void foodMovedPartOfTheWayIsStillUndelivered() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.carry(fx.trip("drv-1", 5), leg(rice, 1), leg(rice, 2));

        VERIFIER.verifyThat(FoodnetConstraints::undeliveredFood).givenSolution(fx.plan()).penalizesBy(10_000 + 20 * 6_000);
    }

    @Test
    void deliveredFoodIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel dairy = fx.parcel("lot-5", "caf-1", day(20), 5.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 9), rice);
        fx.deliver(fx.trip("drv-1", 18), dairy);

        VERIFIER.verifyThat(FoodnetConstraints::undeliveredFood).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Fair shares

    @Test
    void recipientsShortOfTheirShareArePenalizedByTheGrowthOfTheirSquaredShortfall() {
        PlanFixture fx = PlanFixture.of(small());
        // caf-1 and caf-2 each need 40 kg ambient food a month (and 10 kg chilled, 10 kg frozen)
        Parcel caf1Delivered = fx.parcel("lot-1", "caf-1", day(10), 20.0, DONOR1_TO_CAF1);
        fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        fx.parcel("lot-1", "caf-2", day(12), 20.0, DONOR1_TO_CAF2);
        fx.deliver(fx.trip("drv-1", 9), caf1Delivered);

        // caf-1: parcels cover 30 kg ambient, so 10 kg short already; 10 kg undelivered make it 20 kg short
        // caf-2: parcels cover 20 kg ambient, so 20 kg short already; 20 kg undelivered make it 40 kg short
        // penalty: (after^2 - before^2) / need of the class x 100, in grams
        long caf1 = Math.round((20_000.0 * 20_000 - 10_000.0 * 10_000) / 40_000 * 100);
        long caf2 = Math.round((40_000.0 * 40_000 - 20_000.0 * 20_000) / 40_000 * 100);
        SingleConstraintAssertion fair = VERIFIER.verifyThat(FoodnetConstraints::fairShares).givenSolution(fx.plan());
        fair.penalizes(2);
        fair.penalizesBy(caf1 + caf2);
    }

    @Test
    void theSameShortfallCostsMoreForARecipientThatIsAlreadyShort() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel caf1Delivered = fx.parcel("lot-1", "caf-1", day(10), 30.0, DONOR1_TO_CAF1);
        fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1); // caf-1: 0 kg short -> 10 kg short
        fx.parcel("lot-4", "caf-2", day(12), 10.0, "hub", "depot-tottori", "caf-2"); // caf-2: 30 kg short -> 40 kg short
        fx.deliver(fx.trip("drv-1", 9), caf1Delivered);

        long caf1 = Math.round((10_000.0 * 10_000) / 40_000 * 100);
        long caf2 = Math.round((40_000.0 * 40_000 - 30_000.0 * 30_000) / 40_000 * 100);
        assertThat(caf2).isGreaterThan(3 * caf1);
        VERIFIER.verifyThat(FoodnetConstraints::fairShares).givenSolution(fx.plan()).penalizesBy(caf1 + caf2);
    }

    @Test
    void fairSharesAreJudgedPerTemperatureClass() {
        PlanFixture fx = PlanFixture.of(small());
        // caf-1 gets all its 40 kg ambient need, but none of its 10 kg frozen need: plenty of rice does not
        // make up for no meat
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 40.0, DONOR1_TO_CAF1);
        fx.parcel("lot-3", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 9), rice);

        long frozen = Math.round((10_000.0 * 10_000) / 10_000 * 100);
        SingleConstraintAssertion fair = VERIFIER.verifyThat(FoodnetConstraints::fairShares).givenSolution(fx.plan());
        fair.penalizes(1);
        fair.penalizesBy(frozen);
    }

    @Test
    void surplusBeyondTheNeedIsMissedWithoutAShortfall() {
        PlanFixture fx = PlanFixture.of(small());
        // 50 kg ambient for caf-1's 40 kg need: 40 delivered, the 10 kg surplus not
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 40.0, DONOR1_TO_CAF1);
        fx.parcel("lot-4", "caf-1", day(20), 10.0, HUB_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 9), rice);

        VERIFIER.verifyThat(FoodnetConstraints::fairShares).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void everyParcelDeliveredIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel caf1 = fx.parcel("lot-1", "caf-1", day(10), 20.0, DONOR1_TO_CAF1);
        Parcel caf2 = fx.parcel("lot-1", "caf-2", day(12), 20.0, DONOR1_TO_CAF2);
        fx.deliverTogether(fx.trip("drv-1", 9), caf1, caf2);

        VERIFIER.verifyThat(FoodnetConstraints::fairShares).givenSolution(fx.plan()).penalizes(0);
    }

    // ---------------------------------------------------------------- Stranded food

    @Test
    void foodMovedPartOfTheWayButNotDeliveredIsPenalizedForEveryLegDriven() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 20.0, DONOR1_TO_CAF1);
        fx.carry(fx.trip("drv-1", 5), leg(rice, 1));
        fx.carry(fx.trip("drv-2", 6), leg(rice, 2)); // to the depot, never on to caf-1

        SingleConstraintAssertion stranded = VERIFIER.verifyThat(FoodnetConstraints::strandedFood)
                .givenSolution(fx.plan());
        stranded.penalizes(2);
        stranded.penalizesBy(2 * 20_000 * 100);
    }

    @Test
    void foodDeliveredOrNeverMovedIsNotStranded() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel delivered = fx.parcel("lot-1", "caf-1", day(10), 20.0, DONOR1_TO_CAF1);
        fx.parcel("lot-1", "caf-2", day(12), 20.0, DONOR1_TO_CAF2);
        fx.carry(fx.trip("drv-1", 5), leg(delivered, 1));
        fx.carry(fx.trip("drv-2", 6), leg(delivered, 2));
        fx.carry(fx.trip("drv-1", 7), leg(delivered, 3));

        VERIFIER.verifyThat(FoodnetConstraints::strandedFood).givenSolution(fx.plan()).penalizes(0);
    }
}
