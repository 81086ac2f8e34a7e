package org.foodnet.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.constraint.FoodnetWeights;
import org.junit.jupiter.api.Test;

/** The constraint tests build plans with {@link PlanFixture}; it must lay them out like the solver does. */
class PlanFixtureTest {

    @Test
    void fixtureLaysOutParcelsLegsTripsAndFactsLikeTheMonthPlanBuilder() {
        MonthPlan built = MonthPlanBuilder.build(TestNetworks.small(), new FoodnetWeights());
        PlanFixture fx = PlanFixture.of(TestNetworks.small());
        for (Parcel p : built.getParcels()) {
            List<String> path = new ArrayList<>();
            path.add(p.getLegs().get(0).getFrom().id());
            p.getLegs().forEach(l -> path.add(l.getTo().id()));
            Parcel q = fx.parcel(p.getLot().id(), p.getRecipient().id(), p.getServingDay(), p.getGrams(),
                    path.toArray(String[]::new));
            assertThat(q.getId()).isEqualTo(p.getId());
            assertThat(q.getRecipientIndex()).isEqualTo(p.getRecipientIndex());
            assertThat(q.getUrgency()).isEqualTo(p.getUrgency());
            assertThat(q.getLegs()).hasSameSizeAs(p.getLegs());
            for (int i = 0; i < p.getLegs().size(); i++) {
                Leg a = p.getLegs().get(i);
                Leg b = q.getLegs().get(i);
                assertThat(b.getIndex()).isEqualTo(a.getIndex());
                assertThat(b.getFromPlace()).isEqualTo(a.getFromPlace());
                assertThat(b.getToPlace()).isEqualTo(a.getToPlace());
                assertThat(b.getFromStorage()).isEqualTo(a.getFromStorage());
                assertThat(b.getToStorage()).isEqualTo(a.getToStorage());
                assertThat(b.getReleaseMillis()).isEqualTo(a.getReleaseMillis());
                assertThat(b.getStockDay()).isEqualTo(a.getStockDay());
                assertThat(b.getUseByMillis()).isEqualTo(a.getUseByMillis());
                assertThat(b.getServingMillis()).isEqualTo(a.getServingMillis());
                assertThat(b.getDiscardDay()).isEqualTo(a.getDiscardDay());
                assertThat(b.isFinal()).isEqualTo(a.isFinal());
                assertThat(b.getPickup().getId()).isEqualTo(a.getPickup().getId());
                assertThat(b.getDrop().getServiceMillis()).isEqualTo(a.getDrop().getServiceMillis());
                assertThat(b.getPickup().getNumber()).isEqualTo(a.getPickup().getNumber());
            }
        }
        MonthPlan mine = fx.plan();
        assertThat(mine.getStorageDays()).isEqualTo(built.getStorageDays());
        assertThat(mine.getRecipientDemands()).isEqualTo(built.getRecipientDemands());
        List<Trip> builtTrips = built.getTrips().stream().filter(t -> !t.isBucket()).toList();
        List<Trip> myTrips = mine.getTrips().stream().filter(t -> !t.isBucket()).toList();
        assertThat(myTrips).hasSameSizeAs(builtTrips);
        for (int i = 0; i < builtTrips.size(); i++) {
            Trip a = builtTrips.get(i);
            Trip b = myTrips.get(i);
            assertThat(b.getId()).isEqualTo(a.getId());
            assertThat(b.getDay()).isEqualTo(a.getDay());
            assertThat(b.getSlotStart()).isEqualTo(a.getSlotStart());
            assertThat(b.getSlotEnd()).isEqualTo(a.getSlotEnd());
            assertThat(b.getHomePlace()).isEqualTo(a.getHomePlace());
            assertThat(b.getMaxMillis()).isEqualTo(a.getMaxMillis());
        }
        assertThat(mine.getTrips().stream().filter(Trip::isBucket).count()).isEqualTo(built.getParcels().size());
    }

    @Test
    void unplacedVisitsWaitInTheirParcelsBucket() {
        PlanFixture fx = PlanFixture.of(TestNetworks.small());
        Parcel p = fx.parcel("lot-1", "caf-1", TestNetworks.day(10), 10.0, "donor-1", "hub", "depot-tottori", "caf-1");
        Trip trip = fx.trip("drv-1", 3);
        fx.carry(trip, PlanFixture.leg(p, 1));
        fx.plan();
        assertThat(PlanFixture.leg(p, 1).getPickup().isPlanned()).isTrue();
        assertThat(PlanFixture.leg(p, 1).getDrop().getTrip()).isSameAs(trip);
        assertThat(PlanFixture.leg(p, 2).getPickup().getTrip()).isSameAs(p.getBucket());
        assertThat(PlanFixture.leg(p, 3).getDrop().isPlanned()).isFalse();
        assertThat(PlanFixture.leg(p, 2).getPickup().getOriginArrivalDay()).isEqualTo(trip.getDay());
    }
}
