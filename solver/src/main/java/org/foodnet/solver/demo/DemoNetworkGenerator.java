package org.foodnet.solver.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.foodnet.solver.allocation.Allocator;
import org.foodnet.solver.allocation.FoodPaths;
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
import org.foodnet.solver.travel.Travel;

/**
 * A seeded demo network modelled on 麒麟のまち (Tottori City and six towns, see
 * {@code shared/region/kirin-no-machi.md}).
 *
 * <p><b>Taken from the region facts:</b> one logistics hub (ロジ拠点) in Tottori City; one hub depot (ハブ拠点)
 * per municipality at its town-office coordinates; 42 community cafeterias of which 33 in Tottori City;
 * mother-and-child and rehabilitation facilities as further recipients; about 3 t of food a month; the
 * food drive's 120 kg of rice, canned goods and dried noodles; the hub and depots as food-drive drop-off
 * points with fridges and freezers; cafeterias serving once or twice a month; unpaid volunteer drivers;
 * road factor 1.4 at 35 km/h.
 *
 * <p><b>Synthesised (not reported, invented plausibly here):</b> every name, address and phone number
 * (phone numbers use the unassigned "00" exchange so they never reach anyone), all positions other than the
 * town offices, opening hours, service times, storage capacities, the split of the other 9 cafeterias over
 * the towns, the number and kinds of other facilities, donors, volunteers and vehicles, the split of the
 * food into temperature classes and lots, expiry dates, the needs of each recipient (scaled so that they
 * add up to {@value #NEED_TO_SUPPLY} times the usable supply of each temperature class: there is never
 * enough food), serving days and volunteer availability. The numbers chosen are commented where they are
 * set.
 *
 * <p>Deterministic: the same seed, scale and month always give an equal {@link Network} (one
 * {@link SplittableRandom} stream, split into sub-streams in a fixed order; all iteration is over lists or
 * enum maps). {@code scale} multiplies recipients, donors, donated food and volunteers; the hub and the seven
 * depots stay, with their storage multiplied.
 */
public final class DemoNetworkGenerator {

    public static final YearMonth DEFAULT_MONTH = YearMonth.of(2026, 12);

    /** Total monthly need / usable supply, per temperature class (synthesised: shortage of about 20%). */
    public static final double NEED_TO_SUPPLY = 1.2;

    /** Region fact: the hub collects about 3 tonnes of food a month. */
    static final double MONTHLY_SUPPLY_KG = 3000.0;

    /** Shares of the monthly food per temperature class (synthesised: ambient 55%, chilled 25%, frozen 20%). */
    private static final Map<TemperatureClass, Double> CLASS_SHARE = enumMap(0.55, 0.25, 0.20);
    /** Part of each class already in stock at the hub when the month starts (about 10% overall). */
    private static final Map<TemperatureClass, Double> STOCK_SHARE = enumMap(0.13, 0.03, 0.14);
    /** Part of each class that arrives as food-drive drop-offs at the hub or a depot (shelf-stable food only). */
    private static final Map<TemperatureClass, Double> DRIVE_SHARE = enumMap(0.14, 0.0, 0.0);

    private static final LocalTime T0800 = LocalTime.of(8, 0);
    private static final LocalTime T0900 = LocalTime.of(9, 0);
    private static final LocalTime T1700 = LocalTime.of(17, 0);

    // ---------------------------------------------------------------------------------------------------
    // The seven municipalities (region facts: names, town-office coordinates, 2020 populations). Per unit of
    // scale: cafeterias (33 in Tottori City from the report's figure; the other 9 split over the towns by
    // population with at least one each: synthesised), donors (~40, by population, synthesised) and volunteer
    // drivers (~25, most in Tottori City, at least one in each town, synthesised). Districts, area codes and
    // scatter radii are synthesised; maxNorthKm keeps coastal towns' sites out of the Sea of Japan.
    private record Town(String key, String name, String shortName, String addressPrefix, double lat, double lon,
                        int population, int cafeterias, int donors, int drivers, String areaCode, double radiusKm,
                        double maxNorthKm, List<SiteKind> donorKinds, List<String> districts) {
    }

    private static final List<SiteKind> TOTTORI_DONOR_KINDS = repeat(3, List.of(SiteKind.SUPERMARKET, SiteKind.FARM,
            SiteKind.COMPANY, SiteKind.FOOD_DRIVE_POINT, SiteKind.INDIVIDUAL, SiteKind.SUPERMARKET, SiteKind.FARM,
            SiteKind.COMPANY, SiteKind.SUPERMARKET, SiteKind.INDIVIDUAL));

    private static final List<Town> TOWNS = List.of(
            new Town("tottori", "鳥取市", "鳥取", "鳥取県鳥取市", 35.5011, 134.2351, 188_465, 33, 30, 15, "0857", 9.0, 2.5,
                    TOTTORI_DONOR_KINDS,
                    List.of("湖山町", "吉方", "富安", "末広温泉町", "川端", "国府町", "千代水", "田島", "安長", "布勢", "秋里",
                            "江津", "覚寺", "浜坂", "宮長", "若葉台", "津ノ井", "行徳", "南隈", "雲山", "賀露町", "福部町",
                            "徳尾", "立川町", "瓦町", "栄町", "西品治", "興南町", "商栄町", "叶")),
            new Town("iwami", "岩美町", "岩美", "鳥取県岩美郡岩美町", 35.5757, 134.3317, 10_799, 1, 2, 2, "0857", 3.0, 1.0,
                    List.of(SiteKind.FARM, SiteKind.SUPERMARKET),
                    List.of("浦富", "岩井", "大谷", "本庄", "網代", "恩志", "新井")),
            new Town("wakasa", "若桜町", "若桜", "鳥取県八頭郡若桜町", 35.3389, 134.4015, 2_864, 1, 1, 1, "0858", 2.5,
                    Double.POSITIVE_INFINITY, List.of(SiteKind.FARM),
                    List.of("若桜", "中原", "吉川", "大炊", "屋堂羅", "三倉")),
            new Town("chizu", "智頭町", "智頭", "鳥取県八頭郡智頭町", 35.2652, 134.2268, 6_427, 1, 1, 1, "0858", 3.0,
                    Double.POSITIVE_INFINITY, List.of(SiteKind.FARM),
                    List.of("智頭", "市瀬", "南方", "福原", "中原", "埴師")),
            new Town("yazu", "八頭町", "八頭", "鳥取県八頭郡八頭町", 35.4105, 134.2508, 15_937, 2, 2, 2, "0858", 3.5,
                    Double.POSITIVE_INFINITY, List.of(SiteKind.FARM, SiteKind.FOOD_DRIVE_POINT),
                    List.of("郡家", "船岡", "安部", "国中", "花", "西御門", "宮谷")),
            new Town("kami", "香美町", "香美", "兵庫県美方郡香美町", 35.6336, 134.6292, 16_064, 2, 2, 2, "0796", 3.5, 0.3,
                    List.of(SiteKind.SUPERMARKET, SiteKind.COMPANY),
                    List.of("香住区香住", "香住区森", "香住区下浜", "香住区矢田", "香住区一日市", "香住区七日市")),
            new Town("shinonsen", "新温泉町", "新温泉", "兵庫県美方郡新温泉町", 35.6237, 134.4487, 13_318, 2, 2, 2, "0796",
                    3.5, 0.3, List.of(SiteKind.FARM, SiteKind.SUPERMARKET),
                    List.of("浜坂", "芦屋", "諸寄", "清富", "久谷", "栃谷")));

