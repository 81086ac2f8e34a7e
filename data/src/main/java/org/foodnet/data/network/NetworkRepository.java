package org.foodnet.data.network;

import static org.foodnet.data.jooq.Tables.AVAILABILITY_SLOT;
import static org.foodnet.data.jooq.Tables.DONATION_LOT;
import static org.foodnet.data.jooq.Tables.RECIPIENT_NEED;
import static org.foodnet.data.jooq.Tables.REGION;
import static org.foodnet.data.jooq.Tables.SERVING_DAY;
import static org.foodnet.data.jooq.Tables.SITE;
import static org.foodnet.data.jooq.Tables.SITE_CLOSED_DATE;
import static org.foodnet.data.jooq.Tables.SITE_OPENING_HOURS;
import static org.foodnet.data.jooq.Tables.STOCK_DELTA;
import static org.foodnet.data.jooq.Tables.STOCK_MOVEMENT;
import static org.foodnet.data.jooq.Tables.TRAVEL_LEG;
import static org.foodnet.data.jooq.Tables.TRAVEL_PLACE;
import static org.foodnet.data.jooq.Tables.TRAVEL_SOURCE;
import static org.foodnet.data.jooq.Tables.VEHICLE;
import static org.foodnet.data.jooq.Tables.VOLUNTEER;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.Ids;
import org.foodnet.data.Ids.RegionKey;
import org.foodnet.data.jooq.tables.records.DonationLotRecord;
import org.foodnet.data.jooq.tables.records.RegionRecord;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.Operation;
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
import org.foodnet.solver.travel.TravelMatrix;
import org.foodnet.solver.travel.TravelSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.exception.DataAccessException;

/**
 * A region's food network: sites, needs, vehicles, volunteers and their slots, and the donation lots, stored
 * in and loaded from the database as the planning core's {@link Network}.
 */
public final class NetworkRepository {

    /** Who the ledger names for lots brought in by {@link #store}. */
    public static final String IMPORTED_BY = "network import";

    private final DSLContext dsl;

    public NetworkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Codes of all regions, alphabetically. */
    public List<String> regions() {
        return dsl.select(REGION.CODE).from(REGION).orderBy(REGION.CODE).fetch(REGION.CODE);
    }

    /**
     * Stores a network as region {@code region} (created if new), in one transaction (or a savepoint of the
     * caller's). Sites, vehicles and volunteers are created or updated by id; the month's needs and the
     * volunteers' slots in that month are replaced; the travel matrix is replaced (removed when null). Lots
     * that are new are registered and logged in the stock ledger where the network has them, as arriving at
     * 00:00 of their available-from day; lots already known (and {@code lot@site} parts of them, as
     * {@link #load} names them) are left alone, because the ledger, not the network, says where food is.
     */
    public void store(String region, Network network) {
        translated(() -> {
            dsl.transaction(cfg -> new Store(cfg.dsl(), region, network).run());
            return null;
        });
    }

    /**
     * The planning problem of a month: the network with the month's needs and volunteers' slots, and as lots
     * the stock on hand at the start of the month plus the donations logged for the month. A lot in stock at
     * more than one site appears once per site as {@code lot@site}.
     */
    public Optional<Network> load(String region, YearMonth month) {
        return translated(() -> Ids.findRegion(dsl, region).map(r -> new Load(dsl, r, month).run()));
    }

    /**
     * What the stock ledger says about a month after its row {@code throughSequence} (see
     * {@link Ledger#head}): the month's network as {@link #load} has it, except that the lots are the stock on
     * hand after that row, and the grams each recipient got by deliveries recorded in the month up to that row.
     *
     * @param network   the month with, as lots, the stock the ledger has after row {@code throughSequence}
     *                  (every row up to it, whenever it occurred, except donations logged for a later month);
     *                  named as {@link #load} names them ({@code lot@site} when a lot is at several sites), and a
     *                  part brought to a site by a pickup or transfer available from the day it arrived
     * @param delivered recipient id -> grams per temperature class delivered by rows up to {@code throughSequence}
     *                  that occurred in the month
     */
    public record LedgerMonth(Network network, Map<String, ClassAmounts> delivered) {
    }

