package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.check.PlanBuilder.at;
import static org.foodnet.solver.check.TestNetwork.DEPOT;
import static org.foodnet.solver.check.TestNetwork.DUMPLINGS;
import static org.foodnet.solver.check.TestNetwork.HUB;
import static org.foodnet.solver.check.TestNetwork.ICE_CREAM;
import static org.foodnet.solver.check.TestNetwork.R1;
import static org.foodnet.solver.check.TestNetwork.SATO;
import static org.foodnet.solver.check.TestNetwork.dec;

import java.util.List;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Test;

/**
 * Rule 8 at the depot's 30 kg freezer (and the hub's): 16 kg of ice cream and 15 kg of dumplings (use-by
 * 20 December) from the hub's stock, 1 kg more than the freezer holds when together.
 */
class StorageLevelTest {

    private final Network network = TestNetwork.standard();
    private final PlanBuilder b = new PlanBuilder(network)
            .parcel("p-ice", ICE_CREAM, R1, dec(10), 16)
            .parcel("p-dumplings", DUMPLINGS, R1, dec(10), 15);

    private PlannedTrip iceToDepot(int day, String start) {
        return b.trip("t-ice-" + day, SATO, dec(day), start, at(HUB, b.load("p-ice", 16)), at(DEPOT, b.unload("p-ice", 16)));
    }

    private PlannedTrip dumplingsToDepot(int day, String start) {
        return b.trip("t-dumplings-" + day, SATO, dec(day), start,
                at(HUB, b.load("p-dumplings", 15)), at(DEPOT, b.unload("p-dumplings", 15)));
    }

    private PlannedTrip iceFromDepotToCafeteria(int day) {
        return b.trip("t-last-mile-" + day, SATO, dec(day), "08:00",
                at(DEPOT, b.load("p-ice", 16)), at(R1, b.unload("p-ice", 16)));
    }

    @Test
    void flagsTwoDeliveriesToTheDepotOnOneDayThatExceedTheFreezerByOneKilo() {
        CheckReport report = PlanChecker.check(network, b.plan(iceToDepot(7, "08:00"), dumplingsToDepot(7, "12:00")));

        assertThat(report.countByKind().keySet()).as("%s", report.violations()).containsExactly(ViolationKind.STORAGE_CAPACITY);
        assertThat(report.violations().get(0).message())
                .contains("ハブ拠点 若桜 (depot-wakasa)", "2026-12-07", "31 kg frozen", "0 kg in stock at 00:00",
                        "31 kg unloaded that day", "freezer holds 30 kg");
        // Nothing is loaded out again: too full every day until the dumplings' use-by day ends.
        assertThat(report.violations()).hasSize(14);
        assertThat(report.violations().get(13).message()).contains("2026-12-20", "31 kg in stock at 00:00");
    }

    @Test
    void acceptsTheSameDeliveriesOnDifferentDaysWithTheFirstLoadedOutInBetween() {
        CheckReport report = PlanChecker.check(network,
                b.plan(iceToDepot(7, "08:00"), iceFromDepotToCafeteria(8), dumplingsToDepot(9, "08:00")));

        assertThat(report.violations()).isEmpty();
    }

    @Test
    void countsFoodInStockAtMidnightEvenWhenItIsLoadedOutThatDay() {
        CheckReport report = PlanChecker.check(network,
                b.plan(iceToDepot(7, "08:00"), iceFromDepotToCafeteria(8), dumplingsToDepot(8, "13:00")));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.STORAGE_CAPACITY);
            assertThat(v.message()).contains("2026-12-08", "16 kg in stock at 00:00 + 15 kg unloaded that day");
        });
    }

    @Test
    void countsHubStockFromDayOneUntilItsLastDeliveryDay() {
        Network smallHub = TestNetwork.tottori().hubStorage(500, 200, 30).build();

        CheckReport report = PlanChecker.check(smallHub, new PlanBuilder(smallHub).plan());

        // 31 kg of ice cream and dumplings, in stock since November, from 1 December until the dumplings'
        // use-by day (20 December) ends.
        List<Violation> violations = report.violations();
        assertThat(violations).hasSize(20).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.STORAGE_CAPACITY);
            assertThat(v.message()).contains("ロジ拠点 鳥取 (hub-tottori)", "31 kg frozen");
        });
        assertThat(violations.get(0).message()).contains("2026-12-01");
        assertThat(violations.get(19).message()).contains("2026-12-20");
    }

    @Test
    void acceptsFoodThatFillsTheFreezerExactly() {
        Network bigFreezer = TestNetwork.tottori().depotStorage(200, 50, 31).build();
        PlanBuilder builder = new PlanBuilder(bigFreezer)
                .parcel("p-ice", ICE_CREAM, R1, dec(10), 16)
                .parcel("p-dumplings", DUMPLINGS, R1, dec(10), 15);
        PlannedTrip ice = builder.trip("t-ice", SATO, dec(7), "08:00",
                at(HUB, builder.load("p-ice", 16)), at(DEPOT, builder.unload("p-ice", 16)));
        PlannedTrip dumplings = builder.trip("t-dumplings", SATO, dec(7), "12:00",
                at(HUB, builder.load("p-dumplings", 15)), at(DEPOT, builder.unload("p-dumplings", 15)));

        assertThat(PlanChecker.check(bigFreezer, builder.plan(ice, dumplings)).violations()).isEmpty();
    }
}