    /** Other recipient facilities per unit of scale (synthesised kinds, counts and places). */
    private record FacilitySpec(SiteKind kind, String townKey) {
    }

    private static final List<FacilitySpec> FACILITIES = List.of(
            new FacilitySpec(SiteKind.MOTHER_CHILD_FACILITY, "tottori"),
            new FacilitySpec(SiteKind.MOTHER_CHILD_FACILITY, "kami"),
            new FacilitySpec(SiteKind.REHABILITATION_FACILITY, "tottori"),
            new FacilitySpec(SiteKind.REHABILITATION_FACILITY, "yazu"),
            new FacilitySpec(SiteKind.SHELTER, "tottori"));

    // ---------------------------------------------------------------------------------------------------
    // Food categories (synthesised). Lot sizes in kg (rice comes in 10/20/30 kg bags); expiry in days after
    // availableFrom: ambient best-before months ahead, chilled use-by 4-10 days, frozen use-by 30-120 days.
    private record Category(String name, TemperatureClass temperature, double minKg, double maxKg, boolean bags,
                            ExpiryKind expiryKind, int minDays, int maxDays) {
    }

    private static final Category RICE = new Category("rice", TemperatureClass.AMBIENT, 10, 120, true, ExpiryKind.BEST_BEFORE, 60, 240);
    private static final Category CANNED = new Category("canned", TemperatureClass.AMBIENT, 5, 40, false, ExpiryKind.BEST_BEFORE, 180, 720);
    private static final Category NOODLES = new Category("noodles", TemperatureClass.AMBIENT, 5, 30, false, ExpiryKind.BEST_BEFORE, 90, 365);
    private static final Category RETORT = new Category("retort", TemperatureClass.AMBIENT, 5, 20, false, ExpiryKind.BEST_BEFORE, 90, 365);
    private static final Category SEASONING = new Category("seasoning", TemperatureClass.AMBIENT, 5, 15, false, ExpiryKind.BEST_BEFORE, 90, 365);
    private static final Category SNACKS = new Category("snacks", TemperatureClass.AMBIENT, 5, 15, false, ExpiryKind.BEST_BEFORE, 45, 180);
    private static final Category VEGETABLES = new Category("vegetables", TemperatureClass.CHILLED, 10, 60, false, ExpiryKind.USE_BY, 4, 10);
    private static final Category FRUIT = new Category("fruit", TemperatureClass.CHILLED, 10, 40, false, ExpiryKind.USE_BY, 4, 10);
    private static final Category DAIRY = new Category("dairy", TemperatureClass.CHILLED, 5, 30, false, ExpiryKind.USE_BY, 4, 10);
    private static final Category TOFU = new Category("tofu", TemperatureClass.CHILLED, 5, 15, false, ExpiryKind.USE_BY, 4, 8);
    private static final Category BREAD = new Category("bread", TemperatureClass.CHILLED, 5, 20, false, ExpiryKind.USE_BY, 4, 6);
    private static final Category EGGS = new Category("eggs", TemperatureClass.CHILLED, 5, 20, false, ExpiryKind.USE_BY, 7, 10);
    private static final Category MEAT = new Category("meat", TemperatureClass.FROZEN, 5, 30, false, ExpiryKind.USE_BY, 30, 120);
    private static final Category FISH = new Category("fish", TemperatureClass.FROZEN, 5, 30, false, ExpiryKind.USE_BY, 30, 120);
    private static final Category MEALS = new Category("prepared meals", TemperatureClass.FROZEN, 5, 40, false, ExpiryKind.USE_BY, 30, 90);
    private static final Category FROZEN_VEG = new Category("frozen vegetables", TemperatureClass.FROZEN, 5, 25, false, ExpiryKind.USE_BY, 60, 120);

    private record Weighted<T>(T item, double weight) {
    }

    /** What each kind of donor gives, per temperature class, with relative weights (synthesised). */
    private static final Map<SiteKind, Map<TemperatureClass, List<Weighted<Category>>>> GIVES = new EnumMap<>(SiteKind.class);
    /** Relative amount a donor of each kind gives (synthesised: shops and companies give most). */
    private static final Map<SiteKind, Double> DONOR_SIZE = new EnumMap<>(SiteKind.class);

    static {
        gives(SiteKind.SUPERMARKET, w(CANNED, 2), w(NOODLES, 2), w(RETORT, 1), w(SNACKS, 1), w(SEASONING, 1), w(RICE, 1),
                w(VEGETABLES, 2), w(DAIRY, 2), w(TOFU, 1), w(BREAD, 2), w(EGGS, 1), w(FRUIT, 1),
                w(MEAT, 2), w(FISH, 2), w(MEALS, 2), w(FROZEN_VEG, 1));
        gives(SiteKind.FARM, w(RICE, 1), w(VEGETABLES, 4), w(FRUIT, 2), w(EGGS, 1));
        gives(SiteKind.COMPANY, w(CANNED, 2), w(NOODLES, 2), w(RETORT, 2), w(SNACKS, 1), w(SEASONING, 1),
                w(DAIRY, 2), w(BREAD, 1), w(TOFU, 1), w(MEALS, 2), w(FISH, 1), w(MEAT, 1));
        gives(SiteKind.FOOD_DRIVE_POINT, w(RICE, 3), w(CANNED, 2), w(NOODLES, 2), w(RETORT, 1), w(SEASONING, 1));
        gives(SiteKind.INDIVIDUAL, w(RICE, 3), w(CANNED, 1), w(NOODLES, 1), w(VEGETABLES, 3), w(FRUIT, 1));
        DONOR_SIZE.put(SiteKind.SUPERMARKET, 3.0);
        DONOR_SIZE.put(SiteKind.COMPANY, 2.5);
        DONOR_SIZE.put(SiteKind.FARM, 2.0);
        DONOR_SIZE.put(SiteKind.FOOD_DRIVE_POINT, 1.0);
        DONOR_SIZE.put(SiteKind.INDIVIDUAL, 0.4);
    }

