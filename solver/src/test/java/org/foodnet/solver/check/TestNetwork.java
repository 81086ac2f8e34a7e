package org.foodnet.solver.check;

import java.time.DayOfWeek;
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
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;

/**
 * A small hand-made network around Tottori for December 2026 (1 December is a Tuesday): one hub, one
 * depot (closed on Sundays and on 24 December), two recipients, one supermarket donor, two volunteers with
 * their vehicles and a few lots. Storage and driver limits can be changed before {@link #build()}.
 */
final class TestNetwork {

    static final YearMonth MONTH = YearMonth.of(2026, 12);

    static final String HUB = "hub-tottori";
    static final String DEPOT = "depot-wakasa";
    static final String R1 = "r-wakasa";
    static final String R2 = "r-yazu";
    static final String DONOR = "donor-ekimae";

    static final String SATO = "sato";
    static final String TANAKA = "tanaka";
    static final String VAN = "van-1";
    static final String CAR = "car-2";

    /** Ambient 20 kg at the donor from 1 Dec, best-before March. */
    static final String RICE = "L-rice";
    /** Frozen 25 kg at the donor from 1 Dec, use-by 20 Dec. */
    static final String FISH = "L-fish";
    /** Chilled 10 kg in stock at the hub since November, use-by 5 Dec. */
    static final String MILK = "L-milk";
    /** Frozen 16 kg in stock at the hub since November, best-before June. */
    static final String ICE_CREAM = "L-ice";
    /** Frozen 15 kg in stock at the hub since November, use-by 20 Dec. */
    static final String DUMPLINGS = "L-dumplings";
    /** Ambient 12 kg at the donor, only from 10 Dec, use-by 15 Dec. */
    static final String VEGETABLES = "L-veg";
    /** Ambient 5 kg in stock at the hub, earmarked for R2. */
    static final String SWEETS = "L-sweets";

    private ClassAmounts hubStorage = ClassAmounts.ofKg(500, 200, 100);
    private ClassAmounts depotStorage = ClassAmounts.ofKg(200, 50, 30);

    static TestNetwork tottori() {
        return new TestNetwork();
    }

    static Network standard() {
        return tottori().build();
    }

    static LocalDate dec(int day) {
        return MONTH.atDay(day);
    }

    TestNetwork hubStorage(double ambientKg, double chilledKg, double frozenKg) {
        hubStorage = ClassAmounts.ofKg(ambientKg, chilledKg, frozenKg);
        return this;
    }

    TestNetwork depotStorage(double ambientKg, double chilledKg, double frozenKg) {
        depotStorage = ClassAmounts.ofKg(ambientKg, chilledKg, frozenKg);
        return this;
    }

