package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.junit.jupiter.api.Test;

/** A month at ten times Tottori's size: 2,500 trips and 50,000 movements are checked without a violation (the time is printed). */
class ScaleTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 12);
    private static final int DONORS = 10;
    private static final int DRIVERS = 100;
    private static final int TRIPS = 2_500;
    private static final int LOTS_PER_TRIP = 10;

    @Test
    void checksTwoThousandFiveHundredTripsAndFiftyThousandMovementsQuickly() {
        Network network = bigNetwork();
        PlanBuilder b = new PlanBuilder(network);
        List<org.foodnet.solver.plan.PlannedTrip> trips = new ArrayList<>();
        for (int k = 0; k < TRIPS; k++) {
            List<org.foodnet.solver.plan.Movement> loads = new ArrayList<>();
            List<org.foodnet.solver.plan.Movement> unloads = new ArrayList<>();
            for (int m = 0; m < LOTS_PER_TRIP; m++) {
                String parcel = "p-" + (k * LOTS_PER_TRIP + m);
                b.parcel(parcel, "lot-" + (k * LOTS_PER_TRIP + m), "recipient", MONTH.atDay(31), 1);
                loads.add(b.load(parcel, 1));
                unloads.add(b.unload(parcel, 1));
            }
            trips.add(b.trip("t-" + k, "driver-" + (k % DRIVERS), MONTH.atDay(k / DRIVERS + 1), "07:00",
                    new PlanBuilder.StopSpec("donor-" + (k % DONORS), loads, null),
                    new PlanBuilder.StopSpec("hub", unloads, null)));
        }
        var plan = b.plan(trips.toArray(org.foodnet.solver.plan.PlannedTrip[]::new));

        PlanChecker.check(network, plan); // warm-up
        long started = System.nanoTime();
        CheckReport report = PlanChecker.check(network, plan);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(plan.trips().stream().mapToInt(t -> t.stops().stream().mapToInt(s -> s.movements().size()).sum()).sum())
                .isEqualTo(50_000);
        assertThat(report.violations()).isEmpty();
        assertThat(report.trips()).isEqualTo(TRIPS);
        // reported, not asserted (tests do not time things; a loaded machine would make a limit flaky)
        System.out.printf("[scale] checking %d trips with 50,000 movements took %d ms%n", report.trips(), millis);
    }

    private static Network bigNetwork() {
        OpeningHours longDays = OpeningHours.everyDay(TimeWindow.of("06:00", "22:00"));
        List<Site> sites = new ArrayList<>();
        sites.add(new Site("hub", "ロジ拠点", SiteKind.LOGISTICS_HUB, "", "", "", new GeoPoint(35.50, 134.23), longDays,
                Set.of(), 300, ClassAmounts.ofKg(1_000_000, 1_000_000, 1_000_000), null));
        sites.add(new Site("recipient", "地域食堂", SiteKind.COMMUNITY_CAFETERIA, "", "", "", new GeoPoint(35.45, 134.25),
                longDays, Set.of(), 300, ClassAmounts.ofKg(1000, 1000, 1000), null));
        for (int d = 0; d < DONORS; d++) {
            sites.add(new Site("donor-" + d, "スーパー " + d, SiteKind.SUPERMARKET, "", "", "",
                    new GeoPoint(35.40 + d * 0.01, 134.20 + d * 0.01), longDays, Set.of(), 300, ClassAmounts.ZERO, null));
        }
        List<DonationLot> lots = new ArrayList<>();
        for (int j = 0; j < TRIPS * LOTS_PER_TRIP; j++) {
            lots.add(new DonationLot("lot-" + j, "donor-" + (j / LOTS_PER_TRIP) % DONORS, "donor-" + (j / LOTS_PER_TRIP) % DONORS,
                    "rice", TemperatureClass.AMBIENT, 1000, LocalDate.of(2027, 3, 1), ExpiryKind.BEST_BEFORE, MONTH.atDay(1), null));
        }
        List<Vehicle> vehicles = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < DRIVERS; i++) {
            vehicles.add(new Vehicle("vehicle-" + i, null, ClassAmounts.ofKg(1000, 1000, 1000)));
            List<AvailabilitySlot> slots = new ArrayList<>();
            for (int day = 1; day <= MONTH.lengthOfMonth(); day++) {
                slots.add(new AvailabilitySlot(MONTH.atDay(day), LocalTime.of(6, 0), LocalTime.of(22, 0)));
            }
            drivers.add(new Driver("driver-" + i, "ボランティア " + i, "", new GeoPoint(35.38 + (i % 20) * 0.01, 134.18 + (i / 20) * 0.01),
                    960, "vehicle-" + i, slots));
        }
        List<RecipientNeed> needs = List.of(new RecipientNeed("recipient", ClassAmounts.ofKg(30_000, 0, 0),
                List.of(MONTH.atDay(31))));
        return new Network("10x", PlanningSettings.defaults(MONTH), sites, needs, lots, vehicles, drivers, null);
    }
}
