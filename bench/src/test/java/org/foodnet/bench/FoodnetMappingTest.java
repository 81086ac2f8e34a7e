package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.Travel;
import org.junit.jupiter.api.Test;

class FoodnetMappingTest {

    @Test
    void cvrptwBecomesHubLotsEarmarkedForCafeterias() {
        Instance instance = TestInstances.cvrptw();
        Network n = FoodnetMapping.toNetwork(instance);

        assertThat(n.name()).isEqualTo("tiny-c");
        assertThat(n.settings().month()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(n.settings().allowHubToRecipient()).isTrue();
        assertThat(n.settings().allowDonorToRecipient()).isTrue();
        assertThat(FoodnetMapping.DAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(n.sites()).extracting(Site::id).containsExactly("hub", "c1", "c2", "c3");

        Site hub = n.site("hub").orElseThrow();
        assertThat(hub.kind()).isEqualTo(SiteKind.LOGISTICS_HUB);
        assertThat(hub.serviceSeconds()).isZero();
        // a CVRPTW vehicle loads once, when it leaves: the hub is open for loading only in the first second
        assertThat(hub.openOn(FoodnetMapping.DAY)).contains(new TimeWindow(LocalTime.MIDNIGHT, LocalTime.ofSecondOfDay(1)));
        assertThat(hub.storageCapacity().ambientGrams()).isGreaterThanOrEqualTo(18_000);

        Site c2 = n.site("c2").orElseThrow();
        assertThat(c2.kind()).isEqualTo(SiteKind.COMMUNITY_CAFETERIA);
        assertThat(c2.serviceSeconds()).isEqualTo(10);
        // open from ready to due + service: the service may start at due at the latest
        assertThat(c2.openOn(FoodnetMapping.DAY)).contains(new TimeWindow(LocalTime.ofSecondOfDay(20), LocalTime.ofSecondOfDay(210)));
        assertThat(c2.storageCapacity().ambientGrams()).isEqualTo(5_000);

        assertThat(n.needs()).hasSize(3);
        assertThat(n.needs().get(2).recipientId()).isEqualTo("c3");
        assertThat(n.needs().get(2).monthlyNeed().ambientGrams()).isEqualTo(8_000);
        assertThat(n.needs().get(2).servingDays()).containsExactly(FoodnetMapping.DAY);

        assertThat(n.lots()).extracting(DonationLot::id).containsExactly("lot-c1", "lot-c2", "lot-c3");
        DonationLot lot = n.lotsById().get("lot-c3");
        assertThat(lot.siteId()).isEqualTo("hub");
        assertThat(lot.donorId()).isEqualTo("hub");
        assertThat(lot.grams()).isEqualTo(8_000);
        assertThat(lot.temperature()).isEqualTo(TemperatureClass.AMBIENT);
        assertThat(lot.availableFrom()).isEqualTo(FoodnetMapping.DAY);
        assertThat(lot.earmarkedFor()).isEqualTo("c3");
        assertThat(lot.expiryDate()).isAfter(FoodnetMapping.DAY.plusMonths(1));

        assertThat(n.drivers()).extracting(Driver::id).containsExactly("v1", "v2");
        Driver v2 = n.driversById().get("v2");
        assertThat(n.vehiclesById().get(v2.vehicleId()).capacity().ambientGrams()).isEqualTo(10_000);
        assertThat(n.vehiclesById().get(v2.vehicleId()).capacity().chilledGrams()).isZero();
        assertThat(v2.maxMinutesPerDay()).isEqualTo(1440);
        assertThat(v2.home()).isEqualTo(hub.location());
        assertThat(v2.slots()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(FoodnetMapping.DAY);
            assertThat(s.from()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(s.to()).isEqualTo(LocalTime.ofSecondOfDay(1000));
        });
    }

    @Test
    void travelIsTheEuclideanMatrixOneUnitOneKmOneSecond() {
        Network n = FoodnetMapping.toNetwork(TestInstances.cvrptw());
        assertThat(n.travelMatrix().placeIds()).containsExactly("hub", "c1", "c2", "c3", "home:v1", "home:v2");
        Travel travel = Travel.of(n);
        int c1 = travel.indexOf("c1");
        int c2 = travel.indexOf("c2");
        int home = travel.indexOf("home:v2");
        assertThat(travel.km(c1, c2)).isEqualTo(5.0);
        assertThat(travel.millis(c1, c2)).isEqualTo(5_000);
        assertThat(travel.km(home, travel.indexOf("c3"))).isEqualTo(10.0);
        assertThat(travel.millis(home, travel.indexOf("hub"))).isZero();
        // sqrt(50) units = 7.0710... s, rounded up to the millisecond by Travel
        int c3 = travel.indexOf("c3");
        assertThat(travel.km(c1, c3)).isEqualTo(Math.sqrt(9 + 36));
        assertThat(travel.millis(c1, c3)).isEqualTo((long) Math.ceil(Math.sqrt(45) * 1000));
    }

    @Test
    void pdptwBecomesDonorsWithLotsEarmarkedForTheirDelivery() {
        Network n = FoodnetMapping.toNetwork(TestInstances.pdptw());
        assertThat(n.sites()).extracting(Site::id).containsExactly("hub", "p1", "d2", "p3", "d4");
        assertThat(n.site("p1").orElseThrow().kind()).isEqualTo(SiteKind.SUPERMARKET);
        assertThat(n.site("p1").orElseThrow().serviceSeconds()).isEqualTo(3);
        assertThat(n.site("d4").orElseThrow().role()).isEqualTo(SiteRole.RECIPIENT);
        assertThat(n.lots()).extracting(DonationLot::id).containsExactly("lot-p1", "lot-p3");
        DonationLot lot = n.lotsById().get("lot-p3");
        assertThat(lot.siteId()).isEqualTo("p3");
        assertThat(lot.donorId()).isEqualTo("p3");
        assertThat(lot.earmarkedFor()).isEqualTo("d4");
        assertThat(lot.grams()).isEqualTo(10_000);
        assertThat(n.needs()).extracting(nd -> nd.recipientId()).containsExactly("d2", "d4");
        assertThat(n.needs().get(1).monthlyNeed().ambientGrams()).isEqualTo(10_000);
        assertThat(n.vehicles().get(0).capacity().ambientGrams()).isEqualTo(15_000);
        // no transfer through the hub in a PDPTW
        assertThat(n.site("hub").orElseThrow().storageCapacity().totalGrams()).isZero();
    }

    @Test
    void siteIdsAndNodesRoundTrip() {
        Instance p = TestInstances.pdptw();
        for (int node = 0; node < p.nodes().size(); node++) {
            assertThat(FoodnetMapping.nodeOf(FoodnetMapping.siteIdOf(p, node))).isEqualTo(node);
        }
        assertThatThrownBy(() -> FoodnetMapping.nodeOf("home:v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandMadeCvrptwPlanMapsBackToItsRoutes() {
        Network n = FoodnetMapping.toNetwork(TestInstances.cvrptw());
        Plan plan = plan(n,
                trip("t1", "v1", stop("hub", load("lot-c1", "c1"), load("lot-c2", "c2")),
                        stop("c2", unload("lot-c2", "c2")), stop("c1", unload("lot-c1", "c1"))),
                trip("t2", "v2", stop("hub", load("lot-c3", "c3")), stop("c3", unload("lot-c3", "c3"))));
        List<List<Integer>> routes = FoodnetMapping.routesOf(n, plan);
        assertThat(routes).containsExactly(List.of(2, 1), List.of(3));
        BenchChecker.Result r = BenchChecker.check(TestInstances.cvrptw(), routes);
        assertThat(r.feasible()).isTrue();
        assertThat(r.distance()).isEqualTo(40.0); // 10 + 5 + 5 and 10 + 10
    }

    @Test
    void aHandMadePdptwPlanMapsBackToItsRoutesAndAHubStopInBetweenStartsANewRoute() {
        Network n = FoodnetMapping.toNetwork(TestInstances.pdptw());
        Plan plan = plan(n,
                trip("t1", "v1", stop("p1", load("lot-p1", "d2")), stop("d2", unload("lot-p1", "d2")),
                        stop("p3", load("lot-p3", "d4")), stop("d4", unload("lot-p3", "d4"))));
        assertThat(FoodnetMapping.routesOf(n, plan)).containsExactly(List.of(1, 2, 3, 4));

        Plan viaHub = plan(n,
                trip("t1", "v1", stop("p1", load("lot-p1", "d2")), stop("hub", unload("lot-p1", "d2")),
                        stop("p3", load("lot-p3", "d4")), stop("d4", unload("lot-p3", "d4"))),
                trip("t2", "v2", stop("hub", load("lot-p1", "d2")), stop("d2", unload("lot-p1", "d2"))));
        List<List<Integer>> routes = FoodnetMapping.routesOf(n, viaHub);
        assertThat(routes).containsExactly(List.of(1), List.of(3, 4), List.of(2));
        assertThat(BenchChecker.check(TestInstances.pdptw(), routes).violations())
                .anyMatch(v -> v.contains("pickup 1 (route 1) and its delivery 2 (route 3) are on different routes"));
    }

    @Test
    void aStopWithoutTheCountedMovementIsNoVisit() {
        Network n = FoodnetMapping.toNetwork(TestInstances.pdptw());
        Plan plan = plan(n, trip("t1", "v1", stop("p1", load("lot-p1", "d2")), stop("d4"),
                stop("d2", unload("lot-p1", "d2"))));
        assertThat(FoodnetMapping.routesOf(n, plan)).containsExactly(List.of(1, 2));
    }

    private static Movement load(String lot, String recipient) {
        return new Movement(MovementKind.LOAD, lot, TemperatureClass.AMBIENT, 1000, lot + ">" + recipient, recipient);
    }

    private static Movement unload(String lot, String recipient) {
        return new Movement(MovementKind.UNLOAD, lot, TemperatureClass.AMBIENT, 1000, lot + ">" + recipient, recipient);
    }

    private static PlannedStop stop(String site, Movement... movements) {
        LocalDateTime t = FoodnetMapping.DAY.atTime(1, 0);
        return new PlannedStop(site, t, t, t, List.of(movements));
    }

    private static PlannedTrip trip(String id, String driver, PlannedStop... stops) {
        LocalDateTime t = FoodnetMapping.DAY.atStartOfDay();
        return new PlannedTrip(id, driver, "car-" + driver, FoodnetMapping.DAY, t, t.plusHours(2), List.of(stops));
    }

    private static Plan plan(Network n, PlannedTrip... trips) {
        return new Plan(n.name(), YearMonth.of(2026, 1), "0hard/0soft", new ArrayList<>(List.of(trips)), List.of());
    }
}