    /** Categories collected by food drives (shelf-stable only; region fact: rice, canned goods, dried noodles). */
    private static final List<Weighted<Category>> DRIVE_CATEGORIES = List.of(w(RICE, 4), w(CANNED, 3), w(NOODLES, 2),
            w(RETORT, 1), w(SEASONING, 1));

    // ---------------------------------------------------------------------------------------------------
    // Name pools (synthesised).
    private static final List<String> SURNAMES = List.of("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村",
            "小林", "加藤", "吉田", "山田", "山口", "松本", "井上", "木村", "清水", "山崎", "森", "池田", "橋本", "山根",
            "谷口", "前田", "岡田", "森本", "西村", "福田", "竹本", "浜田", "足立", "中島", "米村", "徳田", "松田", "坂本",
            "村上", "藤原", "岸本", "小谷");
    private static final List<String> GIVEN_NAMES = List.of("花子", "恵子", "洋子", "美智子", "由美", "裕子", "真由美",
            "和子", "幸子", "久美子", "典子", "順子", "陽子", "直美", "千尋", "さくら", "太郎", "一郎", "健一", "誠", "浩",
            "隆", "修", "茂", "博", "明", "健太", "大輔", "和夫", "正樹", "聡", "翔太");
    private static final List<String> CAFETERIA_NICKS = List.of("ひまわり", "たんぽぽ", "にじいろ", "きりん", "すなはま",
            "なかよし", "ほっこり", "おひさま", "どんぐり", "さくら", "かがやき", "わいわい", "もぐもぐ", "あおぞら", "ふれあい",
            "ぽかぽか", "すまいる", "つくし", "こすもす", "いなば", "みらい", "ほほえみ");
    private static final List<String> SHOP_NAMES = List.of("スーパーやまびこ", "フレッシュマートいなば", "マルシェ千代",
            "スーパーさきゅう", "グリーンストアきりん", "ふれあい市場", "サンフーズ");
    private static final List<String> COMPANY_NAMES = List.of("因幡食品", "砂丘フーズ", "山陰製麺", "千代川乳業",
            "日本海水産", "いなばベーカリー", "八東食品工業", "湖山パン", "きりんフードサービス", "浜風水産");
    private static final List<String> FACILITY_NICKS = List.of("あけぼの", "ひかり", "のぞみ", "こもれび", "みちしるべ",
            "あゆみ", "ともしび", "つばさ", "やすらぎ", "はばたき");

    private final int scale;
    private final YearMonth month;
    private final long seed;
    private final PlanningSettings settings;
    private final LocalDate first;
    private final LocalDate last;
    /** Region fact: the hub and the depots sit in municipal buildings, closed on holidays and at the year end. */
    private final Set<LocalDate> municipalClosed;
    private final Set<LocalDate> holidays;

    private final Dice placesDice;
    private final Dice recipientsDice;
    private final Dice donorsDice;
    private final Dice lotsDice;
    private final Dice needsDice;
    private final Dice driversDice;

    private final Map<String, Integer> nameUses = new HashMap<>();

    private Site hub;
    private final List<Site> depots = new ArrayList<>();
    private final Map<String, Site> depotByTown = new HashMap<>();
    private final List<RecipientDraft> recipients = new ArrayList<>();
    private final List<DonorDraft> donors = new ArrayList<>();

