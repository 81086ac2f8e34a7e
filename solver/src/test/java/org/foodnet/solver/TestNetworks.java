package org.foodnet.solver;

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

/** A small hand-made network in Tottori for solver tests: 1 hub, 2 depots, 4 recipients, 2 donors. */
public final class TestNetworks {

    public static final YearMonth MONTH = YearMonth.of(2026, 12);

    private TestNetworks() {
    }

    public static LocalDate day(int d) {
        return MONTH.atDay(d);
    }

    /** The demo month (seed 1, scale 1) as the greedy construction plans it, one local-search step after. */
    public static org.foodnet.solver.model.MonthPlan constructedDemo() {
        Network network = org.foodnet.solver.demo.DemoNetworkGenerator.generate(1, 1);
        SolveOptions options = SolveOptions.of(java.time.Duration.ofSeconds(30)).withStepLimit(1);
        return org.optaplanner.core.api.solver.SolverFactory.<org.foodnet.solver.model.MonthPlan>create(
                FoodnetSolver.solverConfig(options)).buildSolver().solve(FoodnetSolver.model(network, options));
    }

    public static Network small() {
        OpeningHours office = OpeningHours.everyDay(TimeWindow.of("09:00", "17:00"));
        List<Site> sites = List.of(
                site("hub", "ロジ拠点 鳥取", SiteKind.LOGISTICS_HUB, 35.4950, 134.2250, office, ClassAmounts.ofKg(2000, 400, 300), null),
                site("depot-tottori", "ハブ拠点 鳥取", SiteKind.HUB_DEPOT, 35.5100, 134.2400, office, ClassAmounts.ofKg(500, 100, 80), null),
                site("depot-yazu", "ハブ拠点 八頭", SiteKind.HUB_DEPOT, 35.4105, 134.2508, office, ClassAmounts.ofKg(500, 100, 80), null),
                site("caf-1", "こども食堂 ひまわり", SiteKind.COMMUNITY_CAFETERIA, 35.5200, 134.2200, office, ClassAmounts.ofKg(100, 30, 20), "depot-tottori"),
                site("caf-2", "地域食堂 さくら", SiteKind.COMMUNITY_CAFETERIA, 35.4900, 134.2600, office, ClassAmounts.ofKg(100, 30, 20), "depot-tottori"),
                site("caf-3", "こども食堂 やず", SiteKind.COMMUNITY_CAFETERIA, 35.4000, 134.2600, office, ClassAmounts.ofKg(100, 30, 20), "depot-yazu"),
                site("fac-1", "母子支援施設 あおば", SiteKind.MOTHER_CHILD_FACILITY, 35.4200, 134.2300, office, ClassAmounts.ofKg(100, 30, 20), "depot-yazu"),
                site("donor-1", "スーパー 駅前", SiteKind.SUPERMARKET, 35.5000, 134.2330, office, ClassAmounts.ZERO, null),
                site("donor-2", "農家 田中", SiteKind.FARM, 35.4500, 134.2500, office, ClassAmounts.ZERO, null));
        List<RecipientNeed> needs = List.of(
                new RecipientNeed("caf-1", ClassAmounts.ofKg(40, 10, 10), List.of(day(10), day(20))),
                new RecipientNeed("caf-2", ClassAmounts.ofKg(40, 10, 10), List.of(day(12))),
                new RecipientNeed("caf-3", ClassAmounts.ofKg(40, 10, 10), List.of(day(15))),
                new RecipientNeed("fac-1", ClassAmounts.ofKg(40, 10, 10), List.of(day(8), day(22))));
        List<DonationLot> lots = List.of(
                lot("lot-1", "donor-1", "donor-1", "rice", TemperatureClass.AMBIENT, 60, day(31), day(3)),
                lot("lot-2", "donor-2", "donor-2", "vegetables", TemperatureClass.CHILLED, 20, day(14), day(6)),
                lot("lot-3", "donor-1", "donor-1", "meat", TemperatureClass.FROZEN, 25, day(31), day(4)),
                lot("lot-4", "hub", "hub", "canned", TemperatureClass.AMBIENT, 50, day(31), day(1)),
                lot("lot-5", "donor-1", "donor-1", "dairy", TemperatureClass.CHILLED, 15, day(21), day(16)));
        List<Vehicle> vehicles = List.of(
                new Vehicle("veh-1", "軽バン 1", ClassAmounts.ofKg(300, 40, 30)),
                new Vehicle("veh-2", "軽バン 2", ClassAmounts.ofKg(300, 40, 0)),
                new Vehicle("veh-3", "乗用車 3", ClassAmounts.ofKg(150, 30, 20)));
        List<Driver> drivers = new ArrayList<>();
        drivers.add(driver("drv-1", "佐藤 花子", 35.5050, 134.2300, "veh-1", 240, 3, 5, 7, 9, 11, 14, 16, 18, 19, 21));
        drivers.add(driver("drv-2", "鈴木 一郎", 35.4150, 134.2450, "veh-2", 180, 4, 6, 8, 10, 13, 15, 17, 20));
        drivers.add(driver("drv-3", "高橋 恵", 35.4980, 134.2280, "veh-3", 300, 2, 7, 9, 12, 14, 19, 21, 22));
        return new Network("test-small", PlanningSettings.defaults(MONTH), sites, needs, lots, vehicles, drivers, null);
    }

    static Site site(String id, String name, SiteKind kind, double lat, double lon, OpeningHours hours,
                     ClassAmounts storage, String depot) {
        return new Site(id, name, kind, "鳥取市", "鳥取県鳥取市", "0857-00-0000", new GeoPoint(lat, lon), hours, Set.of(),
                600, storage, depot);
    }

    static DonationLot lot(String id, String donor, String at, String category, TemperatureClass t, double kg,
                           LocalDate expiry, LocalDate from) {
        return new DonationLot(id, donor, at, category, t, Math.round(kg * 1000), expiry,
                t == TemperatureClass.AMBIENT ? ExpiryKind.BEST_BEFORE : ExpiryKind.USE_BY, from, null);
    }

    static Driver driver(String id, String name, double lat, double lon, String vehicle, int maxMinutes, int... days) {
        List<AvailabilitySlot> slots = new ArrayList<>();
        for (int d : days) {
            slots.add(new AvailabilitySlot(day(d), LocalTime.of(9, 0), LocalTime.of(14, 0)));
        }
        return new Driver(id, name, "090-0000-0000", new GeoPoint(lat, lon), maxMinutes, vehicle, slots);
    }
}
