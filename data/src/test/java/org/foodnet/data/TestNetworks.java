package org.foodnet.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * A small but complete network, hand-made so that every field is set: every site kind, closed dates, serving
 * depots, multiple slots, lots at donors, hub and depot, an earmarked lot, use-by and best-before dates.
 */
public final class TestNetworks {

    public static final YearMonth MONTH = YearMonth.of(2026, 12);

    private TestNetworks() {
    }

    public static Network rich() {
        return rich(MONTH);
    }

    public static Network rich(YearMonth month) {
        PlanningSettings settings = new PlanningSettings(month, ZoneId.of("Asia/Tokyo"), 1.35, 32.5, true, false, true, 3);
        TimeWindow office = TimeWindow.of("09:00", "17:30");
        LocalDate d1 = month.atDay(1);
        List<Site> sites = List.of(
                new Site("hub", "鳥取ロジ拠点", SiteKind.LOGISTICS_HUB, "鳥取市", "鳥取市吉方温泉3-1", "0857-00-0001",
                        new GeoPoint(35.5011, 134.2351), OpeningHours.everyDay(TimeWindow.of("08:00", "19:00")),
                        Set.of(d1.plusDays(24), d1.plusDays(30)), 900, ClassAmounts.ofKg(2000, 400.5, 150.25), null),
                new Site("depot-kurayoshi", "倉吉ハブ", SiteKind.HUB_DEPOT, "倉吉市", "倉吉市駄経寺町", "0858-00-0002",
                        new GeoPoint(35.4300, 133.8250), OpeningHours.weekdays(office, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), Set.of(d1.plusDays(28)), 600,
                        ClassAmounts.ofKg(500, 120, 60), null),
                new Site("depot-yonago", "米子ハブ", SiteKind.HUB_DEPOT, "米子市", "米子市加茂町", "",
                        new GeoPoint(35.4281, 133.3309), OpeningHours.weekdays(TimeWindow.of("10:00", "16:00"),
                        DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), 600, ClassAmounts.ofKg(300, 80, 0), null),
                new Site("caf-001", "こども食堂ひまわり", SiteKind.COMMUNITY_CAFETERIA, "倉吉市", "倉吉市福庭町", "090-0000-0001",
                        new GeoPoint(35.4412, 133.8093), new OpeningHours(Map.of(DayOfWeek.WEDNESDAY, TimeWindow.of("15:00", "19:00"),
                        DayOfWeek.SATURDAY, TimeWindow.of("10:30", "13:00"))), Set.of(d1.plusDays(22)), 300,
                        ClassAmounts.ofKg(40, 15.5, 5), "depot-kurayoshi"),
                new Site("mcf-001", "母子生活支援施設あおば", SiteKind.MOTHER_CHILD_FACILITY, "米子市", "米子市西町", "",
                        new GeoPoint(35.4300, 133.3200), OpeningHours.everyDay(office), Set.of(), 240,
                        ClassAmounts.ofKg(60, 20, 10), "depot-yonago"),
                new Site("reh-001", "更生保護施設みらい", SiteKind.REHABILITATION_FACILITY, "鳥取市", "鳥取市湖山町", "",
                        new GeoPoint(35.5120, 134.1750), OpeningHours.everyDay(office), Set.of(), 240,
                        ClassAmounts.ofKg(30, 10, 0), null),
                new Site("shl-001", "シェルターやすらぎ", SiteKind.SHELTER, "鳥取市", "", "",
                        new GeoPoint(35.4900, 134.2200), OpeningHours.everyDay(office), Set.of(), 180,
                        ClassAmounts.ofKg(20, 5, 5), "hub"),
                new Site("oth-001", "公民館フードパントリー", SiteKind.OTHER_RECIPIENT, "湯梨浜町", "", "",
                        new GeoPoint(35.4830, 133.8700), OpeningHours.weekdays(TimeWindow.of("13:00", "15:00"), DayOfWeek.FRIDAY),
                        Set.of(), 120, ClassAmounts.ZERO, null),
                new Site("sup-001", "スーパーまるいち", SiteKind.SUPERMARKET, "鳥取市", "鳥取市田園町", "0857-11-1111",
                        new GeoPoint(35.4950, 134.2400), OpeningHours.everyDay(TimeWindow.of("07:00", "10:00")), Set.of(d1), 600,
                        ClassAmounts.ZERO, null),
                new Site("farm-001", "山本農園", SiteKind.FARM, "八頭町", "", "",
                        new GeoPoint(35.4100, 134.2500), OpeningHours.everyDay(TimeWindow.of("06:00", "18:00")), Set.of(), 900,
                        ClassAmounts.ZERO, null),
                new Site("co-001", "山陰食品株式会社", SiteKind.COMPANY, "米子市", "", "",
                        new GeoPoint(35.4400, 133.3500), OpeningHours.weekdays(office, DayOfWeek.MONDAY), Set.of(), 600,
                        ClassAmounts.ZERO, null),
                new Site("fd-001", "市役所フードドライブ", SiteKind.FOOD_DRIVE_POINT, "鳥取市", "", "",
                        new GeoPoint(35.5014, 134.2350), OpeningHours.everyDay(office), Set.of(), 300, ClassAmounts.ZERO, null),
                new Site("ind-001", "田中さん", SiteKind.INDIVIDUAL, "北栄町", "", "",
                        new GeoPoint(35.4900, 133.7600), new OpeningHours(null), Set.of(), 0, ClassAmounts.ZERO, null));
        List<RecipientNeed> needs = List.of(
                new RecipientNeed("caf-001", ClassAmounts.ofKg(30, 8.25, 2), List.of(d1.plusDays(8), d1.plusDays(1), d1.plusDays(15))),
                new RecipientNeed("mcf-001", ClassAmounts.ofKg(50, 0, 4), List.of(d1.plusDays(4), d1.plusDays(18))),
                new RecipientNeed("shl-001", ClassAmounts.ZERO, List.of()),
                new RecipientNeed("reh-001", new ClassAmounts(12_345, 1, 0), List.of(month.atEndOfMonth())));
        List<DonationLot> lots = List.of(
                new DonationLot("lot-0001", "sup-001", "sup-001", "bread", TemperatureClass.AMBIENT, 12_500,
                        d1.plusDays(3), ExpiryKind.USE_BY, d1.plusDays(2), null),
                new DonationLot("lot-0002", "farm-001", "farm-001", "vegetables", TemperatureClass.CHILLED, 40_000,
                        d1.plusDays(10), ExpiryKind.BEST_BEFORE, d1, null),
                new DonationLot("lot-0003", "co-001", "hub", "frozen meals", TemperatureClass.FROZEN, 18_250,
                        d1.plusMonths(3), ExpiryKind.BEST_BEFORE, d1.minusDays(10), null),
                new DonationLot("lot-0004", "hub", "hub", "rice", TemperatureClass.AMBIENT, 100_000,
                        d1.plusMonths(8), ExpiryKind.BEST_BEFORE, d1.minusDays(40), null),
                new DonationLot("lot-0005", "fd-001", "depot-kurayoshi", "canned", TemperatureClass.AMBIENT, 7_777,
                        d1.plusMonths(12), ExpiryKind.BEST_BEFORE, d1.minusDays(5), null),
                new DonationLot("lot-0006", "ind-001", "ind-001", "milk", TemperatureClass.CHILLED, 3_000,
                        d1.plusDays(6), ExpiryKind.USE_BY, d1.plusDays(5), "caf-001"),
                new DonationLot("lot-0007", "co-001", "co-001", "other", TemperatureClass.CHILLED, 1,
                        d1.plusDays(20), ExpiryKind.USE_BY, month.atEndOfMonth(), null));
        List<Vehicle> vehicles = List.of(
                new Vehicle("van-1", "ハイエース", ClassAmounts.ofKg(600, 120, 60)),
                new Vehicle("car-1", "軽バン", ClassAmounts.ofKg(150, 30, 0)),
                new Vehicle("car-2", "car-2", ClassAmounts.ofKg(80, 0, 0)));
        List<Driver> drivers = List.of(
                new Driver("drv-001", "佐藤 花子", "090-1111-2222", new GeoPoint(35.4920, 134.2280), 300, "van-1", List.of(
                        new AvailabilitySlot(d1.plusDays(1), LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new AvailabilitySlot(d1.plusDays(1), LocalTime.of(13, 30), LocalTime.of(17, 45)),
                        new AvailabilitySlot(d1.plusDays(8), LocalTime.of(9, 0), LocalTime.of(15, 0)))),
                new Driver("drv-002", "鈴木 一郎", "", new GeoPoint(35.4350, 133.8200), 1440, "car-1", List.of(
                        new AvailabilitySlot(d1.plusDays(3), LocalTime.of(0, 0), LocalTime.of(23, 59, 59)))),
                new Driver("drv-003", "Tanaka Ken", "ken@example.org", new GeoPoint(35.43, 133.33), 90, "car-2", List.of()));
        return new Network("Kirin test network", settings, sites, needs, lots, vehicles, drivers, null);
    }

    /** A plan for {@link #rich()}: a pickup run, a trunk run with a delivery, and parcels planned and not. */
    public static Plan plan() {
        LocalDate d2 = MONTH.atDay(2);
        LocalDate d9 = MONTH.atDay(9);
        PlannedTrip pickup = new PlannedTrip("trip-001", "drv-001", "van-1", d2,
                LocalDateTime.of(d2, LocalTime.of(8, 5)), LocalDateTime.of(d2, LocalTime.of(11, 40, 30)), List.of(
                new PlannedStop("sup-001", LocalDateTime.of(d2, LocalTime.of(8, 20)), LocalDateTime.of(d2, LocalTime.of(8, 20)),
                        LocalDateTime.of(d2, LocalTime.of(8, 30)), List.of(
                        new Movement(MovementKind.LOAD, "lot-0001", TemperatureClass.AMBIENT, 10_000, "p-0001", "caf-001"),
                        new Movement(MovementKind.LOAD, "lot-0001", TemperatureClass.AMBIENT, 2_500, "p-0002", "reh-001"))),
                new PlannedStop("farm-001", LocalDateTime.of(d2, LocalTime.of(8, 55)), LocalDateTime.of(d2, LocalTime.of(8, 55)),
                        LocalDateTime.of(d2, LocalTime.of(9, 10, 15, 250_000_000)), List.of(
                        new Movement(MovementKind.LOAD, "lot-0002", TemperatureClass.CHILLED, 20_000, "p-0003", "caf-001"))),
                new PlannedStop("hub", LocalDateTime.of(d2, LocalTime.of(9, 40)), LocalDateTime.of(d2, LocalTime.of(9, 40)),
                        LocalDateTime.of(d2, LocalTime.of(10, 0)), List.of(
                        new Movement(MovementKind.UNLOAD, "lot-0001", TemperatureClass.AMBIENT, 10_000, "p-0001", "caf-001"),
                        new Movement(MovementKind.UNLOAD, "lot-0001", TemperatureClass.AMBIENT, 2_500, "p-0002", "reh-001"),
                        new Movement(MovementKind.UNLOAD, "lot-0002", TemperatureClass.CHILLED, 20_000, "p-0003", "caf-001"))),
                new PlannedStop("reh-001", LocalDateTime.of(d2, LocalTime.of(10, 30)), LocalDateTime.of(d2, LocalTime.of(10, 45)),
                        LocalDateTime.of(d2, LocalTime.of(10, 50)), List.of())));
        PlannedTrip trunk = new PlannedTrip("trip-002", "drv-001", "van-1", d9,
                LocalDateTime.of(d9, LocalTime.of(9, 0)), LocalDateTime.of(d9, LocalTime.of(14, 0)), List.of(
                new PlannedStop("hub", LocalDateTime.of(d9, LocalTime.of(9, 10)), LocalDateTime.of(d9, LocalTime.of(9, 10)),
                        LocalDateTime.of(d9, LocalTime.of(9, 30)), List.of(
                        new Movement(MovementKind.LOAD, "lot-0001", TemperatureClass.AMBIENT, 10_000, "p-0001", "caf-001"),
                        new Movement(MovementKind.LOAD, "lot-0004", TemperatureClass.AMBIENT, 25_000, "p-0004", "caf-001"))),
                new PlannedStop("depot-kurayoshi", LocalDateTime.of(d9, LocalTime.of(10, 30)), LocalDateTime.of(d9, LocalTime.of(10, 30)),
                        LocalDateTime.of(d9, LocalTime.of(10, 50)), List.of(
                        new Movement(MovementKind.UNLOAD, "lot-0004", TemperatureClass.AMBIENT, 25_000, "p-0004", "caf-001"),
                        new Movement(MovementKind.LOAD, "lot-0005", TemperatureClass.AMBIENT, 7_777, "p-0005", "caf-001"),
                        // the hub's food for caf-001 stays on board here (its path passes the depot)
                        new Movement(MovementKind.PASS, "lot-0001", TemperatureClass.AMBIENT, 10_000, "p-0001", "caf-001"))),
                new PlannedStop("caf-001", LocalDateTime.of(d9, LocalTime.of(11, 0)), LocalDateTime.of(d9, LocalTime.of(15, 0).minusHours(4)),
                        LocalDateTime.of(d9, LocalTime.of(11, 5)), List.of(
                        new Movement(MovementKind.UNLOAD, "lot-0001", TemperatureClass.AMBIENT, 10_000, "p-0001", "caf-001"),
                        new Movement(MovementKind.UNLOAD, "lot-0005", TemperatureClass.AMBIENT, 7_777, "p-0005", "caf-001")))));
        List<Allocation> allocations = List.of(
                new Allocation("p-0001", "lot-0001", "caf-001", d9, 10_000, true),
                new Allocation("p-0002", "lot-0001", "reh-001", MONTH.atEndOfMonth(), 2_500, false),
                new Allocation("p-0003", "lot-0002", "caf-001", MONTH.atDay(16), 20_000, false),
                new Allocation("p-0004", "lot-0004", "caf-001", MONTH.atDay(16), 25_000, false),
                new Allocation("p-0005", "lot-0005", "caf-001", d9, 7_777, true),
                new Allocation("p-0006", "lot-0006", "caf-001", d9, 3_000, false));
        return new Plan("Kirin test network", MONTH, "0hard/-12500medium/-3456soft", List.of(pickup, trunk), allocations);
    }
}
