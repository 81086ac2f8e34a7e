package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the checker's former leniencies (issue 11): each takes a real solver plan of the demo
 * month (seed 1, scale 1), which the checker accepts, and changes ONE thing that breaks one documented rule.
 */
class SolverPlanMutantsTest {

    private static Network network;
    private static Plan plan;
    private static CheckReport original;

    @BeforeAll
    static void solve() {
        network = DemoNetworkGenerator.generate(1, 1);
        plan = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofMinutes(5)).withStepLimit(300), null).plan();
        original = PlanChecker.check(network, plan);
    }

    private static Map<String, Site> sites() {
        return network.sitesById();
    }

    private static boolean isRecipient(String siteId) {
        Site site = sites().get(siteId);
        return site != null && site.role() == SiteRole.RECIPIENT;
    }

    private static Allocation parcel(String id) {
        return plan.allocations().stream().filter(a -> a.parcelId().equals(id)).findFirst().orElseThrow();
    }

    private static Plan withTrip(int index, PlannedTrip trip) {
        List<PlannedTrip> trips = new ArrayList<>(plan.trips());
        trips.set(index, trip);
        return new Plan(plan.networkName(), plan.month(), plan.score(), trips, plan.allocations());
    }

    private static Plan withParcel(String parcelId, UnaryOperator<Allocation> change) {
        List<Allocation> parcels = plan.allocations().stream()
                .map(a -> a.parcelId().equals(parcelId) ? change.apply(a) : a).toList();
        return new Plan(plan.networkName(), plan.month(), plan.score(), plan.trips(), parcels);
    }

    private static PlannedTrip withStop(PlannedTrip trip, int index, PlannedStop stop) {
        List<PlannedStop> stops = new ArrayList<>(trip.stops());
        if (stop == null) {
            stops.remove(index);
        } else {
            stops.set(index, stop);
        }
        return new PlannedTrip(trip.id(), trip.driverId(), trip.vehicleId(), trip.date(), trip.start(), trip.end(), stops);
    }

    private static PlannedStop withMovements(PlannedStop stop, List<Movement> movements) {
        return new PlannedStop(stop.siteId(), stop.arrival(), stop.serviceStart(), stop.departure(), movements);
    }

    private static Allocation copy(Allocation a, LocalDate servingDay, long grams, boolean planned) {
        return new Allocation(a.parcelId(), a.lotId(), a.recipientId(), servingDay, grams, planned);
    }

    private static List<String> messages(CheckReport report, ViolationKind kind) {
        return report.violations(kind).stream().map(Violation::message).toList();
    }

    @Test
    void theSolversPlanIsFeasibleAndShowsEveryStopWithItsPassingFood() {
        assertThat(original.violations()).isEmpty();
        long passes = plan.trips().stream().flatMap(t -> t.stops().stream()).flatMap(s -> s.movements().stream())
                .filter(m -> m.kind() == MovementKind.PASS).count();
        assertThat(passes).as("PASS movements in the demo plan").isPositive();
        assertThat(plan.trips()).allSatisfy(t -> assertThat(t.stops()).allSatisfy(
                s -> assertThat(s.movements()).isNotEmpty()));
    }

    @Test
    void foodUnloadedAtARecipientAndLoadedAgainIsRejectedAndNotCountedTwice() {
        for (int t = 0; t < plan.trips().size(); t++) {
            PlannedTrip trip = plan.trips().get(t);
            for (int i = 0; i + 1 < trip.stops().size(); i++) {
                PlannedStop here = trip.stops().get(i);
                PlannedStop next = trip.stops().get(i + 1);
                Optional<Movement> unload = here.movements().stream().filter(m -> m.kind() == MovementKind.UNLOAD).findFirst();
                if (!isRecipient(here.siteId()) || !isRecipient(next.siteId()) || unload.isEmpty()) {
                    continue;
                }
                Movement m = unload.get();
                List<Movement> hereAfter = new ArrayList<>(here.movements());
                hereAfter.add(new Movement(MovementKind.LOAD, m.lotId(), m.temperature(), m.grams(), m.parcelId(), m.recipientId()));
                List<Movement> nextAfter = new ArrayList<>(next.movements());
                nextAfter.add(new Movement(MovementKind.UNLOAD, m.lotId(), m.temperature(), m.grams(), m.parcelId(), m.recipientId()));
                PlannedTrip mutant = withStop(withStop(trip, i, withMovements(here, hereAfter)), i + 1,
                        withMovements(next, nextAfter));

                CheckReport report = PlanChecker.check(network, withTrip(t, mutant));

                assertThat(messages(report, ViolationKind.FOOD_PATH)).anySatisfy(s -> assertThat(s).contains("at a recipient"));
                assertThat(report.plannedGrams()).isEqualTo(original.plannedGrams());
                return;
            }
        }
        throw new AssertionError("no trip with two recipient stops in a row");
    }

    @Test
    void aServingDayAfterTheLotsLastDeliveryDayIsRejected() {
        for (Allocation a : plan.allocations()) {
            DonationLot lot = network.lotsById().get(a.lotId());
            LocalDate last = network.settings().lastDeliveryDay(lot);
            Optional<LocalDate> later = need(a.recipientId()).servingDays().stream().filter(d -> d.isAfter(last)).findFirst();
            if (later.isEmpty()) {
                continue;
            }
            CheckReport report = PlanChecker.check(network, withParcel(a.parcelId(),
                    p -> copy(p, later.get(), p.grams(), p.planned())));

            assertThat(messages(report, ViolationKind.PARCEL)).singleElement().asString()
                    .contains(a.parcelId(), "after the lot's last delivery day " + last);
            return;
        }
        throw new AssertionError("no parcel whose recipient serves after its lot's last delivery day");
    }

    @Test
    void aServingDayThatIsNotTheRecipientsIsRejected() {
        Allocation a = plan.allocations().stream().filter(p -> !p.planned()).findFirst().orElseThrow();
        LocalDate day = a.servingDay().minusDays(1);
        while (need(a.recipientId()).servingDays().contains(day)) {
            day = day.minusDays(1);
        }
        LocalDate notServing = day;
        CheckReport report = PlanChecker.check(network, withParcel(a.parcelId(), p -> copy(p, notServing, p.grams(), false)));

        assertThat(messages(report, ViolationKind.PARCEL)).anySatisfy(
                s -> assertThat(s).contains(a.parcelId(), "not one of the serving days"));
    }

    @Test
    void aPlannedFlagThatDoesNotMatchTheTripsIsRejected() {
        Allocation delivered = plan.allocations().stream().filter(Allocation::planned).findFirst().orElseThrow();
        Allocation notDelivered = plan.allocations().stream().filter(p -> !p.planned()).findFirst().orElseThrow();

        CheckReport saysNo = PlanChecker.check(network, withParcel(delivered.parcelId(),
                p -> copy(p, p.servingDay(), p.grams(), false)));
        CheckReport saysYes = PlanChecker.check(network, withParcel(notDelivered.parcelId(),
                p -> copy(p, p.servingDay(), p.grams(), true)));

        assertThat(messages(saysNo, ViolationKind.PARCEL)).singleElement().asString()
                .contains(delivered.parcelId(), "marked not planned");
        assertThat(messages(saysYes, ViolationKind.PARCEL)).singleElement().asString()
                .contains(notDelivered.parcelId(), "marked planned", "unload 0 kg");
    }

    @Test
    void parcelsAddingUpToMoreThanTheLotAreRejected() {
        java.util.Set<String> moved = new java.util.HashSet<>();
        plan.trips().forEach(t -> t.stops().forEach(s -> s.movements().forEach(m -> moved.add(m.parcelId()))));
        Allocation a = plan.allocations().stream().filter(p -> !p.planned() && !moved.contains(p.parcelId()))
                .findFirst().orElseThrow();
        DonationLot lot = network.lotsById().get(a.lotId());

        CheckReport report = PlanChecker.check(network, withParcel(a.parcelId(),
                p -> copy(p, p.servingDay(), p.grams() + lot.grams(), false)));

        assertThat(messages(report, ViolationKind.PARCEL)).singleElement().asString().contains(lot.id(), "add up to");
    }

    @Test
    void stockLoadedAtTheHubOrADepotAfterItWasDiscardedIsRejected() {
        // one change to the network: the lot's use-by date moves to the day before a trip loads it at a depot/the hub
        for (PlannedTrip trip : plan.trips()) {
            for (PlannedStop stop : trip.stops()) {
                Site site = sites().get(stop.siteId());
                if (!site.role().stores()) {
                    continue;
                }
                for (Movement m : stop.movements()) {
                    DonationLot lot = network.lotsById().get(m.lotId());
                    if (m.kind() != MovementKind.LOAD || !lot.availableFrom().isBefore(trip.date())) {
                        continue;
                    }
                    DonationLot shorter = new DonationLot(lot.id(), lot.donorId(), lot.siteId(), lot.category(),
                            lot.temperature(), lot.grams(), trip.date().minusDays(1), ExpiryKind.USE_BY,
                            lot.availableFrom(), lot.earmarkedFor());
                    List<DonationLot> lots = network.lots().stream().map(l -> l.id().equals(lot.id()) ? shorter : l).toList();
                    Network mutant = new Network(network.name(), network.settings(), network.sites(), network.needs(), lots,
                            network.vehicles(), network.drivers(), network.travelMatrix());

                    CheckReport report = PlanChecker.check(mutant, plan);

                    assertThat(messages(report, ViolationKind.STOCK)).anySatisfy(
                            s -> assertThat(s).contains(lot.id(), "discarded at the end of its last delivery day"));
                    return;
                }
            }
        }
        throw new AssertionError("no load of stock at the hub or a depot after the day it is there from");
    }

    @Test
    void aHopThatSkipsTheHubIsRejected() {
        assertThat(network.settings().allowDonorToDepot()).isFalse();
        for (int t = 0; t < plan.trips().size(); t++) {
            PlannedTrip trip = plan.trips().get(t);
            for (int i = 0; i < trip.stops().size(); i++) {
                PlannedStop stop = trip.stops().get(i);
                if (sites().get(stop.siteId()).role() != SiteRole.HUB) {
                    continue;
                }
                for (Movement m : stop.movements()) {
                    DonationLot lot = network.lotsById().get(m.lotId());
                    if (m.kind() != MovementKind.PASS || sites().get(lot.siteId()).role() != SiteRole.DONOR) {
                        continue;
                    }
                    List<Movement> rest = new ArrayList<>(stop.movements());
                    rest.remove(m);
                    PlannedTrip mutant = withStop(trip, i, rest.isEmpty() ? null : withMovements(stop, rest));

                    CheckReport report = PlanChecker.check(network, withTrip(t, mutant));

                    assertThat(messages(report, ViolationKind.FOOD_PATH)).singleElement().asString()
                            .contains(m.parcelId(), lot.siteId() + " -> ");
                    return;
                }
            }
        }
        throw new AssertionError("no donor food passing the hub on the trip that carries it on");
    }

    @Test
    void passingFoodMustBeOnBoard() {
        for (int t = 0; t < plan.trips().size(); t++) {
            PlannedTrip trip = plan.trips().get(t);
            for (int i = 0; i < trip.stops().size(); i++) {
                PlannedStop stop = trip.stops().get(i);
                for (Movement m : stop.movements()) {
                    if (m.kind() != MovementKind.PASS) {
                        continue;
                    }
                    List<Movement> changed = new ArrayList<>(stop.movements());
                    changed.set(changed.indexOf(m), new Movement(MovementKind.PASS, m.lotId(), m.temperature(),
                            m.grams() + 1, m.parcelId(), m.recipientId()));

                    CheckReport report = PlanChecker.check(network, withTrip(t, withStop(trip, i, withMovements(stop, changed))));

                    assertThat(messages(report, ViolationKind.UNLOAD_NOT_ON_BOARD)).singleElement().asString()
                            .contains(m.parcelId(), "passes");
                    return;
                }
            }
        }
        throw new AssertionError("no PASS movement");
    }

    @Test
    void twoDriversUsingOneVehicleAtOverlappingTimesAreRejected() {
        for (int a = 0; a < plan.trips().size(); a++) {
            for (int b = 0; b < plan.trips().size(); b++) {
                PlannedTrip x = plan.trips().get(a);
                PlannedTrip y = plan.trips().get(b);
                if (x.driverId().equals(y.driverId()) || !x.start().isBefore(y.end()) || !y.start().isBefore(x.end())) {
                    continue;
                }
                PlannedTrip mutant = new PlannedTrip(y.id(), y.driverId(), x.vehicleId(), y.date(), y.start(), y.end(), y.stops());

                CheckReport report = PlanChecker.check(network, withTrip(b, mutant));

                assertThat(messages(report, ViolationKind.VEHICLE_SHARED)).singleElement().asString()
                        .contains(x.id(), y.id(), x.vehicleId());
                return;
            }
        }
        throw new AssertionError("no two trips of different drivers at the same time");
    }

    @Test
    void aTripDatedOutsideThePlansMonthIsRejected() {
        PlannedTrip trip = plan.trips().get(0);
        PlannedTrip mutant = new PlannedTrip(trip.id(), trip.driverId(), trip.vehicleId(), trip.date().plusMonths(1),
                trip.start(), trip.end(), trip.stops());

        CheckReport report = PlanChecker.check(network, withTrip(0, mutant));

        assertThat(messages(report, ViolationKind.OUTSIDE_MONTH)).singleElement().asString().contains(trip.id());
    }

    private static RecipientNeed need(String recipientId) {
        return network.needs().stream().filter(n -> n.recipientId().equals(recipientId)).findFirst().orElseThrow();
    }
}
