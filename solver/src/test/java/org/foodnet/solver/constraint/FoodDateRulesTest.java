package org.foodnet.solver.constraint;

import static org.foodnet.solver.model.PlanFixture.leg;

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

/** Hard rules 6 and 7: use-by date and serving day. */
class FoodDateRulesTest extends ConstraintTestSupport {

    // ---------------------------------------------------------------- Use-by date

    @Test
    void deliveringAfterTheUseByDateIsPenalizedByMinutesLate() {
        PlanFixture fx = PlanFixture.of(small());
        // lot-2: chilled vegetables, use by December 14; the parcel is for caf-1's serving day on the 20th
        Parcel veg = fx.parcel("lot-2", "caf-1", day(20), 10.0, DONOR2_TO_CAF1);
        Trip trip = fx.trip("drv-1", 16);
        fx.deliver(trip, veg);
        MonthPlan plan = fx.plan();

        long delivered = timeline(fx, trip, DONOR2_TO_CAF1).start(3);
        long useByEnds = midnight(15);
        SingleConstraintAssertion useBy = VERIFIER.verifyThat(FoodnetConstraints::useByDate).givenSolution(plan);
        useBy.penalizes(1); // the delivery only, not the hops to the hub and depot
        useBy.penalizesBy(ceilMinutes(delivered - useByEnds + 1));
    }

    @Test
    void deliveringOnTheUseByDateIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel veg = fx.parcel("lot-2", "caf-1", day(20), 10.0, DONOR2_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 14), veg);

        VERIFIER.verifyThat(FoodnetConstraints::useByDate).givenSolution(fx.plan()).penalizes(0);
    }

    @Test
    void bestBeforeFoodMayBeDeliveredUntilTheGraceDaysEnd() {
        Network net = NetworkVariants.withLot(small(), new DonationLot("lot-7", "donor-1", "donor-1", "bread",
                TemperatureClass.AMBIENT, 20_000, day(10), ExpiryKind.BEST_BEFORE, day(3), null));
        net = NetworkVariants.withSettings(net, NetworkVariants.bestBeforeGraceDays(2)); // deliver until the 12th
        PlanFixture fx = PlanFixture.of(net);
        Parcel inGrace = fx.parcel("lot-7", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        Parcel tooLate = fx.parcel("lot-7", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 11), inGrace);
        Trip late = fx.trip("drv-1", 14);
        fx.deliver(late, tooLate);
        MonthPlan plan = fx.plan();

        long delivered = timeline(fx, late, DONOR1_TO_CAF1).start(3);
        SingleConstraintAssertion useBy = VERIFIER.verifyThat(FoodnetConstraints::useByDate).givenSolution(plan);
        useBy.penalizes(1);
        useBy.penalizesBy(ceilMinutes(delivered - midnight(13) + 1));
    }

    // ---------------------------------------------------------------- Serving day

    @Test
    void deliveringAfterTheServingDayIsPenalizedByMinutesLate() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 11);
        fx.deliver(trip, rice);
        MonthPlan plan = fx.plan();

        long delivered = timeline(fx, trip, DONOR1_TO_CAF1).start(3);
        SingleConstraintAssertion serving = VERIFIER.verifyThat(FoodnetConstraints::servingDay).givenSolution(plan);
        serving.penalizes(1);
        serving.penalizesBy(ceilMinutes(delivered - midnight(11) + 1));
    }

    @Test
    void deliveringOnTheServingDayIsNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel onItsWay = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-2", 10), rice);
        // hops to the hub and depot after the serving day are not deliveries (the undelivered rule counts them)
        fx.carry(fx.trip("drv-1", 11), leg(onItsWay, 1), leg(onItsWay, 2));

        VERIFIER.verifyThat(FoodnetConstraints::servingDay).givenSolution(fx.plan()).penalizes(0);
    }
}