    private DemoNetworkGenerator(long seed, int scale, YearMonth month) {
        this.seed = seed;
        this.scale = scale;
        this.month = month;
        this.settings = PlanningSettings.defaults(month);
        this.first = month.atDay(1);
        this.last = month.atEndOfMonth();
        this.holidays = new TreeSet<>(JapaneseHolidays.in(month));
        TreeSet<LocalDate> closed = new TreeSet<>(holidays);
        // 年末年始: municipal buildings close from 29 December to 3 January.
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if ((d.getMonthValue() == 12 && d.getDayOfMonth() >= 29) || (d.getMonthValue() == 1 && d.getDayOfMonth() <= 3)) {
                closed.add(d);
            }
        }
        this.municipalClosed = closed;
        Dice root = new Dice(new SplittableRandom(seed));
        this.placesDice = root.split();
        this.recipientsDice = root.split();
        this.donorsDice = root.split();
        this.lotsDice = root.split();
        this.needsDice = root.split();
        this.driversDice = root.split();
    }

    /** The demo network for December 2026. */
    public static Network generate(long seed, int scale) {
        return generate(seed, scale, DEFAULT_MONTH);
    }

    /**
     * The demo network for one month.
     *
     * @param scale 1 for the real network's size (42 cafeterias, ~3 t of food); 10 or 100 for benchmarks
     */
    public static Network generate(long seed, int scale, YearMonth month) {
        Objects.requireNonNull(month, "month");
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be in [1, 1000], got " + scale);
        }
        return new DemoNetworkGenerator(seed, scale, month).build();
    }

    /**
     * Whether a lot can be used in the month of the settings at all: it is available on some day of the month
     * and can still be delivered on or after that day.
     */
    public static boolean usable(DonationLot lot, PlanningSettings settings) {
        LocalDate from = lot.availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : lot.availableFrom();
        return !from.isAfter(settings.lastDay()) && !settings.lastDeliveryDay(lot).isBefore(from);
    }

    /** The grams per temperature class of the lots {@link #usable usable} in the network's month. */
    public static ClassAmounts usableSupply(Network network) {
        ClassAmounts sum = ClassAmounts.ZERO;
        for (DonationLot lot : network.lots()) {
            if (usable(lot, network.settings())) {
                sum = sum.with(lot.temperature(), sum.get(lot.temperature()) + lot.grams());
            }
        }
        return sum;
    }

    /** The recipients' monthly needs added up per temperature class. */
    public static ClassAmounts totalNeed(Network network) {
        ClassAmounts sum = ClassAmounts.ZERO;
        for (RecipientNeed need : network.needs()) {
            sum = sum.plus(need.monthlyNeed());
        }
        return sum;
    }

    // ===================================================================================================

    private Network build() {
        buildHubAndDepots();
        buildRecipients();
        buildDonors();
        List<DonationLot> lots = buildLots();
        List<RecipientNeed> needs = buildNeeds(lots);
        List<Vehicle> vehicles = new ArrayList<>();
        List<Driver> drivers = buildDrivers(vehicles);

        Network network = assemble(needs, lots, vehicles, drivers);
        // A cafeteria whose drawn receiving days let too little food reach it (the lots of a class that can reach
        // one of its serving days hold less than its need, e.g. it serves on Sunday and otherwise receives only on
        // Friday, when no volunteer with a freezer box drives, or only on Wednesday, too early for most chilled
        // food) also receives on the nearest weekday before its serving weekday, then the next: a network where
        // some need cannot be filled is not one a coordinator would run (docs/planning-rules.md, "Who gets
        // what"). No dice are drawn here, so a network that needs no repair is exactly what was drawn.
        for (int round = 0; round < 5; round++) {
            Set<String> widened = new HashSet<>();
            Allocator allocator = new Allocator(network, new FoodPaths(network, Travel.of(network)));
            for (String key : allocator.underSuppliedNeeds()) {
                String id = key.substring(0, key.indexOf('|'));
                RecipientDraft r = recipients.stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
                if (r != null && !widened.contains(id) && r.receiveOneMoreWeekday()) {
                    widened.add(id);
                }
            }
            if (widened.isEmpty()) {
                break;
            }
            network = assemble(needs, lots, vehicles, drivers);
        }
        return network;
    }

    private Network assemble(List<RecipientNeed> needs, List<DonationLot> lots, List<Vehicle> vehicles,
                             List<Driver> drivers) {
        List<Site> sites = new ArrayList<>();
        sites.add(hub);
        sites.addAll(depots);
        for (RecipientDraft r : recipients) {
            sites.add(r.toSite());
        }
        for (DonorDraft d : donors) {
            sites.add(d.site);
        }
        String name = "麒麟のまち デモ " + month + " (seed " + seed + (scale > 1 ? ", scale " + scale : "") + ")";
        return new Network(name, settings, sites, needs, lots, vehicles, drivers, null);
    }

    // ---------------------------------------------------------------------------------------------------
    // Hub and depots

    private void buildHubAndDepots() {
        Town tottori = TOWNS.get(0);
        // The hub: 2-3.5 km from Tottori City Hall, somewhere between south-south-east and west (inland).
        double bearing = Math.toRadians(placesDice.uniform(150, 270));
        double km = placesDice.uniform(2.0, 3.5);
        GeoPoint hubAt = offset(tottori.lat(), tottori.lon(), km * Math.sin(bearing), km * Math.cos(bearing));
        // Hub: Mon-Sat 09:00-17:00; storage (synthesised) 2000 kg ambient, 400 kg chilled, 300 kg frozen per scale.
        hub = new Site("hub", "ロジ拠点 鳥取", SiteKind.LOGISTICS_HUB, tottori.name(), address(placesDice, tottori),
                phone(placesDice, tottori), hubAt, weekly(T0900, T1700, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), municipalClosed,
                900, ClassAmounts.ofKg(2000.0 * scale, 400.0 * scale, 300.0 * scale), null);
        for (Town town : TOWNS) {
            // Depots: Mon-Fri 09:00-17:00, about 40% also Saturday mornings (synthesised). Storage (synthesised):
            // Tottori's depot, serving ~80% of the recipients, at the top of the range; the towns' in
            // ambient 300-450 kg, chilled 80-110 kg, frozen 60-90 kg; all per unit of scale.
            Map<DayOfWeek, TimeWindow> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                hours.put(d, new TimeWindow(T0900, T1700));
            }
            if (placesDice.chance(0.4)) {
                hours.put(DayOfWeek.SATURDAY, new TimeWindow(T0900, LocalTime.of(12, 0)));
            }
            ClassAmounts capacity = town.key().equals("tottori")
                    ? ClassAmounts.ofKg(600.0 * scale, 150.0 * scale, 120.0 * scale)
                    : ClassAmounts.ofKg(50.0 * placesDice.between(6, 9) * scale, 10.0 * placesDice.between(8, 11) * scale,
                    10.0 * placesDice.between(6, 9) * scale);
            Site depot = new Site("depot-" + town.key(), "ハブ拠点 " + town.shortName(), SiteKind.HUB_DEPOT, town.name(),
                    address(placesDice, town), phone(placesDice, town), new GeoPoint(town.lat(), town.lon()),
                    new OpeningHours(hours), municipalClosed, 600, capacity, null);
            depots.add(depot);
            depotByTown.put(town.key(), depot);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Recipients

    private static final class RecipientDraft {
        String id;
        String name;
        SiteKind kind;
        Town town;
        String address;
        String contact;
        GeoPoint location;
        OpeningHours hours;
        Set<LocalDate> closed = Set.of();
        int serviceSeconds;
        /** Relative size: how much food it asks for compared with an average cafeteria. */
        double size;
        List<LocalDate> servingDays;
        ClassAmounts need = ClassAmounts.ZERO;
        ClassAmounts storage = ClassAmounts.ZERO;
        String depotId;

        Site toSite() {
            return new Site(id, name, kind, town.name(), address, contact, location, hours, closed, serviceSeconds,
                    storage, depotId);
        }

        /**
         * Opens on one more weekday (Mon-Fri, when depots are open), the nearest before its serving weekday,
         * with the window of its other days; false when it is open on every weekday already.
         */
        boolean receiveOneMoreWeekday() {
            if (servingDays.isEmpty() || hours.byWeekday().isEmpty()) {
                return false;
            }
            DayOfWeek serving = servingDays.get(0).getDayOfWeek();
            // open on its serving weekday (drawn so); all its days share one window
            TimeWindow window = hours.on(serving).orElse(hours.byWeekday().values().iterator().next());
            for (int back = 1; back < 7; back++) {
                DayOfWeek day = serving.minus(back);
                if (day.getValue() <= 5 && hours.on(day).isEmpty()) {
                    Map<DayOfWeek, TimeWindow> map = new EnumMap<>(DayOfWeek.class);
                    map.putAll(hours.byWeekday());
                    map.put(day, window);
                    hours = new OpeningHours(map);
                    return true;
                }
            }
            return false;
        }
    }

    private void buildRecipients() {
        Dice d = recipientsDice;
        int cafeterias = 0;
        for (int unit = 0; unit < scale; unit++) {
            for (Town town : TOWNS) {
                cafeterias += town.cafeterias();
            }
        }
        int facilities = FACILITIES.size() * scale;
        String cafFormat = idFormat("caf-", cafeterias);
        String facFormat = idFormat("fac-", facilities);
        int cafNo = 0;
        int facNo = 0;
        // Cafeterias, town by town, unit of scale by unit of scale.
        for (int unit = 0; unit < scale; unit++) {
            for (Town town : TOWNS) {
                for (int i = 0; i < town.cafeterias(); i++) {
                    recipients.add(cafeteria(d, String.format(cafFormat, ++cafNo), town));
                }
            }
        }
        for (int unit = 0; unit < scale; unit++) {
            for (FacilitySpec f : FACILITIES) {
                recipients.add(facility(d, String.format(facFormat, ++facNo), f.kind(), town(f.townKey())));
            }
        }
    }

    private RecipientDraft cafeteria(Dice d, String id, Town town) {
        RecipientDraft r = new RecipientDraft();
        r.id = id;
        r.kind = SiteKind.COMMUNITY_CAFETERIA;
        r.town = town;
        String district = d.pick(town.districts());
        r.name = uniqueName(switch (d.between(0, 4)) {
            case 0 -> district + "こども食堂";
            case 1 -> district + "みんなの食堂";
            case 2 -> "こども食堂 " + d.pick(CAFETERIA_NICKS);
            case 3 -> "地域食堂 " + d.pick(CAFETERIA_NICKS);
            default -> district + "地域食堂";
        });
        r.address = address(d, town, district);
        r.contact = phone(d, town);
        r.location = scatter(d, town, town.radiusKm());
        r.depotId = depotByTown.get(town.key()).id();
        r.serviceSeconds = d.pick(List.of(300, 420, 600)); // 5-10 minutes to unload at a cafeteria
        // Size (synthesised): small 30%, medium 50%, large 20% (a large one serves ~100 meals, cf. the
        // 100-bento event in the reports), each +-15%.
        double[] sizes = {0.6, 1.0, 1.5};
        r.size = sizes[d.weighted(new double[] {0.3, 0.5, 0.2})] * d.uniform(0.85, 1.15);
        // Serving days (region fact: cafeterias serve monthly or twice a month): a fixed weekday, weekends
        // more likely; once a month (60%, the n-th weekday) or twice (the 1st and 3rd or 2nd and 4th).
        DayOfWeek serving = DayOfWeek.of(1 + d.weighted(new double[] {1, 1, 1.5, 1, 1.5, 3, 2}));
        // A cafeteria serving once a month does so from the 2nd week: the first days of a month are served
        // from what the previous month's plan delivered.
        List<Integer> ordinals = d.chance(0.6) ? List.of(d.between(2, 4))
                : d.chance(0.5) ? List.of(1, 3) : List.of(2, 4);
        List<LocalDate> days = new ArrayList<>();
        for (int n : ordinals) {
            days.add(first.with(TemporalAdjusters.dayOfWeekInMonth(n, serving)));
        }
        r.servingDays = days;
        // Open (to receive food) on the serving weekday and 1-3 other days of Mon-Sat, one window for all.
        Set<DayOfWeek> open = new TreeSet<>();
        open.add(serving);
        int extra = d.between(1, 3);
        // at least one weekday, so that food can come from its depot (depots are open Mon-Fri)
        while (open.size() < 1 + extra || open.stream().noneMatch(w -> w.getValue() <= 5)) {
            open.add(DayOfWeek.of(open.size() < extra ? d.between(1, 6) : d.between(1, 5)));
        }
        List<TimeWindow> windows = List.of(TimeWindow.of("10:00", "18:00"), TimeWindow.of("09:00", "17:00"),
                TimeWindow.of("11:00", "19:00"), TimeWindow.of("10:00", "16:00"));
        TimeWindow window = windows.get(d.weighted(new double[] {3, 2, 1, 1}));
        Map<DayOfWeek, TimeWindow> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : open) {
            hours.put(day, window);
        }
        r.hours = new OpeningHours(hours);
        return r;
    }

    private RecipientDraft facility(Dice d, String id, SiteKind kind, Town town) {
        RecipientDraft r = new RecipientDraft();
        r.id = id;
        r.kind = kind;
        r.town = town;
        String nick = d.pick(FACILITY_NICKS);
        r.name = uniqueName(switch (kind) {
            case MOTHER_CHILD_FACILITY -> "母子生活支援施設 " + nick;
            case REHABILITATION_FACILITY -> "更生保護施設 " + nick;
            default -> "シェルター " + nick;
        });
        String district = d.pick(town.districts());
        r.address = address(d, town, district);
        r.contact = phone(d, town);
        r.location = scatter(d, town, town.radiusKm());
        r.depotId = depotByTown.get(town.key()).id();
        r.serviceSeconds = 600;
        // Sizes (synthesised): residential facilities ask for more than an average cafeteria.
        r.size = switch (kind) {
            case MOTHER_CHILD_FACILITY -> 1.8;
            case REHABILITATION_FACILITY -> 1.4;
            default -> 1.0;
        } * d.uniform(0.85, 1.15);
        // Weekly deliveries (region fact: pantries and facilities run weekly), received at the office
        // Mon-Fri 09:00-17:00 (closed on holidays and at the year end); the shelter is staffed every day.
        DayOfWeek serving = DayOfWeek.of(d.between(1, 5));
        if (kind == SiteKind.SHELTER) {
            r.hours = OpeningHours.everyDay(new TimeWindow(T0900, T1700));
        } else {
            r.hours = weekly(T0900, T1700, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            r.closed = municipalClosed;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first.with(TemporalAdjusters.nextOrSame(serving)); !day.isAfter(last); day = day.plusWeeks(1)) {
            if (!r.closed.contains(day)) {
                days.add(day);
            }
        }
        r.servingDays = days;
        return r;
    }

    // ---------------------------------------------------------------------------------------------------
    // Donors

    private record DonorDraft(Site site, Town town, double size) {
    }

    private void buildDonors() {
        Dice d = donorsDice;
        int count = 0;
        for (Town town : TOWNS) {
            count += town.donors() * scale;
        }
        String format = idFormat("donor-", count);
        int no = 0;
        for (int unit = 0; unit < scale; unit++) {
            for (Town town : TOWNS) {
                for (int i = 0; i < town.donors(); i++) {
                    SiteKind kind = town.donorKinds().get(i % town.donorKinds().size());
                    donors.add(donor(d, String.format(format, ++no), kind, town));
                }
            }
        }
    }

    private DonorDraft donor(Dice d, String id, SiteKind kind, Town town) {
        String district = d.pick(town.districts());
        String name;
        OpeningHours hours;
        Set<LocalDate> closed = Set.of();
        int service;
        // Opening hours and service times by kind (synthesised, typical of each kind).
        switch (kind) {
            case SUPERMARKET -> {
                name = d.pick(SHOP_NAMES) + " " + district + "店";
                hours = OpeningHours.everyDay(TimeWindow.of("09:00", "20:00"));
                closed = closedOn(List.of(LocalDate.of(first.getYear(), 1, 1)));
                service = 600;
            }
            case FARM -> {
                name = d.chance(0.5) ? d.pick(SURNAMES) + "農園" : district + "営農組合";
                hours = weekly(T0800, T1700, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
                closed = closedOn(yearEnd(31));
                service = 600;
            }
            case COMPANY -> {
                name = "株式会社" + d.pick(COMPANY_NAMES) + (d.chance(0.5) ? " " + district + "工場" : "");
                hours = weekly(T0900, T1700, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
                closed = municipalClosed;
                service = 600;
            }
            case FOOD_DRIVE_POINT -> {
                name = "フードドライブ " + district + (d.chance(0.6) ? "公民館" : "地区社会福祉協議会");
                hours = weekly(T0900, T1700, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                closed = municipalClosed;
                service = 600;
            }
            default -> { // INDIVIDUAL: a couple of days a week at home, late morning to afternoon
                name = "個人寄付 " + d.pick(SURNAMES) + " 様";
                Map<DayOfWeek, TimeWindow> map = new EnumMap<>(DayOfWeek.class);
                while (map.size() < 2) {
                    map.put(DayOfWeek.of(d.between(1, 7)), TimeWindow.of("10:00", "16:00"));
                }
                hours = new OpeningHours(map);
                service = 300;
            }
        }
        Site site = new Site(id, uniqueName(name), kind, town.name(), address(d, town, district), phone(d, town),
                scatter(d, town, town.radiusKm()), hours, closed, service, ClassAmounts.ZERO, null);
        return new DonorDraft(site, town, DONOR_SIZE.get(kind) * d.uniform(0.6, 1.4));
    }

    // ---------------------------------------------------------------------------------------------------
    // Donation lots

    private record LotDraft(int seq, String donorId, String siteId, Category category, long grams,
                            LocalDate expiry, LocalDate availableFrom, String earmarkedFor) {
    }

    private List<DonationLot> buildLots() {
        Dice d = lotsDice;
        List<LotDraft> drafts = new ArrayList<>();
        for (TemperatureClass t : TemperatureClass.values()) {
            double classKg = MONTHLY_SUPPLY_KG * scale * CLASS_SHARE.get(t);
            List<DonorDraft> givers = donors.stream().filter(x -> !GIVES.get(x.site.kind()).get(t).isEmpty()).toList();
            double[] giverWeights = givers.stream().mapToDouble(DonorDraft::size).toArray();

            // 1. In stock at the hub on day one (collected last month from the donors).
            long stockTarget = Grams.ofKg(classKg * STOCK_SHARE.get(t));
            long sum = 0;
            while (sum < stockTarget) {
                DonorDraft donor = givers.get(d.weighted(giverWeights));
                Category c = pickCategory(d, GIVES.get(donor.site.kind()).get(t));
                LocalDate from = t == TemperatureClass.CHILLED ? first.minusDays(d.between(0, 1))
                        : first.minusDays(d.between(0, 20));
                long grams = amount(d, c);
                drafts.add(new LotDraft(drafts.size(), donor.site.id(), hub.id(), c, grams, expiry(d, c, from), from, null));
                sum += grams;
            }

            // 2. Food-drive drop-offs at the hub (60%) or a depot, mid-month (days 8-20). Region fact: a food
            //    drive collected about 120 kg of rice: each unit of scale has one such lot at the hub.
            long driveTarget = Grams.ofKg(classKg * DRIVE_SHARE.get(t));
            sum = 0;
            if (driveTarget > 0) {
                List<DonorDraft> drivePoints = donors.stream()
                        .filter(x -> x.site.kind() == SiteKind.FOOD_DRIVE_POINT).toList();
                for (int unit = 0; unit < scale && sum < driveTarget; unit++) {
                    String donorId = drivePoints.isEmpty() ? hub.id() : d.pick(drivePoints).site.id();
                    LocalDate from = openOnOrAfter(hub, first.plusDays(d.between(11, 15)));
                    drafts.add(new LotDraft(drafts.size(), donorId, hub.id(), RICE, Grams.ofKg(120), expiry(d, RICE, from),
                            from, null));
                    sum += Grams.ofKg(120);
                }
                while (sum < driveTarget) {
                    Site at = d.chance(0.6) ? hub : d.pick(depots);
                    List<DonorDraft> local = drivePoints.stream()
                            .filter(x -> x.site.municipality().equals(at.municipality())).toList();
                    // The drop-off site itself is the donor, or a food-drive point of the town that brought it in.
                    String donorId = !local.isEmpty() && d.chance(0.5) ? d.pick(local).site.id() : at.id();
                    Category c = pickCategory(d, DRIVE_CATEGORIES);
                    LocalDate from = openOnOrAfter(at, first.plusDays(d.between(7, 19)));
                    long grams = amount(d, c);
                    drafts.add(new LotDraft(drafts.size(), donorId, at.id(), c, grams, expiry(d, c, from), from, null));
                    sum += grams;
                }
            }

            // 3. The rest waits at the donors for pickup, available on an open day of the donor from the 1st to
            //    six days before the month ends (later lots belong to next month's plan).
            long donorTarget = Grams.ofKg(classKg) - stockTarget - driveTarget;
            LocalDate cutoff = last.minusDays(6);
            int span = (int) (cutoff.toEpochDay() - first.toEpochDay());
            sum = 0;
            while (sum < donorTarget) {
                DonorDraft donor = givers.get(d.weighted(giverWeights));
                Category c = pickCategory(d, GIVES.get(donor.site.kind()).get(t));
                LocalDate from = openBetween(donor.site, first.plusDays(d.between(0, span)), cutoff);
                long grams = amount(d, c);
                LocalDate expiry = expiry(d, c, from);
                String earmark = null;
                // A few farms and companies give to a cafeteria or facility of their own town (synthesised, ~4%).
                if ((donor.site.kind() == SiteKind.FARM || donor.site.kind() == SiteKind.COMPANY) && d.chance(0.04)) {
                    earmark = earmarkFor(d, donor.town, from, expiry);
                }
                drafts.add(new LotDraft(drafts.size(), donor.site.id(), donor.site.id(), c, grams, expiry, from, earmark));
                sum += grams;
            }
        }
        drafts.sort(Comparator.comparing(LotDraft::availableFrom).thenComparingInt(LotDraft::seq));
        String format = idFormat("lot-", drafts.size(), 4);
        List<DonationLot> lots = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            LotDraft l = drafts.get(i);
            lots.add(new DonationLot(String.format(format, i + 1), l.donorId(), l.siteId(), l.category().name(),
                    l.category().temperature(), l.grams(), l.expiry(), l.category().expiryKind(), l.availableFrom(),
                    l.earmarkedFor()));
        }
        return lots;
    }

    private static Category pickCategory(Dice d, List<Weighted<Category>> options) {
        double[] weights = options.stream().mapToDouble(Weighted::weight).toArray();
        return options.get(d.weighted(weights)).item();
    }

    /** A lot size in grams: rice in 10/20/30 kg bags (1-4 of them), other food to 0.1 kg. */
    private static long amount(Dice d, Category c) {
        if (c.bags()) {
            int bag = d.pick(List.of(10, 10, 20, 30, 30));
            return Grams.ofKg(bag * d.between(1, Math.min(4, (int) (c.maxKg() / bag))));
        }
        return Grams.ofKg(Math.round(d.uniform(c.minKg(), c.maxKg()) * 10) / 10.0);
    }

    private static LocalDate expiry(Dice d, Category c, LocalDate availableFrom) {
        return availableFrom.plusDays(d.between(c.minDays(), c.maxDays()));
    }

    private String earmarkFor(Dice d, Town town, LocalDate from, LocalDate expiry) {
        List<RecipientDraft> candidates = recipients.stream()
                .filter(r -> r.town == town)
                .filter(r -> r.servingDays.stream().anyMatch(s -> s.isAfter(from.plusDays(1)) && !s.isAfter(expiry)))
                .toList();
        return candidates.isEmpty() ? null : d.pick(candidates).id;
    }

    // ---------------------------------------------------------------------------------------------------
    // Needs

    private List<RecipientNeed> buildNeeds(List<DonationLot> lots) {
        Dice d = needsDice;
        Map<TemperatureClass, Long> usable = new EnumMap<>(TemperatureClass.class);
        for (TemperatureClass t : TemperatureClass.values()) {
            usable.put(t, 0L);
        }
        for (DonationLot lot : lots) {
            if (usable(lot, settings)) {
                usable.merge(lot.temperature(), lot.grams(), Long::sum);
            }
        }
        // Each recipient's share of a class is its size with +-20% per class (synthesised).
        int n = recipients.size();
        double[][] weight = new double[3][n];
        double[] total = new double[3];
        for (int i = 0; i < n; i++) {
            for (TemperatureClass t : TemperatureClass.values()) {
                weight[t.ordinal()][i] = recipients.get(i).size * d.uniform(0.8, 1.2);
                total[t.ordinal()] += weight[t.ordinal()][i];
            }
        }
        List<RecipientNeed> needs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RecipientDraft r = recipients.get(i);
            long[] grams = new long[3];
            for (TemperatureClass t : TemperatureClass.values()) {
                double target = NEED_TO_SUPPLY * usable.get(t) * weight[t.ordinal()][i] / total[t.ordinal()];
                grams[t.ordinal()] = Math.max(100, Math.round(target / 100.0) * 100); // to 0.1 kg
            }
            r.need = new ClassAmounts(grams[0], grams[1], grams[2]);
            // Storage per delivery (synthesised): 1.5x the need of one serving day, within ambient 50-150 kg,
            // chilled 20-40 kg, frozen 10-30 kg, rounded to 5 kg.
            int days = r.servingDays.size();
            r.storage = new ClassAmounts(
                    storage(1.5 * grams[0] / days, 50, 150),
                    storage(1.5 * grams[1] / days, 20, 40),
                    storage(1.5 * grams[2] / days, 10, 30));
            needs.add(new RecipientNeed(r.id, r.need, r.servingDays));
        }
        return needs;
    }

    private static long storage(double grams, int minKg, int maxKg) {
        long kg5 = Math.round(grams / 5000.0) * 5;
        return Grams.ofKg(Math.max(minKg, Math.min(maxKg, kg5)));
    }

    // ---------------------------------------------------------------------------------------------------
    // Volunteers and their vehicles

    private List<Driver> buildDrivers(List<Vehicle> vehicles) {
        Dice d = driversDice;
        List<Town> homes = new ArrayList<>();
        for (int unit = 0; unit < scale; unit++) {
            for (Town town : TOWNS) {
                for (int i = 0; i < town.drivers(); i++) {
                    homes.add(town);
                }
            }
        }
        int n = homes.size();
        String driverFormat = idFormat("drv-", n);
        String vehicleFormat = idFormat("veh-", n);
        // Freezer boxes (synthesised): 40% of the vehicles, drawn at random (at least a third).
        boolean[] freezer = new boolean[n];
        int[] order = d.permutation(n);
        for (int i = 0; i < Math.round(0.4 * n); i++) {
            freezer[order[i]] = true;
        }
        // Availability (synthesised): 1-3 fixed weekly slots of 3-5 hours, some full days; Sundays rare.
        List<Weighted<TimeWindow>> windows = List.of(w(TimeWindow.of("09:00", "13:00"), 3), w(TimeWindow.of("13:00", "17:00"), 3),
                w(TimeWindow.of("09:00", "12:00"), 1), w(TimeWindow.of("10:00", "15:00"), 1.5),
                w(TimeWindow.of("14:00", "17:00"), 1), w(TimeWindow.of("09:00", "17:00"), 1));
        double[] windowWeights = windows.stream().mapToDouble(Weighted::weight).toArray();
        double[] weekdayWeights = {1, 1, 1, 1, 1, 1.2, 0.3};
        Set<String> usedNames = new HashSet<>();
        List<Driver> drivers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Town town = homes.get(i);
            String surname = d.pick(SURNAMES);
            String name = surname + " " + d.pick(GIVEN_NAMES);
            for (int tries = 0; tries < 10 && !usedNames.add(name); tries++) {
                surname = d.pick(SURNAMES);
                name = surname + " " + d.pick(GIVEN_NAMES);
            }
            String vehicleId = String.format(vehicleFormat, i + 1);
            // Vehicles (synthesised): kei vans 60% (ambient 250-400 kg), kei cars 30% (150-250 kg), minivans
            // 10% (300-400 kg); a cooler box (chilled 20-60 kg) in 85% of them.
            int type = d.weighted(new double[] {0.6, 0.3, 0.1});
            String typeName = List.of("軽バン", "軽自動車", "ミニバン").get(type);
            int ambientKg = switch (type) {
                case 0 -> 10 * d.between(25, 40);
                case 1 -> 10 * d.between(15, 25);
                default -> 10 * d.between(30, 40);
            };
            int chilledKg = d.chance(0.85) ? 5 * d.between(4, 12) : 0;
            int frozenKg = freezer[i] ? 5 * d.between(3, 8) : 0;
            vehicles.add(new Vehicle(vehicleId, typeName + " " + surname,
                    ClassAmounts.ofKg(ambientKg, chilledKg, frozenKg)));

            Map<DayOfWeek, TimeWindow> pattern = new EnumMap<>(DayOfWeek.class);
            int perWeek = 1 + d.weighted(new double[] {0.3, 0.45, 0.25});
            while (pattern.size() < perWeek) {
                pattern.put(DayOfWeek.of(1 + d.weighted(weekdayWeights)), windows.get(d.weighted(windowWeights)).item());
            }
            List<AvailabilitySlot> slots = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                TimeWindow window = pattern.get(day.getDayOfWeek());
                boolean newYear = (day.getMonthValue() == 12 && day.getDayOfMonth() == 31)
                        || (day.getMonthValue() == 1 && day.getDayOfMonth() == 1);
                // Away one week in seven or so (synthesised); never on New Year's Eve and Day.
                if (window != null && !newYear && !d.chance(0.15)) {
                    slots.add(new AvailabilitySlot(day, window.from(), window.to()));
                }
            }
            if (slots.isEmpty()) { // everyone can drive at least once in the month
                LocalDate day = first.with(TemporalAdjusters.nextOrSame(pattern.keySet().iterator().next()));
                TimeWindow window = pattern.get(day.getDayOfWeek());
                slots.add(new AvailabilitySlot(day, window.from(), window.to()));
            }
            int maxMinutes = 30 * d.between(6, 12); // 180-360 minutes a day
            drivers.add(new Driver(String.format(driverFormat, i + 1), name, mobile(d),
                    scatter(d, town, town.key().equals("tottori") ? 6.0 : 2.0), maxMinutes, vehicleId, slots));
        }
        return drivers;
    }

    // ---------------------------------------------------------------------------------------------------
    // Helpers

    private static Town town(String key) {
        return TOWNS.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    /** A point scattered uniformly in a disc around the town office, kept out of the sea on coastal towns. */
    private static GeoPoint scatter(Dice d, Town town, double radiusKm) {
        double r = radiusKm * Math.sqrt(d.uniform(0, 1));
        double a = d.uniform(0, 2 * Math.PI);
        double east = r * Math.cos(a);
        double north = r * Math.sin(a);
        if (north > town.maxNorthKm()) {
            north = 2 * town.maxNorthKm() - north;
        }
        return offset(town.lat(), town.lon(), east, north);
    }

    private static GeoPoint offset(double lat, double lon, double eastKm, double northKm) {
        double newLat = lat + northKm / 111.0;
        double newLon = lon + eastKm / (111.32 * Math.cos(Math.toRadians(lat)));
        return new GeoPoint(Math.round(newLat * 1e6) / 1e6, Math.round(newLon * 1e6) / 1e6);
    }

    private static String address(Dice d, Town town) {
        return address(d, town, d.pick(town.districts()));
    }

    private static String address(Dice d, Town town, String district) {
        return town.addressPrefix() + district + d.between(1, 999) + (d.chance(0.5) ? "-" + d.between(1, 20) : "");
    }

    /** A landline-like number of the town's area code; the "00" exchange is unassigned, so it reaches no one. */
    private static String phone(Dice d, Town town) {
        return town.areaCode() + "-00-" + String.format("%04d", d.between(0, 9999));
    }

    private static String mobile(Dice d) {
        return d.pick(List.of("090", "080", "070")) + "-00" + String.format("%02d", d.between(0, 99)) + "-"
                + String.format("%04d", d.between(0, 9999));
    }

    private String uniqueName(String name) {
        int uses = nameUses.merge(name, 1, Integer::sum);
        return uses == 1 ? name : name + " " + uses;
    }

    private Set<LocalDate> closedOn(List<LocalDate> dates) {
        Set<LocalDate> set = new TreeSet<>();
        for (LocalDate date : dates) {
            if (!date.isBefore(first) && !date.isAfter(last)) {
                set.add(date);
            }
        }
        return set;
    }

    /** 31 December to 3 January (farms), or from the given December day. */
    private List<LocalDate> yearEnd(int fromDecemberDay) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if ((day.getMonthValue() == 12 && day.getDayOfMonth() >= fromDecemberDay)
                    || (day.getMonthValue() == 1 && day.getDayOfMonth() <= 3)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** The first day on or after {@code day} (within the month) on which the site is open; else the last before. */
    private LocalDate openOnOrAfter(Site site, LocalDate day) {
        return openBetween(site, day, last);
    }

    private LocalDate openBetween(Site site, LocalDate day, LocalDate limit) {
        for (LocalDate x = day; !x.isAfter(limit); x = x.plusDays(1)) {
            if (site.openOn(x).isPresent()) {
                return x;
            }
        }
        for (LocalDate x = day.minusDays(1); !x.isBefore(first); x = x.minusDays(1)) {
            if (site.openOn(x).isPresent()) {
                return x;
            }
        }
        return day;
    }

    private static OpeningHours weekly(LocalTime from, LocalTime to, DayOfWeek... days) {
        return OpeningHours.weekdays(new TimeWindow(from, to), days);
    }

    private static String idFormat(String prefix, int count) {
        return idFormat(prefix, count, 3);
    }

    /** "caf-%03d": at least {@code minDigits} digits, more when the count needs them. */
    private static String idFormat(String prefix, int count, int minDigits) {
        return prefix + "%0" + Math.max(minDigits, String.valueOf(count).length()) + "d";
    }

    private static <T> Weighted<T> w(T item, double weight) {
        return new Weighted<>(item, weight);
    }

    @SafeVarargs
    private static void gives(SiteKind kind, Weighted<Category>... categories) {
        Map<TemperatureClass, List<Weighted<Category>>> byClass = new EnumMap<>(TemperatureClass.class);
        for (TemperatureClass t : TemperatureClass.values()) {
            List<Weighted<Category>> list = new ArrayList<>();
            for (Weighted<Category> c : categories) {
                if (c.item().temperature() == t) {
                    list.add(c);
                }
            }
            byClass.put(t, List.copyOf(list));
        }
        GIVES.put(kind, byClass);
    }

    private static Map<TemperatureClass, Double> enumMap(double ambient, double chilled, double frozen) {
        Map<TemperatureClass, Double> map = new EnumMap<>(TemperatureClass.class);
        map.put(TemperatureClass.AMBIENT, ambient);
        map.put(TemperatureClass.CHILLED, chilled);
        map.put(TemperatureClass.FROZEN, frozen);
        return map;
    }

    private static <T> List<T> repeat(int times, List<T> items) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.addAll(items);
        }
        return List.copyOf(list);
    }
}
