package org.foodnet.solver.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.foodnet.solver.ClassFulfilment;
import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.travel.Travel;
import org.junit.jupiter.api.Test;

/**
 * The allocator's day rule for the last two hops (docs/planning-rules.md, "Who gets what"). In demo seed 2,
 * cafeteria caf-036 serves only on Sunday 13 December and is open on Sundays and Mondays; its depot
 * (depot-chizu) is closed at weekends. Chilled food lives about a week, so the only way to it is hub → depot →
 * cafeteria in one go on Monday 7 December, held until the Sunday (rule 9): the delivery on a later day than the
 * hop before it leaves it nothing.
 */
class AllocatorTest {

    private static final String CAFETERIA = "caf-036";

    @Test
    void aRecipientReachableOnlyByTheLastTwoHopsOnOneDayStillGetsItsShare() {
        Network network = DemoNetworkGenerator.generate(2, 1);
        Site cafeteria = network.sitesById().get(CAFETERIA);
        Site depot = network.sitesById().get("depot-chizu");
        // the situation the test is about (the demo generator could change)
        assertThat(depot.openOn(LocalDate.of(2026, 12, 12))).isEmpty();
        assertThat(depot.openOn(LocalDate.of(2026, 12, 13))).isEmpty();
        assertThat(cafeteria.openingHours().byWeekday().keySet()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);

        List<Share> chilled = new Allocator(network, new FoodPaths(network, Travel.of(network))).allocate().stream()
                .filter(s -> s.recipient().id().equals(CAFETERIA) && s.lot().temperature() == TemperatureClass.CHILLED)
                .toList();

        assertThat(chilled).isNotEmpty();
        for (Share s : chilled) {
            assertThat(s.servingDay()).isEqualTo(LocalDate.of(2026, 12, 13));
            // it can be at the cafeteria on Monday 7 December and is still good on the serving day
            assertThat(s.lot().availableFrom()).isBeforeOrEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(network.settings().lastDeliveryDay(s.lot())).isAfterOrEqualTo(s.servingDay());
        }
        long grams = chilled.stream().mapToLong(Share::grams).sum();
        assertThat(grams).isLessThanOrEqualTo(cafeteria.storageCapacity().get(TemperatureClass.CHILLED));
    }