    Network build() {
        // the hub may deliver straight to recipients (rule 10), so hand-made trips can be short
        PlanningSettings settings = new PlanningSettings(MONTH, java.time.ZoneId.of("Asia/Tokyo"), 1.4, 35.0, false, true,
                false, 0);
        OpeningHours everyDay8to18 = OpeningHours.everyDay(TimeWindow.of("08:00", "18:00"));
        OpeningHours monToSat9to17 = OpeningHours.weekdays(TimeWindow.of("09:00", "17:00"), DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        OpeningHours everyDay10to16 = OpeningHours.everyDay(TimeWindow.of("10:00", "16:00"));
        OpeningHours everyDay7to20 = OpeningHours.everyDay(TimeWindow.of("07:00", "20:00"));
        List<Site> sites = List.of(
                new Site(HUB, "ロジ拠点 鳥取", SiteKind.LOGISTICS_HUB, "鳥取市", "", "", new GeoPoint(35.5011, 134.2351),
                        everyDay8to18, Set.of(), 600, hubStorage, null),
                new Site(DEPOT, "ハブ拠点 若桜", SiteKind.HUB_DEPOT, "若桜町", "", "", new GeoPoint(35.3389, 134.4017),
                        monToSat9to17, Set.of(dec(24)), 900, depotStorage, null),
                new Site(R1, "こども食堂 わかさ", SiteKind.COMMUNITY_CAFETERIA, "若桜町", "", "", new GeoPoint(35.3500, 134.3900),
                        everyDay10to16, Set.of(), 300, ClassAmounts.ofKg(50, 20, 20), DEPOT),
                new Site(R2, "地域食堂 やず", SiteKind.COMMUNITY_CAFETERIA, "八頭町", "", "", new GeoPoint(35.4100, 134.2500),
                        everyDay10to16, Set.of(), 300, ClassAmounts.ofKg(50, 20, 0), DEPOT),
                new Site(DONOR, "スーパー 鳥取駅前", SiteKind.SUPERMARKET, "鳥取市", "", "", new GeoPoint(35.4936, 134.2269),
                        everyDay7to20, Set.of(), 600, ClassAmounts.ZERO, null));
        List<RecipientNeed> needs = List.of(
                new RecipientNeed(R1, ClassAmounts.ofKg(40, 10, 20), List.of(dec(3), dec(10), dec(17))),
                new RecipientNeed(R2, ClassAmounts.ofKg(30, 10, 0), List.of(dec(5), dec(12))));
        List<DonationLot> lots = List.of(
                lot(RICE, DONOR, "rice", TemperatureClass.AMBIENT, 30, LocalDate.of(2027, 3, 1), ExpiryKind.BEST_BEFORE, dec(1), null),
                lot(FISH, DONOR, "frozen fish", TemperatureClass.FROZEN, 25, dec(20), ExpiryKind.USE_BY, dec(1), null),
                lot(MILK, HUB, "milk", TemperatureClass.CHILLED, 10, dec(5), ExpiryKind.USE_BY, LocalDate.of(2026, 11, 25), null),
                lot(ICE_CREAM, HUB, "ice cream", TemperatureClass.FROZEN, 16, LocalDate.of(2027, 6, 30), ExpiryKind.BEST_BEFORE,
                        LocalDate.of(2026, 11, 20), null),
                lot(DUMPLINGS, HUB, "frozen dumplings", TemperatureClass.FROZEN, 15, dec(20), ExpiryKind.USE_BY,
                        LocalDate.of(2026, 11, 20), null),
                lot(VEGETABLES, DONOR, "vegetables", TemperatureClass.AMBIENT, 12, dec(15), ExpiryKind.USE_BY, dec(10), null),
                lot(SWEETS, HUB, "sweets", TemperatureClass.AMBIENT, 5, LocalDate.of(2027, 1, 31), ExpiryKind.BEST_BEFORE, dec(1), R2));
        List<Vehicle> vehicles = List.of(
                new Vehicle(VAN, "軽バン 1号", ClassAmounts.ofKg(300, 60, 40)),
                new Vehicle(CAR, "乗用車 2号", ClassAmounts.ofKg(100, 5, 0)));
        List<Driver> drivers = List.of(
                new Driver(SATO, "佐藤 花子", "", new GeoPoint(35.4800, 134.2200), 480, VAN,
                        slots(false, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                new Driver(TANAKA, "田中 一郎", "", new GeoPoint(35.3600, 134.3800), 480, CAR,
                        slots(true, LocalTime.of(9, 0), LocalTime.of(17, 0))));
        return new Network("鳥取テスト", settings, sites, needs, lots, vehicles, drivers, null);
    }

    private static DonationLot lot(String id, String siteId, String category, TemperatureClass temperature, double kg,
                                   LocalDate expiry, ExpiryKind kind, LocalDate availableFrom, String earmarkedFor) {
        return new DonationLot(id, DONOR, siteId, category, temperature, Grams.ofKg(kg), expiry, kind, availableFrom,
                earmarkedFor);
    }

    /** One slot on every day of the month, or only Monday to Friday. */
    private static List<AvailabilitySlot> slots(boolean weekdaysOnly, LocalTime from, LocalTime to) {
        List<AvailabilitySlot> slots = new ArrayList<>();
        for (int day = 1; day <= MONTH.lengthOfMonth(); day++) {
            LocalDate date = dec(day);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekdaysOnly || !weekend) {
                slots.add(new AvailabilitySlot(date, from, to));
            }
        }
        return slots;
    }
}
