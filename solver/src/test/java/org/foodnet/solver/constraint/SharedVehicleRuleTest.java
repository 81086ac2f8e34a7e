package org.foodnet.solver.constraint;

import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;

/** Rule 12: one driver per vehicle at a time (the safety net behind the disjoint slot windows). */
class SharedVehicleRuleTest extends ConstraintTestSupport {

    /** drv-3 drives drv-1's van; both are free 09:00-14:00 on the 7th, 9th, 14th, 19th and 21st. */
    private static Network sharing() {
        return NetworkVariants.withDriver(small(), "drv-3", d -> new Driver(d.id(), d.name(), d.contact(), d.home(),
                d.maxMinutesPerDay(), "veh-1", d.slots()));
    }

    @Test
    void twoDriversInOneVehicleAtTheSameTimeArePenalized() {
        PlanFixture fx = PlanFixture.of(sharing());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(10), 10.0, DONOR1_TO_CAF2);
        fx.deliver(fx.trip("drv-1", 7), a);
        fx.deliver(fx.trip("drv-3", 7), b);

        VERIFIER.verifyThat(FoodnetConstraints::vehicleUsedByOneDriverAtATime).givenSolution(fx.plan()).penalizes(1);
    }

    @Test
    void twoDriversInOneVehicleOnDifferentDaysAreNotPenalized() {
        PlanFixture fx = PlanFixture.of(sharing());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        fx.deliver(fx.trip("drv-1", 7), a);
        fx.deliver(fx.trip("drv-3", 9), b);

        VERIFIER.verifyThat(FoodnetConstraints::vehicleUsedByOneDriverAtATime).givenSolution(fx.plan()).penalizes(0);
    }

    /**
     * Buckets (one per parcel, no vehicle, day -1) must be left out before the pair join: joined on
     * (vehicle, day) they all share one key, and ×100's ~10⁵ buckets made billions of pair tuples (out of memory).
     * A bucket here answers isBucket() but refuses to give its join keys, so the rule may only filter it away.
     */
    @Test
    void bucketsAreLeftOutBeforeTheJoin() {
        PlanFixture fx = PlanFixture.of(sharing());
        Parcel a = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel b = fx.parcel("lot-1", "caf-2", day(10), 10.0, DONOR1_TO_CAF2);
        fx.parcel("lot-1", "caf-1", day(12), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 7), a);
        fx.deliver(fx.trip("drv-3", 7), b);
        MonthPlan plan = fx.plan();
        plan.getTrips().add(new KeylessBucket(fx, "unplanned/keyless-1"));
        plan.getTrips().add(new KeylessBucket(fx, "unplanned/keyless-2"));

        VERIFIER.verifyThat(FoodnetConstraints::vehicleUsedByOneDriverAtATime).givenSolution(plan).penalizes(1);
    }

    private static final class KeylessBucket extends Trip {

        KeylessBucket(PlanFixture fx, String id) {
            super(fx.context(), id, fx.network().drivers().get(0), fx.network().vehicles().get(0), -1, null, 0, 0,
                    fx.place("hub"), 0);
        }

        @Override
        public boolean isBucket() {
            return true;
        }

        @Override
        public Vehicle getVehicle() {
            throw new AssertionError("a bucket's vehicle was asked for: buckets reach the pair join");
        }

        @Override
        public int getDay() {
            throw new AssertionError("a bucket's day was asked for: buckets reach the pair join");
        }
    }
}