    @Test
    void theFirstPlanDeliversThatShareAndPassesTheChecker() {
        Network network = DemoNetworkGenerator.generate(2, 1);
        SolveResult result = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofMinutes(10)).withStepLimit(1), null);

        assertThat(PlanChecker.check(network, result.plan()).violations()).isEmpty();
        long delivered = ClassFulfilment.of(network, result.plan()).deliveredGrams().get(CAFETERIA).get(TemperatureClass.CHILLED);
        assertThat(delivered).isPositive();
    }
    @Test
    void onlyRecipientsNoLotReachesTheUsualWayGetFoodWhoseLastTwoHopsShareADay() {
        for (int seed = 1; seed <= 3; seed++) {
            Network network = DemoNetworkGenerator.generate(seed, 1);
            FoodPaths paths = new FoodPaths(network, Travel.of(network));
            Allocator allocator = new Allocator(network, paths);
            List<Share> shares = allocator.allocate();
            var settings = network.settings();
            java.util.Set<String> reachable = new java.util.HashSet<>();
            for (var need : network.needs()) {
                Site r = network.sitesById().get(need.recipientId());
                for (var lot : network.lots()) {
                    if (lot.earmarkedFor() != null || need.monthlyNeed().get(lot.temperature()) <= 0) {
                        continue;
                    }
                    LocalDate first = lot.availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : lot.availableFrom();
                    LocalDate last = settings.lastDeliveryDay(lot).isAfter(settings.lastDay()) ? settings.lastDay()
                            : settings.lastDeliveryDay(lot);
                    var path = paths.path(lot, r);
                    LocalDate arrival = last.isBefore(first) || path.isEmpty() ? null
                            : allocator.earliestArrival(lot, path.get(), first, last);
                    if (arrival != null && need.servingDays().stream().anyMatch(d -> !d.isBefore(arrival) && !d.isAfter(last))) {
                        reachable.add(r.id() + "|" + lot.temperature());
                    }
                }
            }
            int usual = 0;
            for (Share s : shares) {
                if (s.lot().earmarkedFor() != null) {
                    continue;
                }
                LocalDate first = s.lot().availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : s.lot().availableFrom();
                LocalDate arrival = allocator.earliestArrival(s.lot(), paths.path(s.lot(), s.recipient()).orElseThrow(),
                        first, s.servingDay());
                if (arrival == null) {
                    assertThat(reachable).as("seed %d: %s's %s share of %s needs its last two hops on one day", seed,
                            s.recipient().id(), s.lot().temperature(), s.lot().id())
                            .doesNotContain(s.recipient().id() + "|" + s.lot().temperature());
                } else {
                    usual++;
                }
            }
            assertThat(usual).isGreaterThan(shares.size() / 2);
        }
    }

    /**
     * The allocator gives a share to exactly the recipients and classes {@link Allocator#unreachableNeeds} does not
     * list. Demo seed 14 as drawn (before the generator's repair) had cafeterias caf-007 and caf-012 open on Fridays
     * to Sundays (caf-012 Fridays and Saturdays) only and their depot (depot-tottori) on weekdays only, so their
     * frozen food needed a Friday, and no volunteer with a freezer box who drives on a Friday can get from home to
     * the depot, on to the cafeteria and home again within their slot and longest day; caf-001 here has no freezer.
     */
    @Test
    void theNeedsNoLotCanReachAreExactlyThoseWithoutAShareAndSayWhy() {
        Network drawn = DemoNetworkGenerator.generate(14, 1);
        var fridayToSunday = new java.util.EnumMap<DayOfWeek, org.foodnet.solver.domain.TimeWindow>(DayOfWeek.class);
        var window = drawn.sitesById().get("caf-007").openingHours().on(DayOfWeek.SUNDAY).orElseThrow();
        for (DayOfWeek d : List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)) {
            fridayToSunday.put(d, window);
        }
        List<Site> sites = new java.util.ArrayList<>();
        for (Site s : drawn.sites()) {
            if (s.id().equals("caf-007")) {
                s = s.withOpeningHours(new org.foodnet.solver.domain.OpeningHours(fridayToSunday));
            } else if (s.id().equals("caf-001")) {
                s = s.withStorageCapacity(s.storageCapacity().with(TemperatureClass.FROZEN, 0));
            }
            sites.add(s);
        }
        Network network = new Network(drawn.name(), drawn.settings(), sites, drawn.needs(), drawn.lots(),
                drawn.vehicles(), drawn.drivers(), null);
        FoodPaths paths = new FoodPaths(network, Travel.of(network));
        List<UnreachableNeed> unreachable = new Allocator(network, paths).unreachableNeeds();
        assertThat(unreachable).extracting(u -> u.recipientId() + "|" + u.temperature() + "|" + u.reason())
                .containsExactly("caf-001|FROZEN|NO_STORAGE", "caf-007|FROZEN|LAST_HOP");
        assertThat(unreachable.get(1).detail()).contains("depot-tottori → caf-007").contains("FROZEN");
        assertThat(unreachable.get(1).needGrams())
                .isEqualTo(network.needs().stream().filter(n -> n.recipientId().equals("caf-007")).findFirst()
                        .orElseThrow().monthlyNeed().get(TemperatureClass.FROZEN));

        java.util.Set<String> served = new java.util.HashSet<>();
        for (Share s : new Allocator(network, paths).allocate()) {
            served.add(s.recipient().id() + "|" + s.lot().temperature());
        }
        java.util.Set<String> none = new java.util.HashSet<>();
        for (var need : network.needs()) {
            for (TemperatureClass c : TemperatureClass.values()) {
                if (need.monthlyNeed().get(c) > 0 && !served.contains(need.recipientId() + "|" + c)) {
                    none.add(need.recipientId() + "|" + c);
                }
            }
        }
        assertThat(none).containsExactlyInAnyOrder("caf-001|FROZEN", "caf-007|FROZEN");
        assertThat(new Allocator(network, paths).underSuppliedNeeds()).contains("caf-001|FROZEN", "caf-007|FROZEN");
        // only those asked about are looked at
        assertThat(new Allocator(network, paths).unreachableNeeds((r, c) -> r.equals("caf-001"))).hasSize(1);
    }

    /**
     * Demo networks as generated leave no need unreachable or under-supplied (the generator widens a cafeteria's
     * receiving days where the drawn ones leave a need that the lots able to reach it cannot fill): every recipient
     * and class with a need gets a share.
     */
    @Test
    void everyNeedOfAGeneratedNetworkIsReachableAndGetsAShare() {
        for (int seed = 9; seed <= 24; seed++) {
            Network network = DemoNetworkGenerator.generate(seed, 1);
            FoodPaths paths = new FoodPaths(network, Travel.of(network));
            assertThat(new Allocator(network, paths).unreachableNeeds()).as("seed %d", seed).isEmpty();
            assertThat(new Allocator(network, paths).underSuppliedNeeds()).as("seed %d", seed).isEmpty();
            java.util.Set<String> served = new java.util.HashSet<>();
            for (Share s : new Allocator(network, paths).allocate()) {
                served.add(s.recipient().id() + "|" + s.lot().temperature());
            }
            for (var need : network.needs()) {
                for (TemperatureClass c : TemperatureClass.values()) {
                    if (need.monthlyNeed().get(c) > 0) {
                        assertThat(served).as("seed %d", seed).contains(need.recipientId() + "|" + c);
                    }
                }
            }
        }
    }
}