    /** The month as the stock ledger has it after row {@code throughSequence}; empty for an unknown region. */
    public Optional<LedgerMonth> loadAtLedger(String region, YearMonth month, long throughSequence) {
        return translated(() -> Ids.findRegion(dsl, region).map(r -> {
            Load load = new Load(dsl, r, month);
            Network network = load.run(throughSequence);
            return new LedgerMonth(network, load.delivered(network.settings().zone(), throughSequence));
        }));
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw ConstraintViolation.translate(e);
        }
    }

    /** The id under which part of a lot appears when the lot is in stock at several sites. */
    public static String partId(String lotId, String siteId) {
        return lotId + "@" + siteId;
    }

    // --- store -----------------------------------------------------------------------------------------------

    private static final class Store {
        private final DSLContext tx;
        private final String regionCode;
        private final Network network;
        private final PlanningSettings settings;
        private long regionId;
        private final Map<String, Long> siteIds = new HashMap<>();

        Store(DSLContext tx, String regionCode, Network network) {
            this.tx = tx;
            this.regionCode = regionCode;
            this.network = network;
            this.settings = network.settings();
        }

        void run() {
            storeRegion();
            storeSites();
            storeNeeds();
            Map<String, Long> vehicleIds = storeVehicles();
            storeVolunteers(vehicleIds);
            storeLots();
            storeTravelMatrix();
        }

        private void storeRegion() {
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(REGION.NETWORK_NAME, network.name());
            values.put(REGION.TIME_ZONE, settings.zone().getId());
            values.put(REGION.ROAD_FACTOR, settings.roadFactor());
            values.put(REGION.AVERAGE_SPEED_KMH, settings.averageSpeedKmh());
            values.put(REGION.ALLOW_DONOR_TO_DEPOT, settings.allowDonorToDepot());
            values.put(REGION.ALLOW_HUB_TO_RECIPIENT, settings.allowHubToRecipient());
            values.put(REGION.ALLOW_DONOR_TO_RECIPIENT, settings.allowDonorToRecipient());
            values.put(REGION.BEST_BEFORE_GRACE_DAYS, settings.bestBeforeGraceDays());
            regionId = tx.insertInto(REGION).set(REGION.CODE, regionCode).set(values)
                    .onConflict(REGION.CODE).doUpdate().set(values)
                    .returning(REGION.ID).fetchSingle().getId();
        }

        private void storeSites() {
            for (Site site : network.sites()) {
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                values.put(SITE.NAME, site.name());
                values.put(SITE.KIND, site.kind().name());
                values.put(SITE.MUNICIPALITY, site.municipality());
                values.put(SITE.ADDRESS, site.address());
                values.put(SITE.CONTACT, site.contact());
                values.put(SITE.LAT, site.location().lat());
                values.put(SITE.LON, site.location().lon());
                values.put(SITE.SERVICE_SECONDS, site.serviceSeconds());
                values.put(SITE.STORAGE_AMBIENT_GRAMS, site.storageCapacity().ambientGrams());
                values.put(SITE.STORAGE_CHILLED_GRAMS, site.storageCapacity().chilledGrams());
                values.put(SITE.STORAGE_FROZEN_GRAMS, site.storageCapacity().frozenGrams());
                values.put(SITE.SERVING_DEPOT_ID, null);
                long id = tx.insertInto(SITE).set(SITE.REGION_ID, regionId).set(SITE.EXTERNAL_ID, site.id()).set(values)
                        .onConflict(SITE.REGION_ID, SITE.EXTERNAL_ID).doUpdate().set(values)
                        .returning(SITE.ID).fetchSingle().getId();
                siteIds.put(site.id(), id);
            }
            // serving depots once every site exists (a recipient may come before its depot)
            for (Site site : network.sites()) {
                if (site.servingDepotId() != null) {
                    tx.update(SITE).set(SITE.SERVING_DEPOT_ID, siteIds.get(site.servingDepotId()))
                            .where(SITE.ID.eq(siteIds.get(site.id()))).execute();
                }
            }
            List<Long> ids = List.copyOf(siteIds.values());
            tx.deleteFrom(SITE_OPENING_HOURS).where(SITE_OPENING_HOURS.SITE_ID.in(ids)).execute();
            tx.deleteFrom(SITE_CLOSED_DATE).where(SITE_CLOSED_DATE.SITE_ID.in(ids)).execute();
            var hours = tx.insertInto(SITE_OPENING_HOURS, SITE_OPENING_HOURS.SITE_ID, SITE_OPENING_HOURS.WEEKDAY,
                    SITE_OPENING_HOURS.OPENS, SITE_OPENING_HOURS.CLOSES);
            var closed = tx.insertInto(SITE_CLOSED_DATE, SITE_CLOSED_DATE.SITE_ID, SITE_CLOSED_DATE.CLOSED_ON);
            int hourRows = 0;
            int closedRows = 0;
            for (Site site : network.sites()) {
                long id = siteIds.get(site.id());
                for (Map.Entry<DayOfWeek, TimeWindow> e : site.openingHours().byWeekday().entrySet()) {
                    hours = hours.values(id, (short) e.getKey().getValue(), e.getValue().from(), e.getValue().to());
                    hourRows++;
                }
                for (LocalDate day : site.closedDates()) {
                    closed = closed.values(id, day);
                    closedRows++;
                }
            }
            if (hourRows > 0) {
                hours.execute();
            }
            if (closedRows > 0) {
                closed.execute();
            }
        }

        private void storeNeeds() {
            LocalDate month = settings.month().atDay(1);
            List<Long> keep = new ArrayList<>();
            for (RecipientNeed need : network.needs()) {
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                values.put(RECIPIENT_NEED.AMBIENT_GRAMS, need.monthlyNeed().ambientGrams());
                values.put(RECIPIENT_NEED.CHILLED_GRAMS, need.monthlyNeed().chilledGrams());
                values.put(RECIPIENT_NEED.FROZEN_GRAMS, need.monthlyNeed().frozenGrams());
                long id = tx.insertInto(RECIPIENT_NEED)
                        .set(RECIPIENT_NEED.REGION_ID, regionId)
                        .set(RECIPIENT_NEED.RECIPIENT_ID, siteIds.get(need.recipientId()))
                        .set(RECIPIENT_NEED.MONTH, month)
                        .set(values)
                        .onConflict(RECIPIENT_NEED.RECIPIENT_ID, RECIPIENT_NEED.MONTH).doUpdate().set(values)
                        .returning(RECIPIENT_NEED.ID).fetchSingle().getId();
                keep.add(id);
                tx.deleteFrom(SERVING_DAY).where(SERVING_DAY.NEED_ID.eq(id)).execute();
                if (!need.servingDays().isEmpty()) {
                    var insert = tx.insertInto(SERVING_DAY, SERVING_DAY.NEED_ID, SERVING_DAY.MONTH, SERVING_DAY.DAY);
                    for (LocalDate day : need.servingDays()) {
                        insert = insert.values(id, month, day);
                    }
                    insert.execute();
                }
            }
            // the network is the whole month: needs of recipients it no longer lists are gone
            tx.deleteFrom(RECIPIENT_NEED)
                    .where(RECIPIENT_NEED.REGION_ID.eq(regionId), RECIPIENT_NEED.MONTH.eq(month), RECIPIENT_NEED.ID.notIn(keep))
                    .execute();
        }

        private Map<String, Long> storeVehicles() {
            for (Vehicle vehicle : network.vehicles()) {
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                values.put(VEHICLE.NAME, vehicle.name());
                values.put(VEHICLE.AMBIENT_GRAMS, vehicle.capacity().ambientGrams());
                values.put(VEHICLE.CHILLED_GRAMS, vehicle.capacity().chilledGrams());
                values.put(VEHICLE.FROZEN_GRAMS, vehicle.capacity().frozenGrams());
                tx.insertInto(VEHICLE).set(VEHICLE.REGION_ID, regionId).set(VEHICLE.EXTERNAL_ID, vehicle.id()).set(values)
                        .onConflict(VEHICLE.REGION_ID, VEHICLE.EXTERNAL_ID).doUpdate().set(values)
                        .execute();
            }
            return Ids.vehicles(tx, regionId);
        }

        private void storeVolunteers(Map<String, Long> vehicleIds) {
            LocalDate first = settings.firstDay();
            LocalDate last = settings.lastDay();
            for (Driver driver : network.drivers()) {
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                values.put(VOLUNTEER.NAME, driver.name());
                values.put(VOLUNTEER.CONTACT, driver.contact());
                values.put(VOLUNTEER.HOME_LAT, driver.home().lat());
                values.put(VOLUNTEER.HOME_LON, driver.home().lon());
                values.put(VOLUNTEER.MAX_MINUTES_PER_DAY, driver.maxMinutesPerDay());
                values.put(VOLUNTEER.VEHICLE_ID, vehicleIds.get(driver.vehicleId()));
                long id = tx.insertInto(VOLUNTEER).set(VOLUNTEER.REGION_ID, regionId)
                        .set(VOLUNTEER.EXTERNAL_ID, driver.id()).set(values)
                        .onConflict(VOLUNTEER.REGION_ID, VOLUNTEER.EXTERNAL_ID).doUpdate().set(values)
                        .returning(VOLUNTEER.ID).fetchSingle().getId();
                Set<LocalDate> days = new HashSet<>();
                driver.slots().forEach(s -> days.add(s.date()));
                tx.deleteFrom(AVAILABILITY_SLOT)
                        .where(AVAILABILITY_SLOT.VOLUNTEER_ID.eq(id))
                        .and(AVAILABILITY_SLOT.SLOT_DATE.between(first, last).or(AVAILABILITY_SLOT.SLOT_DATE.in(days)))
                        .execute();
                if (!driver.slots().isEmpty()) {
                    var insert = tx.insertInto(AVAILABILITY_SLOT, AVAILABILITY_SLOT.VOLUNTEER_ID, AVAILABILITY_SLOT.SLOT_DATE,
                            AVAILABILITY_SLOT.STARTS, AVAILABILITY_SLOT.ENDS);
                    for (AvailabilitySlot slot : driver.slots()) {
                        insert = insert.values(id, slot.date(), slot.from(), slot.to());
                    }
                    insert.execute();
                }
            }
        }

        private void storeLots() {
            Set<String> known = Ids.lots(tx, regionId).keySet();
            Ledger ledger = new Ledger(tx);
            for (DonationLot lot : network.lots()) {
                if (known.contains(lot.id()) || isPartOfKnownLot(lot.id(), known)) {
                    continue;
                }
                Instant arrives = lot.availableFrom().atStartOfDay(settings.zone()).toInstant();
                ledger.register(regionCode, lot,
                        new Operation("import:" + regionCode + ":" + lot.id(), IMPORTED_BY, arrives));
            }
        }

        /** "lot@site" from {@link #load}: part of a lot already in the ledger, which must not be logged twice. */
        private boolean isPartOfKnownLot(String id, Set<String> known) {
            int at = id.lastIndexOf('@');
            return at > 0 && known.contains(id.substring(0, at)) && siteIds.containsKey(id.substring(at + 1));
        }

        /**
         * Writes only what changed: places keep their stored positions (a new place takes the next free one, a place
         * no longer in the matrix is deleted with its legs), and only legs whose km or minutes differ from the stored
         * ones are inserted or updated. Adding one site to a stored matrix of n places so writes 2n + 1 legs.
         */
        private void storeTravelMatrix() {
            TravelMatrix matrix = network.travelMatrix();
            TravelSource storedSource = tx.selectFrom(TRAVEL_SOURCE).where(TRAVEL_SOURCE.REGION_ID.eq(regionId))
                    .fetchOptional(r -> new TravelSource(r.getExtract(), r.getSha256())).orElse(null);
            if (matrix == null) {
                tx.deleteFrom(TRAVEL_PLACE).where(TRAVEL_PLACE.REGION_ID.eq(regionId)).execute();
                tx.deleteFrom(TRAVEL_SOURCE).where(TRAVEL_SOURCE.REGION_ID.eq(regionId)).execute();
                return;
            }
            if (!java.util.Objects.equals(storedSource, matrix.source())) {
                tx.deleteFrom(TRAVEL_SOURCE).where(TRAVEL_SOURCE.REGION_ID.eq(regionId)).execute();
                if (matrix.source() != null) {
                    tx.insertInto(TRAVEL_SOURCE, TRAVEL_SOURCE.REGION_ID, TRAVEL_SOURCE.EXTRACT, TRAVEL_SOURCE.SHA256)
                            .values(regionId, matrix.source().extract(), matrix.source().sha256()).execute();
                }
            }
            Map<String, Integer> stored = new HashMap<>();
            tx.select(TRAVEL_PLACE.PLACE_ID, TRAVEL_PLACE.POSITION).from(TRAVEL_PLACE)
                    .where(TRAVEL_PLACE.REGION_ID.eq(regionId)).forEach(r -> stored.put(r.value1(), r.value2()));
            Set<String> keep = new HashSet<>(matrix.placeIds());
            List<String> gone = stored.keySet().stream().filter(id -> !keep.contains(id)).toList();
            if (!gone.isEmpty()) {
                tx.deleteFrom(TRAVEL_PLACE).where(TRAVEL_PLACE.REGION_ID.eq(regionId)).and(TRAVEL_PLACE.PLACE_ID.in(gone))
                        .execute();
                gone.forEach(stored::remove);
            }
            int n = matrix.placeIds().size();
            int[] position = new int[n];
            int next = stored.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            var places = tx.insertInto(TRAVEL_PLACE, TRAVEL_PLACE.REGION_ID, TRAVEL_PLACE.POSITION, TRAVEL_PLACE.PLACE_ID);
            boolean added = false;
            for (int i = 0; i < n; i++) {
                Integer at = stored.get(matrix.placeIds().get(i));
                if (at == null) {
                    at = next++;
                    places = places.values(regionId, at, matrix.placeIds().get(i));
                    added = true;
                }
                position[i] = at;
            }
            if (added) {
                places.execute();
            }
            int size = next;
            int[] indexOf = new int[size];
            java.util.Arrays.fill(indexOf, -1);
            for (int i = 0; i < n; i++) {
                indexOf[position[i]] = i;
            }
            boolean[][] same = new boolean[n][];
            if (!stored.isEmpty()) {
                tx.select(TRAVEL_LEG.FROM_POSITION, TRAVEL_LEG.TO_POSITION, TRAVEL_LEG.KM, TRAVEL_LEG.MINUTES).from(TRAVEL_LEG)
                        .where(TRAVEL_LEG.REGION_ID.eq(regionId)).fetchSize(10_000).forEach(r -> {
                            int i = r.value1() < size ? indexOf[r.value1()] : -1;
                            int j = r.value2() < size ? indexOf[r.value2()] : -1;
                            if (i >= 0 && j >= 0 && r.value3() == matrix.km()[i][j] && r.value4() == matrix.minutes()[i][j]) {
                                if (same[i] == null) {
                                    same[i] = new boolean[n];
                                }
                                same[i][j] = true;
                            }
                        });
            }
            for (int i = 0; i < n; i++) {
                var legs = tx.insertInto(TRAVEL_LEG, TRAVEL_LEG.REGION_ID, TRAVEL_LEG.FROM_POSITION, TRAVEL_LEG.TO_POSITION,
                        TRAVEL_LEG.KM, TRAVEL_LEG.MINUTES);
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (same[i] != null && same[i][j]) {
                        continue;
                    }
                    legs = legs.values(regionId, position[i], position[j], matrix.km()[i][j], matrix.minutes()[i][j]);
                    count++;
                }
                if (count > 0) {
                    legs.onConflict(TRAVEL_LEG.REGION_ID, TRAVEL_LEG.FROM_POSITION, TRAVEL_LEG.TO_POSITION).doUpdate()
                            .set(TRAVEL_LEG.KM, DSL.excluded(TRAVEL_LEG.KM))
                            .set(TRAVEL_LEG.MINUTES, DSL.excluded(TRAVEL_LEG.MINUTES)).execute();
                }
            }
        }
    }

    // --- load ------------------------------------------------------------------------------------------------

    private static final class Load {
        private final DSLContext dsl;
        private final RegionKey region;
        private final YearMonth month;
        private final Map<Long, String> siteExternalIds;

        Load(DSLContext dsl, RegionKey region, YearMonth month) {
            this.dsl = dsl;
            this.region = region;
            this.month = month;
            this.siteExternalIds = Ids.siteExternalIds(dsl, region.id());
        }

        Network run() {
            return run(null);
        }

        /** The month; lots as at the month's start (null) or after ledger row {@code through}. */
        Network run(Long through) {
            RegionRecord r = dsl.selectFrom(REGION).where(REGION.ID.eq(region.id())).fetchSingle();
            PlanningSettings settings = new PlanningSettings(month, ZoneId.of(r.getTimeZone()), r.getRoadFactor(),
                    r.getAverageSpeedKmh(), r.getAllowDonorToDepot(), r.getAllowHubToRecipient(),
                    r.getAllowDonorToRecipient(), r.getBestBeforeGraceDays());
            return new Network(r.getNetworkName(), settings, sites(), needs(), lots(settings.zone(), through), vehicles(),
                    drivers(), travelMatrix());
        }

        private List<Site> sites() {
            Map<Long, Map<DayOfWeek, TimeWindow>> hours = new HashMap<>();
            dsl.select(SITE_OPENING_HOURS.SITE_ID, SITE_OPENING_HOURS.WEEKDAY, SITE_OPENING_HOURS.OPENS, SITE_OPENING_HOURS.CLOSES)
                    .from(SITE_OPENING_HOURS).join(SITE).on(SITE.ID.eq(SITE_OPENING_HOURS.SITE_ID))
                    .where(SITE.REGION_ID.eq(region.id()))
                    .forEach(h -> hours.computeIfAbsent(h.value1(), k -> new EnumMap<>(DayOfWeek.class))
                            .put(DayOfWeek.of(h.value2()), new TimeWindow(h.value3(), h.value4())));
            Map<Long, Set<LocalDate>> closed = new HashMap<>();
            dsl.select(SITE_CLOSED_DATE.SITE_ID, SITE_CLOSED_DATE.CLOSED_ON)
                    .from(SITE_CLOSED_DATE).join(SITE).on(SITE.ID.eq(SITE_CLOSED_DATE.SITE_ID))
                    .where(SITE.REGION_ID.eq(region.id()))
                    .forEach(c -> closed.computeIfAbsent(c.value1(), k -> new HashSet<>()).add(c.value2()));
            return dsl.selectFrom(SITE).where(SITE.REGION_ID.eq(region.id())).orderBy(SITE.ID).fetch(s -> new Site(
                    s.getExternalId(), s.getName(), SiteKind.valueOf(s.getKind()), s.getMunicipality(), s.getAddress(),
                    s.getContact(), new GeoPoint(s.getLat(), s.getLon()), new OpeningHours(hours.get(s.getId())),
                    closed.getOrDefault(s.getId(), Set.of()), s.getServiceSeconds(),
                    new ClassAmounts(s.getStorageAmbientGrams(), s.getStorageChilledGrams(), s.getStorageFrozenGrams()),
                    s.getServingDepotId() == null ? null : siteExternalIds.get(s.getServingDepotId())));
        }

        private List<RecipientNeed> needs() {
            LocalDate first = month.atDay(1);
            Map<Long, List<LocalDate>> days = new HashMap<>();
            dsl.select(SERVING_DAY.NEED_ID, SERVING_DAY.DAY).from(SERVING_DAY)
                    .join(RECIPIENT_NEED).on(RECIPIENT_NEED.ID.eq(SERVING_DAY.NEED_ID))
                    .where(RECIPIENT_NEED.REGION_ID.eq(region.id()), RECIPIENT_NEED.MONTH.eq(first))
                    .orderBy(SERVING_DAY.DAY)
                    .forEach(d -> days.computeIfAbsent(d.value1(), k -> new ArrayList<>()).add(d.value2()));
            return dsl.selectFrom(RECIPIENT_NEED)
                    .where(RECIPIENT_NEED.REGION_ID.eq(region.id()), RECIPIENT_NEED.MONTH.eq(first))
                    .orderBy(RECIPIENT_NEED.ID)
                    .fetch(n -> new RecipientNeed(siteExternalIds.get(n.getRecipientId()),
                            new ClassAmounts(n.getAmbientGrams(), n.getChilledGrams(), n.getFrozenGrams()),
                            days.getOrDefault(n.getId(), List.of())));
        }

        /**
         * With {@code through} null: stock on hand per lot and site at the start of the month (ledger rows that
         * occurred before it), plus the donations logged for the month (LOGGED rows occurring in it) and the
         * corrections of any logged donation made before the month ends (an organizer who weighed again: the plan
         * must not share out food that is not there). With a ledger row number: the stock on hand after that row
         * (every row up to it, except LOGGED rows occurring after the month), each part that a pickup or transfer
         * brought to its site available from the day of the last such arrival. Lots not available before the
         * month ends are left out.
         */
        private List<DonationLot> lots(ZoneId zone, Long through) {
            OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
            Field<Long> onHand = DSL.sum(STOCK_DELTA.GRAMS).cast(SQLDataType.BIGINT).as("on_hand");
            Field<OffsetDateTime> arrived = DSL.max(STOCK_DELTA.OCCURRED_AT)
                    .filterWhere(STOCK_DELTA.KIND.in("PICKED_UP", "TRANSFERRED").and(STOCK_DELTA.GRAMS.gt(0L))).as("arrived");
            var row = STOCK_MOVEMENT.as("row");
            var corrected = STOCK_MOVEMENT.as("corrected");
            org.jooq.Condition rows = through == null
                    ? STOCK_DELTA.OCCURRED_AT.lt(start)
                            .or(STOCK_DELTA.OCCURRED_AT.lt(end).and(STOCK_DELTA.KIND.eq("LOGGED")
                                    .or(STOCK_DELTA.KIND.eq("CORRECTED").and(corrected.KIND.eq("LOGGED"))
                                            .and(corrected.OCCURRED_AT.lt(end)))))
                    : STOCK_DELTA.MOVEMENT_ID.le(through).and(STOCK_DELTA.KIND.ne("LOGGED").or(STOCK_DELTA.OCCURRED_AT.lt(end)));
            var parts = dsl.select(STOCK_DELTA.LOT_ID, STOCK_DELTA.SITE_ID, onHand, arrived)
                    .from(STOCK_DELTA)
                    .join(DONATION_LOT).on(DONATION_LOT.ID.eq(STOCK_DELTA.LOT_ID))
                    .join(row).on(row.ID.eq(STOCK_DELTA.MOVEMENT_ID))
                    .leftJoin(corrected).on(corrected.ID.eq(row.CORRECTS_ID))
                    .where(STOCK_DELTA.REGION_ID.eq(region.id()))
                    .and(DONATION_LOT.AVAILABLE_FROM.le(month.atEndOfMonth()))
                    .and(rows)
                    .groupBy(STOCK_DELTA.LOT_ID, STOCK_DELTA.SITE_ID)
                    .having(DSL.sum(STOCK_DELTA.GRAMS).gt(java.math.BigDecimal.ZERO))
                    .orderBy(STOCK_DELTA.LOT_ID, STOCK_DELTA.SITE_ID)
                    .fetch();
            Map<Long, Integer> partsPerLot = new HashMap<>();
            parts.forEach(p -> partsPerLot.merge(p.value1(), 1, Integer::sum));
            Map<Long, DonationLotRecord> lots = dsl.selectFrom(DONATION_LOT)
                    .where(DONATION_LOT.ID.in(partsPerLot.keySet()))
                    .fetchMap(DONATION_LOT.ID);
            List<DonationLot> result = new ArrayList<>(parts.size());
            for (var part : parts) {
                DonationLotRecord lot = lots.get(part.value1());
                String site = siteExternalIds.get(part.value2());
                String id = partsPerLot.get(part.value1()) > 1 ? partId(lot.getExternalId(), site) : lot.getExternalId();
                LocalDate from = lot.getAvailableFrom();
                if (through != null && part.value4() != null) {
                    LocalDate arrival = part.value4().atZoneSameInstant(zone).toLocalDate();
                    from = arrival.isAfter(from) ? arrival : from;
                }
                result.add(new DonationLot(id, siteExternalIds.get(lot.getDonorId()), site, lot.getCategory(),
                        TemperatureClass.valueOf(lot.getTemperature()), part.value3(), lot.getExpiryDate(),
                        ExpiryKind.valueOf(lot.getExpiryKind()), from,
                        lot.getEarmarkedFor() == null ? null : siteExternalIds.get(lot.getEarmarkedFor())));
            }
            return result;
        }

        /** Grams per recipient and temperature class delivered by ledger rows up to {@code through} occurring in the month. */
        Map<String, ClassAmounts> delivered(ZoneId zone, long through) {
            OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
            Field<Long> grams = DSL.sum(STOCK_MOVEMENT.GRAMS).cast(SQLDataType.BIGINT).as("grams");
            Map<String, ClassAmounts> result = new LinkedHashMap<>();
            dsl.select(STOCK_MOVEMENT.RECIPIENT_ID, DONATION_LOT.TEMPERATURE, grams)
                    .from(STOCK_MOVEMENT)
                    .join(DONATION_LOT).on(DONATION_LOT.ID.eq(STOCK_MOVEMENT.LOT_ID))
                    .where(STOCK_MOVEMENT.REGION_ID.eq(region.id()), STOCK_MOVEMENT.KIND.eq("DELIVERED"),
                            STOCK_MOVEMENT.ID.le(through), STOCK_MOVEMENT.OCCURRED_AT.ge(start),
                            STOCK_MOVEMENT.OCCURRED_AT.lt(end))
                    .groupBy(STOCK_MOVEMENT.RECIPIENT_ID, DONATION_LOT.TEMPERATURE)
                    .orderBy(STOCK_MOVEMENT.RECIPIENT_ID, DONATION_LOT.TEMPERATURE)
                    .forEach(d -> {
                        String recipient = siteExternalIds.get(d.value1());
                        TemperatureClass t = TemperatureClass.valueOf(d.value2());
                        ClassAmounts got = result.getOrDefault(recipient, ClassAmounts.ZERO);
                        result.put(recipient, got.with(t, got.get(t) + d.value3()));
                    });
            return result;
        }

        private List<Vehicle> vehicles() {
            return dsl.selectFrom(VEHICLE).where(VEHICLE.REGION_ID.eq(region.id())).orderBy(VEHICLE.ID)
                    .fetch(v -> new Vehicle(v.getExternalId(), v.getName(),
                            new ClassAmounts(v.getAmbientGrams(), v.getChilledGrams(), v.getFrozenGrams())));
        }

        private List<Driver> drivers() {
            Map<Long, String> vehicleIds = dsl.select(VEHICLE.ID, VEHICLE.EXTERNAL_ID).from(VEHICLE)
                    .where(VEHICLE.REGION_ID.eq(region.id())).fetchMap(VEHICLE.ID, VEHICLE.EXTERNAL_ID);
            Map<Long, List<AvailabilitySlot>> slots = new HashMap<>();
            dsl.select(AVAILABILITY_SLOT.VOLUNTEER_ID, AVAILABILITY_SLOT.SLOT_DATE, AVAILABILITY_SLOT.STARTS, AVAILABILITY_SLOT.ENDS)
                    .from(AVAILABILITY_SLOT).join(VOLUNTEER).on(VOLUNTEER.ID.eq(AVAILABILITY_SLOT.VOLUNTEER_ID))
                    .where(VOLUNTEER.REGION_ID.eq(region.id()))
                    .and(AVAILABILITY_SLOT.SLOT_DATE.between(month.atDay(1), month.atEndOfMonth()))
                    .orderBy(AVAILABILITY_SLOT.ID)
                    .forEach(s -> slots.computeIfAbsent(s.value1(), k -> new ArrayList<>())
                            .add(new AvailabilitySlot(s.value2(), s.value3(), s.value4())));
            return dsl.selectFrom(VOLUNTEER).where(VOLUNTEER.REGION_ID.eq(region.id())).orderBy(VOLUNTEER.ID)
                    .fetch(v -> new Driver(v.getExternalId(), v.getName(), v.getContact(),
                            new GeoPoint(v.getHomeLat(), v.getHomeLon()), v.getMaxMinutesPerDay(),
                            vehicleIds.get(v.getVehicleId()), slots.getOrDefault(v.getId(), List.of())));
        }

        private TravelMatrix travelMatrix() {
            List<String> places = dsl.select(TRAVEL_PLACE.PLACE_ID).from(TRAVEL_PLACE)
                    .where(TRAVEL_PLACE.REGION_ID.eq(region.id())).orderBy(TRAVEL_PLACE.POSITION).fetch(TRAVEL_PLACE.PLACE_ID);
            if (places.isEmpty()) {
                return null;
            }
            int n = places.size();
            // positions may have gaps (a place removed from a stored matrix): rows follow the positions' order
            Map<Integer, Integer> index = new HashMap<>();
            dsl.select(TRAVEL_PLACE.POSITION).from(TRAVEL_PLACE).where(TRAVEL_PLACE.REGION_ID.eq(region.id()))
                    .orderBy(TRAVEL_PLACE.POSITION).fetch(TRAVEL_PLACE.POSITION).forEach(p -> index.put(p, index.size()));
            double[][] km = new double[n][n];
            double[][] minutes = new double[n][n];
            dsl.select(TRAVEL_LEG.FROM_POSITION, TRAVEL_LEG.TO_POSITION, TRAVEL_LEG.KM, TRAVEL_LEG.MINUTES).from(TRAVEL_LEG)
                    .where(TRAVEL_LEG.REGION_ID.eq(region.id())).forEach(leg -> {
                        int i = index.get(leg.value1());
                        int j = index.get(leg.value2());
                        km[i][j] = leg.value3();
                        minutes[i][j] = leg.value4();
                    });
            TravelSource source = dsl.selectFrom(TRAVEL_SOURCE).where(TRAVEL_SOURCE.REGION_ID.eq(region.id()))
                    .fetchOptional(r -> new TravelSource(r.getExtract(), r.getSha256())).orElse(null);
            return new TravelMatrix(places, km, minutes, source);
        }
    }
}
