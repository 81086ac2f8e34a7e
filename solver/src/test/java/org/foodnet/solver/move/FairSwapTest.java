package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.construct.Inserter;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.RecipientDemand;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fair swap on the demo month after construction: it draws only undelivered parcels of recipients below
 * their floor, finds the trips that could make a parcel's scarcest hop, and builds moves that put that hop on
 * the chosen trip (the hops before it no later), keep every visit exactly once and every leg on one trip.
 */
class FairSwapTest {

    private static MonthPlan plan;
    private static StarvedParcels starved;
    private static List<List<Trip>> byDay;

    @BeforeAll
    static void construct() {
        plan = TestNetworks.constructedDemo();
        starved = new StarvedParcels(plan);
        byDay = new ArrayList<>();
        for (int d = 0; d < plan.getContext().days(); d++) {
            byDay.add(new ArrayList<>());
        }
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket()) {
                byDay.get(t.getDay()).add(t);
            }
        }
    }

    @Test
    void drawsOnlyUndeliveredParcelsOfRecipientsBelowTheirFloor() {
        Map<Long, Long> delivered = new java.util.HashMap<>();
        for (Parcel p : plan.getParcels()) {
            if (p.isDelivered()) {
                delivered.merge(RecipientDemand.keyOf(p), p.getGrams(), Long::sum);
            }
        }
        Map<Long, Long> floor = new java.util.HashMap<>();
        for (RecipientDemand d : plan.getRecipientDemands()) {
            floor.put(d.key(), d.floorGrams(FoodnetConstraints.FLOOR_SHARE));
        }
        Random random = new Random(5);
        int drawn = 0;
        for (int i = 0; i < 500; i++) {
            Parcel p = starved.pickBelowFloor(plan, random);
            if (p == null) {
                continue;
            }
            long key = RecipientDemand.keyOf(p);
            assertThat(p.isDelivered()).isFalse();
            assertThat(delivered.getOrDefault(key, 0L)).as(p.getId()).isLessThan(floor.get(key));
            drawn++;
        }
        assertThat(drawn).as("the demo month has recipients below their floor after construction").isPositive();
    }

    @Test
    void scarceTripsAreTheFewestTripsThatCouldMakeOneOfTheParcelsHopsAlone() {
        int checked = 0;
        for (Parcel p : plan.getParcels().subList(0, Math.min(40, plan.getParcels().size()))) {
            List<Trip> scarce = starved.scarceTrips(p, byDay, plan.getContext());
            int lo = Math.max(0, PlanningContext.dayOf(p.getLegs().get(0).getReleaseMillis()));
            int hi = Math.min(plan.getContext().days() - 1, PlanningContext.dayOf(p.lastLeg().dueMillis() - 1));
            int fewest = Integer.MAX_VALUE;
            for (Leg leg : p.getLegs()) {
                int n = 0;
                for (Trip t : plan.getTrips()) {
                    if (!t.isBucket() && t.getDay() >= lo && t.getDay() <= hi
                            && Inserter.carriesAlone(plan.getContext(), t, leg)) {
                        n++;
                    }
                }
                fewest = Math.min(fewest, n);
            }
            assertThat(scarce).hasSize(fewest);
            assertThat(p.getLegs()).contains(starved.scarceLeg(p));
            for (Trip t : scarce) {
                assertThat(t.getDay()).isBetween(lo, hi);
                assertThat(t.capacity(starved.scarceLeg(p).classIndex())).isGreaterThanOrEqualTo(starved.scarceLeg(p).getGrams());
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aSwapPutsTheScarceHopOnTheChosenTripAndKeepsEveryVisitOnce() {
        Random random = new Random(9);
        int made = 0;
        for (int k = 0; k < 300 && made < 20; k++) {
            Parcel p = starved.pickBelowFloor(plan, random);
            if (p == null) {
                break;
            }
            List<Trip> trips = starved.scarceTrips(p, byDay, plan.getContext());
            if (trips.isEmpty()) {
                continue;
            }
            Trip trip = trips.get(random.nextInt(trips.size()));
            List<Parcel> ejected = new ArrayList<>();
            for (Visit v : trip.getVisits()) {
                if (!ejected.contains(v.getParcel()) && ejected.size() < 3) {
                    ejected.add(v.getParcel());
                }
            }
            Leg leg = starved.scarceLeg(p);
            RelocateMove move = new BestInsertion(plan, byDay).via(p, leg, trip, ejected);
            if (move == null) {
                continue;
            }
            made++;
            Map<Trip, List<Visit>> after = move.preview();
            assertThat(after.get(trip)).as("the scarce hop goes on the chosen trip").contains(leg.getPickup(), leg.getDrop());
            Map<Visit, Trip> where = MovePreviews.placesAfter(after);
            for (Leg up : p.getLegs().subList(0, p.getLegs().indexOf(leg))) {
                assertThat(where.get(up.getPickup()).getDay()).as("a hop before the scarce one").isLessThanOrEqualTo(trip.getDay());
            }
        }
        assertThat(made).as("swaps built").isPositive();
    }
}
