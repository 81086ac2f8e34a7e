package org.foodnet.solver.constraint;

import static org.foodnet.solver.model.PlanFixture.leg;

import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;

/** Plan stability: a re-plan pays for every hop it carries on another trip than the previous plan did. */
class PlanStabilityRuleTest extends ConstraintTestSupport {

    @Test
    void hopsMovedToAnotherTripThanBeforeArePenalizedEach() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Trip before = fx.trip("drv-3", 9);
        Trip now = fx.trip("drv-1", 9);
        for (int hop = 1; hop <= rice.getLegs().size(); hop++) {
            fx.previously(leg(rice, hop), before);
        }
        fx.deliver(now, rice);

        VERIFIER.verifyThat(FoodnetConstraints::planStability).givenSolution(fx.plan())
                .penalizesBy(rice.getLegs().size() * FoodnetConstraints.STABILITY_MILLIS);
    }

    @Test
    void hopsOnTheirPreviousTripOrWithoutAPreviousPlanAreNotPenalized() {
        PlanFixture fx = PlanFixture.of(small());
        Parcel rice = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel dairy = fx.parcel("lot-5", "caf-1", day(20), 5.0, DONOR1_TO_CAF1);
        Trip trip = fx.trip("drv-1", 9);
        for (int hop = 1; hop <= rice.getLegs().size(); hop++) {
            fx.previously(leg(rice, hop), trip);
        }
        fx.deliver(trip, rice);
        fx.deliver(fx.trip("drv-1", 18), dairy);

        VERIFIER.verifyThat(FoodnetConstraints::planStability).givenSolution(fx.plan()).penalizes(0);
    }
}
