package org.foodnet.data.plan;

import static org.foodnet.data.jooq.Tables.PLAN;
import static org.foodnet.data.jooq.Tables.PLAN_ALLOCATION;
import static org.foodnet.data.jooq.Tables.PLAN_CONSTRAINT_WEIGHT;
import static org.foodnet.data.jooq.Tables.PLAN_STOP;
import static org.foodnet.data.jooq.Tables.PLAN_TRIP;
import static org.foodnet.data.jooq.Tables.REGION;
import static org.foodnet.data.jooq.Tables.SITE;
import static org.foodnet.data.jooq.Tables.STOCK_MOVEMENT;
import static org.foodnet.data.jooq.Tables.STOP_LOAD;
import static org.foodnet.data.jooq.Tables.VEHICLE;
import static org.foodnet.data.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.Ids;
import org.foodnet.data.Ids.RegionKey;
import org.foodnet.data.jooq.tables.records.PlanRecord;
import org.foodnet.data.jooq.tables.records.PlanStopRecord;
import org.foodnet.data.jooq.tables.records.PlanTripRecord;
import org.foodnet.data.jooq.tables.records.StopLoadRecord;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Month plans: created as drafts with their constraint weights, solved, published and archived, each change
 * guarded by the plan's version (optimistic locking). Planned times are stored as instants and read back as
 * local times of the region's zone. A published plan's trips, once confirmed done, write their movements
 * to the stock ledger.
 */
public final class PlanRepository {

    private final DSLContext dsl;

    public PlanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new plan for a region's month, to be solved with these constraint weights. */
    public PlanInfo createDraft(String region, YearMonth month, Map<String, BigDecimal> constraintWeights) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            RegionKey r = Ids.region(tx, region);
            String networkName = tx.select(REGION.NETWORK_NAME).from(REGION).where(REGION.ID.eq(r.id())).fetchSingle().value1();
            long id = tx.insertInto(PLAN)
                    .set(PLAN.REGION_ID, r.id())
                    .set(PLAN.MONTH, month.atDay(1))
                    .set(PLAN.NETWORK_NAME, networkName)
                    .returning(PLAN.ID).fetchSingle().getId();
            if (!constraintWeights.isEmpty()) {
                var insert = tx.insertInto(PLAN_CONSTRAINT_WEIGHT, PLAN_CONSTRAINT_WEIGHT.PLAN_ID,
                        PLAN_CONSTRAINT_WEIGHT.CONSTRAINT_NAME, PLAN_CONSTRAINT_WEIGHT.WEIGHT);
                for (Map.Entry<String, BigDecimal> w : constraintWeights.entrySet()) {
                    insert = insert.values(id, w.getKey(), w.getValue());
                }
                insert.execute();
            }
            return info(tx, id);
        }));
    }

    /** DRAFT or SOLVED -> SOLVING. */
    public PlanInfo startSolving(long planId, int expectedVersion) {
        return translated(() -> dsl.transactionResult(cfg -> transition(cfg.dsl(), planId, expectedVersion, PlanStatus.SOLVING, null)));
    }

    /** SOLVING -> DRAFT, when a solve job failed or was cancelled. */
    public PlanInfo abandonSolving(long planId, int expectedVersion) {
        return translated(() -> dsl.transactionResult(cfg -> transition(cfg.dsl(), planId, expectedVersion, PlanStatus.DRAFT, null)));
    }

    /** SOLVING -> SOLVED with the solver's plan (replacing trips and allocations of an earlier solution). */
    public PlanInfo storeSolution(long planId, int expectedVersion, Plan plan) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PlanRecord header = tx.selectFrom(PLAN).where(PLAN.ID.eq(planId)).fetchOptional()
                    .orElseThrow(() -> new NoSuchElementException("no plan " + planId));
            if (!header.getMonth().equals(plan.month().atDay(1))) {
                throw new IllegalArgumentException("plan " + planId + " is for " + YearMonth.from(header.getMonth())
                        + ", the solution for " + plan.month());
            }
            PlanInfo solved = transition(tx, planId, expectedVersion, PlanStatus.SOLVED, plan.score());
            tx.update(PLAN).set(PLAN.NETWORK_NAME, plan.networkName())
                    .set(PLAN.TRAVEL_EXTRACT, plan.travelSource() == null ? null : plan.travelSource().extract())
                    .set(PLAN.TRAVEL_SHA256, plan.travelSource() == null ? null : plan.travelSource().sha256())
                    .where(PLAN.ID.eq(planId)).execute();
            tx.deleteFrom(PLAN_TRIP).where(PLAN_TRIP.PLAN_ID.eq(planId)).execute();
            tx.deleteFrom(PLAN_ALLOCATION).where(PLAN_ALLOCATION.PLAN_ID.eq(planId)).execute();
            new Writer(tx, header.getRegionId(), planId).write(plan);
            return info(tx, solved.id());
        }));
    }

    /** Stores a solved plan in one go (a draft, solving, solved), e.g. one solved outside a solve job. */
    public PlanInfo store(String region, Plan plan, Map<String, BigDecimal> constraintWeights) {
        return translated(() -> dsl.transactionResult(cfg -> {
            PlanRepository repository = new PlanRepository(cfg.dsl());
            PlanInfo draft = repository.createDraft(region, plan.month(), constraintWeights);
            PlanInfo solving = repository.startSolving(draft.id(), draft.version());
            return repository.storeSolution(solving.id(), solving.version(), plan);
        }));
    }

    /** SOLVED -> PUBLISHED; the plan published before for the same month, if any, is archived. */
    public PlanInfo publish(long planId, int expectedVersion) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PlanRecord header = tx.selectFrom(PLAN).where(PLAN.ID.eq(planId)).fetchOptional()
                    .orElseThrow(() -> new NoSuchElementException("no plan " + planId));
            tx.update(PLAN)
                    .set(PLAN.STATUS, PlanStatus.ARCHIVED.name())
                    .set(PLAN.ARCHIVED_AT, DSL.currentOffsetDateTime())
                    .set(PLAN.UPDATED_AT, DSL.currentOffsetDateTime())
                    .set(PLAN.VERSION, PLAN.VERSION.plus(1))
                    .where(PLAN.REGION_ID.eq(header.getRegionId()), PLAN.MONTH.eq(header.getMonth()),
                            PLAN.STATUS.eq(PlanStatus.PUBLISHED.name()), PLAN.ID.ne(planId))
                    .execute();
            return transition(tx, planId, expectedVersion, PlanStatus.PUBLISHED, null);
        }));
    }

    /** DRAFT, SOLVED or PUBLISHED -> ARCHIVED. */
    public PlanInfo archive(long planId, int expectedVersion) {
        return translated(() -> dsl.transactionResult(cfg -> transition(cfg.dsl(), planId, expectedVersion, PlanStatus.ARCHIVED, null)));
    }

    public Optional<PlanInfo> info(long planId) {
        return dsl.fetchExists(PLAN, PLAN.ID.eq(planId)) ? Optional.of(info(dsl, planId)) : Optional.empty();
    }

    /** A stored plan with its trips, stops, movements and allocations, in the order they were stored. */
    public Optional<StoredPlan> find(long planId) {
        return info(planId).map(info -> new StoredPlan(info, new Reader(dsl, planId).read(info)));
    }

    /** The plans of a region's month, newest first. */
    public List<PlanInfo> plansOf(String region, YearMonth month) {
        RegionKey r = Ids.region(dsl, region);
        return dsl.select(PLAN.ID).from(PLAN).where(PLAN.REGION_ID.eq(r.id()), PLAN.MONTH.eq(month.atDay(1)))
                .orderBy(PLAN.ID.desc()).fetch(PLAN.ID).stream().map(id -> info(dsl, id)).toList();
    }

    /** The published plan of a region's month. */
    public Optional<StoredPlan> published(String region, YearMonth month) {
        RegionKey r = Ids.region(dsl, region);
        return dsl.select(PLAN.ID).from(PLAN)
                .where(PLAN.REGION_ID.eq(r.id()), PLAN.MONTH.eq(month.atDay(1)), PLAN.STATUS.eq(PlanStatus.PUBLISHED.name()))
                .fetchOptional(PLAN.ID)
                .flatMap(this::find);
    }

    /** A driver's trips in published plans on the days from {@code from} to {@code to}, in time order. */
    public List<DriverTrip> tripsOfDriver(String region, String driverId, LocalDate from, LocalDate to) {
        RegionKey r = Ids.region(dsl, region);
        long volunteer = Ids.volunteer(dsl, r, driverId);
        List<PlanTripRecord> trips = dsl.select(PLAN_TRIP.fields()).from(PLAN_TRIP).join(PLAN).on(PLAN.ID.eq(PLAN_TRIP.PLAN_ID))
                .where(PLAN_TRIP.VOLUNTEER_ID.eq(volunteer), PLAN_TRIP.TRIP_DATE.between(from, to),
                        PLAN.STATUS.eq(PlanStatus.PUBLISHED.name()))
                .orderBy(PLAN_TRIP.STARTS_AT, PLAN_TRIP.ID)
                .fetchInto(PLAN_TRIP);
        List<DriverTrip> result = new ArrayList<>(trips.size());
        Map<Long, Reader> readers = new HashMap<>();
        for (PlanTripRecord trip : trips) {
            Reader reader = readers.computeIfAbsent(trip.getPlanId(), id -> new Reader(dsl, id));
            result.add(new DriverTrip(trip.getPlanId(), reader.trip(trip),
                    trip.getDoneAt() == null ? null : trip.getDoneAt().toInstant(), trip.getDoneBy(), reader.stopsDoneAt(trip)));
        }
        return result;
    }

    /**
     * Confirms that a trip of a published plan was driven as planned: writes its movements to the stock ledger
     * (each load matched with its unload: picked up, transferred or delivered) and marks the trip and all its
     * stops done, all in one transaction. Stops ticked done before keep their rows (written once). The ledger
     * rows get operation ids {@code op.id() + "/" + n}, numbered over the whole trip; confirming again returns
     * the rows written the first time.
     */
    public List<LedgerEntry> confirmTripDone(long planId, String tripId, Operation op) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PlanTripRecord trip = publishedTrip(tx, planId, tripId);
            RegionKey region = regionOf(tx, trip);
            Ledger ledger = new Ledger(tx);
            if (trip.getDoneAt() == null) {
                writeMovements(tx, region, trip, op, null);
                tx.update(PLAN_STOP)
                        .set(PLAN_STOP.DONE_AT, op.occurredAt().atOffset(ZoneOffset.UTC))
                        .set(PLAN_STOP.DONE_BY, op.by())
                        .where(PLAN_STOP.TRIP_ID.eq(trip.getId()), PLAN_STOP.DONE_AT.isNull())
                        .execute();
                markDone(trip, op);
            }
            return tx.select(STOCK_MOVEMENT.OPERATION_ID).from(STOCK_MOVEMENT).where(STOCK_MOVEMENT.TRIP_ID.eq(trip.getId()))
                    .orderBy(STOCK_MOVEMENT.ID).fetch(STOCK_MOVEMENT.OPERATION_ID).stream()
                    .map(opId -> ledger.entry(opId).orElseThrow()).toList();
        }));
    }

    /**
     * Confirms one stop of a trip of a published plan ({@code stopNumber} 1, 2, ... in the trip's order): the food
     * unloaded there goes to the ledger (picked up, transferred or delivered, matched with where the trip loaded
     * it), with the same operation ids {@link #confirmTripDone} gives those rows, so either may come first and
     * nothing is written twice. A stop that only loads writes no row (food on board is in no site's stock). When
     * the last stop is ticked the trip is done. Returns the stop's rows ({@code replayed} when ticked before).
     *
     * @throws IllegalArgumentException when the trip has no such stop
     */
    public List<LedgerEntry> confirmStopDone(long planId, String tripId, int stopNumber, Operation op) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PlanTripRecord trip = publishedTrip(tx, planId, tripId);
            List<PlanStopRecord> stops = tx.selectFrom(PLAN_STOP).where(PLAN_STOP.TRIP_ID.eq(trip.getId()))
                    .orderBy(PLAN_STOP.POSITION).fetch();
            if (stopNumber < 1 || stopNumber > stops.size()) {
                throw new IllegalArgumentException("stop: trip " + tripId + " has stops 1 to " + stops.size()
                        + ", not " + stopNumber);
            }
            PlanStopRecord stop = stops.get(stopNumber - 1);
            List<LedgerEntry> written = writeMovements(tx, regionOf(tx, trip), trip, op, stop.getId());
            if (stop.getDoneAt() == null) {
                stop.setDoneAt(op.occurredAt().atOffset(ZoneOffset.UTC));
                stop.setDoneBy(op.by());
                stop.store(PLAN_STOP.DONE_AT, PLAN_STOP.DONE_BY);
                boolean all = stops.stream().allMatch(s -> s.getDoneAt() != null);
                if (all && trip.getDoneAt() == null) {
                    markDone(trip, op);
                }
            }
            return written;
        }));
    }

    // --- internals -------------------------------------------------------------------------------------------

    /** The trip of a published plan, locked for this transaction (ticks of one trip wait for each other). */
    private static PlanTripRecord publishedTrip(DSLContext tx, long planId, String tripId) {
        PlanRecord header = tx.selectFrom(PLAN).where(PLAN.ID.eq(planId)).fetchOptional()
                .orElseThrow(() -> new NoSuchElementException("no plan " + planId));
        if (!PlanStatus.PUBLISHED.name().equals(header.getStatus())) {
            throw new IllegalStateException("plan " + planId + " is " + header.getStatus()
                    + "; only trips of a published plan can be confirmed done");
        }
        return tx.selectFrom(PLAN_TRIP)
                .where(PLAN_TRIP.PLAN_ID.eq(planId), PLAN_TRIP.EXTERNAL_ID.eq(tripId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NoSuchElementException("no trip " + tripId + " in plan " + planId));
    }

    private static RegionKey regionOf(DSLContext tx, PlanTripRecord trip) {
        String regionCode = tx.select(REGION.CODE).from(REGION).where(REGION.ID.eq(trip.getRegionId())).fetchSingle().value1();
        return Ids.region(tx, regionCode);
    }

    private static void markDone(PlanTripRecord trip, Operation op) {
        trip.setDoneAt(op.occurredAt().atOffset(ZoneOffset.UTC));
        trip.setDoneBy(op.by());
        trip.store(PLAN_TRIP.DONE_AT, PLAN_TRIP.DONE_BY);
    }

    /**
     * Writes the trip's movements to the ledger: every unload matched with the loads of the same lot and parcel
     * before it (oldest first); a PASS (food staying on board at a stop) writes nothing. With {@code onlyStop}, only the rows of food unloaded at that stop are written;
     * the numbering of the operation ids is the whole trip's either way. Returns the rows written (or replayed).
     */
    private static List<LedgerEntry> writeMovements(DSLContext tx, RegionKey region, PlanTripRecord trip, Operation op,
                                                    Long onlyStop) {
        Map<Long, String> roles = tx.select(SITE.ID, SITE.ROLE).from(SITE).where(SITE.REGION_ID.eq(region.id()))
                .fetchMap(SITE.ID, SITE.ROLE);
        List<PlanStopRecord> stops = tx.selectFrom(PLAN_STOP).where(PLAN_STOP.TRIP_ID.eq(trip.getId()))
                .orderBy(PLAN_STOP.POSITION).fetch();
        List<LedgerEntry> written = new ArrayList<>();
        Map<String, Deque<long[]>> onBoard = new HashMap<>(); // (lot, parcel) -> [site, grams] loaded, oldest first
        int n = 0;
        for (PlanStopRecord stop : stops) {
            List<StopLoadRecord> loads = tx.selectFrom(STOP_LOAD).where(STOP_LOAD.STOP_ID.eq(stop.getId()))
                    .orderBy(STOP_LOAD.POSITION).fetch();
            for (StopLoadRecord load : loads) {
                String key = load.getLotId() + "|" + load.getParcelId();
                if (MovementKind.PASS.name().equals(load.getKind())) {
                    continue; // the food stays on board: nothing moves into or out of stock here
                }
                if (MovementKind.LOAD.name().equals(load.getKind())) {
                    onBoard.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new long[] {stop.getSiteId(), load.getGrams()});
                    continue;
                }
                long left = load.getGrams();
                Deque<long[]> loaded = onBoard.getOrDefault(key, new ArrayDeque<>());
                while (left > 0) {
                    long[] head = loaded.peek();
                    if (head == null) {
                        throw new IllegalStateException("trip " + trip.getExternalId() + " unloads " + load.getGrams()
                                + " g of lot " + load.getLotRef() + " it did not load");
                    }
                    long grams = Math.min(left, head[1]);
                    long fromSite = head[0];
                    long toSite = stop.getSiteId();
                    head[1] -= grams;
                    left -= grams;
                    if (head[1] == 0) {
                        loaded.poll();
                    }
                    if (fromSite == toSite) {
                        continue;
                    }
                    EntryKind kind;
                    Long to = toSite;
                    Long recipient = null;
                    if ("RECIPIENT".equals(roles.get(toSite))) {
                        kind = EntryKind.DELIVERED;
                        to = null;
                        recipient = toSite;
                    } else if ("DONOR".equals(roles.get(fromSite))) {
                        kind = EntryKind.PICKED_UP;
                    } else {
                        kind = EntryKind.TRANSFERRED;
                    }
                    Operation leg = new Operation(op.id() + "/" + (++n), op.by(), stop.getDepartureAt().toInstant());
                    if (onlyStop == null || onlyStop.equals(stop.getId())) {
                        written.add(Ledger.appendForTrip(tx, region, kind, load.getLotId(), fromSite, to, recipient, grams,
                                leg, trip.getId()));
                    }
                }
            }
        }
        return written;
    }

    private static PlanInfo transition(DSLContext tx, long planId, int expectedVersion, PlanStatus to, String score) {
        var update = tx.update(PLAN)
                .set(PLAN.STATUS, to.name())
                .set(PLAN.VERSION, PLAN.VERSION.plus(1))
                .set(PLAN.UPDATED_AT, DSL.currentOffsetDateTime());
        switch (to) {
            case SOLVED -> update = update.set(PLAN.SCORE, score).set(PLAN.SOLVED_AT, DSL.currentOffsetDateTime());
            case PUBLISHED -> update = update.set(PLAN.PUBLISHED_AT, DSL.currentOffsetDateTime());
            case ARCHIVED -> update = update.set(PLAN.ARCHIVED_AT, DSL.currentOffsetDateTime());
            default -> {
            }
        }
        int rows = update.where(PLAN.ID.eq(planId), PLAN.VERSION.eq(expectedVersion)).execute();
        if (rows == 0) {
            Integer actual = tx.select(PLAN.VERSION).from(PLAN).where(PLAN.ID.eq(planId)).fetchOptional(PLAN.VERSION)
                    .orElseThrow(() -> new NoSuchElementException("no plan " + planId));
            throw new StalePlan(planId, expectedVersion, actual);
        }
        return info(tx, planId);
    }

    private static PlanInfo info(DSLContext tx, long planId) {
        Map<String, BigDecimal> weights = tx.select(PLAN_CONSTRAINT_WEIGHT.CONSTRAINT_NAME, PLAN_CONSTRAINT_WEIGHT.WEIGHT)
                .from(PLAN_CONSTRAINT_WEIGHT).where(PLAN_CONSTRAINT_WEIGHT.PLAN_ID.eq(planId))
                .fetchMap(PLAN_CONSTRAINT_WEIGHT.CONSTRAINT_NAME, PLAN_CONSTRAINT_WEIGHT.WEIGHT);
        return tx.select(PLAN.fields()).select(REGION.CODE).from(PLAN).join(REGION).on(REGION.ID.eq(PLAN.REGION_ID))
                .where(PLAN.ID.eq(planId))
                .fetchSingle(r -> new PlanInfo(r.get(PLAN.ID), r.get(REGION.CODE), YearMonth.from(r.get(PLAN.MONTH)),
                        r.get(PLAN.NETWORK_NAME), PlanStatus.valueOf(r.get(PLAN.STATUS)), r.get(PLAN.VERSION),
                        r.get(PLAN.SCORE), weights, instant(r.get(PLAN.CREATED_AT)), instant(r.get(PLAN.SOLVED_AT)),
                        instant(r.get(PLAN.PUBLISHED_AT)), instant(r.get(PLAN.ARCHIVED_AT))));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ZoneId zoneOf(DSLContext tx, long regionId) {
        return ZoneId.of(tx.select(REGION.TIME_ZONE).from(REGION).where(REGION.ID.eq(regionId)).fetchSingle().value1());
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw ConstraintViolation.translate(e);
        }
    }

    /** Writes a plan's trips, stops, loads and allocations. */
    private static final class Writer {
        private final DSLContext tx;
        private final long regionId;
        private final long planId;
        private final ZoneId zone;
        private final Map<String, Long> sites;
        private final Map<String, Long> lots;
        private final Map<String, Long> volunteers;
        private final Map<String, Long> vehicles;

        Writer(DSLContext tx, long regionId, long planId) {
            this.tx = tx;
            this.regionId = regionId;
            this.planId = planId;
            this.zone = zoneOf(tx, regionId);
            this.sites = Ids.sites(tx, regionId);
            this.lots = Ids.lots(tx, regionId);
            this.volunteers = Ids.volunteers(tx, regionId);
            this.vehicles = Ids.vehicles(tx, regionId);
        }

        void write(Plan plan) {
            int tripPosition = 0;
            for (PlannedTrip trip : plan.trips()) {
                long tripKey = tx.insertInto(PLAN_TRIP)
                        .set(PLAN_TRIP.PLAN_ID, planId)
                        .set(PLAN_TRIP.REGION_ID, regionId)
                        .set(PLAN_TRIP.POSITION, tripPosition++)
                        .set(PLAN_TRIP.EXTERNAL_ID, trip.id())
                        .set(PLAN_TRIP.VOLUNTEER_ID, Ids.required(volunteers, trip.driverId(), "driver"))
                        .set(PLAN_TRIP.VEHICLE_ID, Ids.required(vehicles, trip.vehicleId(), "vehicle"))
                        .set(PLAN_TRIP.TRIP_DATE, trip.date())
                        .set(PLAN_TRIP.STARTS_AT, instant(trip.start()))
                        .set(PLAN_TRIP.ENDS_AT, instant(trip.end()))
                        .returning(PLAN_TRIP.ID).fetchSingle().getId();
                int stopPosition = 0;
                for (PlannedStop stop : trip.stops()) {
                    long stopKey = tx.insertInto(PLAN_STOP)
                            .set(PLAN_STOP.TRIP_ID, tripKey)
                            .set(PLAN_STOP.REGION_ID, regionId)
                            .set(PLAN_STOP.POSITION, stopPosition++)
                            .set(PLAN_STOP.SITE_ID, Ids.required(sites, stop.siteId(), "site"))
                            .set(PLAN_STOP.ARRIVAL_AT, instant(stop.arrival()))
                            .set(PLAN_STOP.SERVICE_START_AT, instant(stop.serviceStart()))
                            .set(PLAN_STOP.DEPARTURE_AT, instant(stop.departure()))
                            .returning(PLAN_STOP.ID).fetchSingle().getId();
                    if (stop.movements().isEmpty()) {
                        continue;
                    }
                    var insert = tx.insertInto(STOP_LOAD, STOP_LOAD.STOP_ID, STOP_LOAD.REGION_ID, STOP_LOAD.POSITION,
                            STOP_LOAD.KIND, STOP_LOAD.LOT_ID, STOP_LOAD.LOT_REF, STOP_LOAD.TEMPERATURE, STOP_LOAD.GRAMS,
                            STOP_LOAD.PARCEL_ID, STOP_LOAD.RECIPIENT_ID);
                    int position = 0;
                    for (Movement m : stop.movements()) {
                        insert = insert.values(stopKey, regionId, position++, m.kind().name(), lot(m.lotId()), m.lotId(),
                                m.temperature().name(), m.grams(), m.parcelId(),
                                m.recipientId() == null ? null : Ids.required(sites, m.recipientId(), "site"));
                    }
                    insert.execute();
                }
            }
            if (!plan.allocations().isEmpty()) {
                var insert = tx.insertInto(PLAN_ALLOCATION, PLAN_ALLOCATION.PLAN_ID, PLAN_ALLOCATION.REGION_ID,
                        PLAN_ALLOCATION.POSITION, PLAN_ALLOCATION.PARCEL_ID, PLAN_ALLOCATION.LOT_ID, PLAN_ALLOCATION.LOT_REF,
                        PLAN_ALLOCATION.RECIPIENT_ID, PLAN_ALLOCATION.SERVING_DAY, PLAN_ALLOCATION.GRAMS,
                        PLAN_ALLOCATION.PLANNED);
                int position = 0;
                for (Allocation a : plan.allocations()) {
                    insert = insert.values(planId, regionId, position++, a.parcelId(), lot(a.lotId()), a.lotId(),
                            Ids.required(sites, a.recipientId(), "site"), a.servingDay(), a.grams(), a.planned());
                }
                insert.execute();
            }
        }

        /** A plan names a lot by its id, or part of a lot in stock at several sites as "lot@site". */
        private long lot(String ref) {
            Long key = lots.get(ref);
            if (key == null && ref.lastIndexOf('@') > 0) {
                key = lots.get(ref.substring(0, ref.lastIndexOf('@')));
            }
            if (key == null) {
                throw new NoSuchElementException("the plan names lot " + ref + ", which is not a lot of this region");
            }
            return key;
        }

        private OffsetDateTime instant(LocalDateTime local) {
            return local.atZone(zone).toOffsetDateTime();
        }
    }

    /** Reads a plan's trips back into the planning core's records. */
    private static final class Reader {
        private final DSLContext dsl;
        private final long planId;
        private final ZoneId zone;
        private final Map<Long, String> sites;
        private Map<Long, List<PlanStopRecord>> stopsByTrip;
        private Map<Long, List<Movement>> movementsByStop;

        Reader(DSLContext dsl, long planId) {
            this.dsl = dsl;
            this.planId = planId;
            long regionId = dsl.select(PLAN.REGION_ID).from(PLAN).where(PLAN.ID.eq(planId)).fetchSingle().value1();
            this.zone = zoneOf(dsl, regionId);
            this.sites = Ids.siteExternalIds(dsl, regionId);
        }

        Plan read(PlanInfo info) {
            List<PlannedTrip> trips = dsl.selectFrom(PLAN_TRIP).where(PLAN_TRIP.PLAN_ID.eq(planId))
                    .orderBy(PLAN_TRIP.POSITION).fetch().map(this::trip);
            List<Allocation> allocations = dsl.selectFrom(PLAN_ALLOCATION).where(PLAN_ALLOCATION.PLAN_ID.eq(planId))
                    .orderBy(PLAN_ALLOCATION.POSITION)
                    .fetch(a -> new Allocation(a.getParcelId(), a.getLotRef(), sites.get(a.getRecipientId()),
                            a.getServingDay(), a.getGrams(), a.getPlanned()));
            org.foodnet.solver.travel.TravelSource source = dsl.select(PLAN.TRAVEL_EXTRACT, PLAN.TRAVEL_SHA256).from(PLAN)
                    .where(PLAN.ID.eq(planId)).fetchSingle(r -> r.value1() == null ? null
                            : new org.foodnet.solver.travel.TravelSource(r.value1(), r.value2()));
            return new Plan(info.networkName(), info.month(), info.score(), trips, allocations, source);
        }

        /** When each stop of the trip was ticked done (null: not yet), in stop order. */
        List<Instant> stopsDoneAt(PlanTripRecord trip) {
            loadChildren();
            List<Instant> done = new ArrayList<>();
            stopsByTrip.getOrDefault(trip.getId(), List.of()).forEach(s -> done.add(instant(s.getDoneAt())));
            return done;
        }

        PlannedTrip trip(PlanTripRecord trip) {
            loadChildren();
            Map<Long, String> drivers = names(VOLUNTEER.ID, VOLUNTEER.EXTERNAL_ID, VOLUNTEER.ID.eq(trip.getVolunteerId()));
            Map<Long, String> vehicles = names(VEHICLE.ID, VEHICLE.EXTERNAL_ID, VEHICLE.ID.eq(trip.getVehicleId()));
            List<PlannedStop> stops = stopsByTrip.getOrDefault(trip.getId(), List.of()).stream()
                    .map(s -> new PlannedStop(sites.get(s.getSiteId()), local(s.getArrivalAt()), local(s.getServiceStartAt()),
                            local(s.getDepartureAt()), movementsByStop.getOrDefault(s.getId(), List.of())))
                    .toList();
            return new PlannedTrip(trip.getExternalId(), drivers.get(trip.getVolunteerId()), vehicles.get(trip.getVehicleId()),
                    trip.getTripDate(), local(trip.getStartsAt()), local(trip.getEndsAt()), stops);
        }

        private Map<Long, String> names(org.jooq.TableField<? extends Record, Long> id,
                                        org.jooq.TableField<? extends Record, String> external, org.jooq.Condition where) {
            return dsl.select(id, external).from(id.getTable()).where(where).fetchMap(id, external);
        }

        /** All stops and movements of the plan in two queries. */
        private void loadChildren() {
            if (stopsByTrip != null) {
                return;
            }
            stopsByTrip = new HashMap<>();
            movementsByStop = new HashMap<>();
            dsl.select(PLAN_STOP.fields()).from(PLAN_STOP).join(PLAN_TRIP).on(PLAN_TRIP.ID.eq(PLAN_STOP.TRIP_ID))
                    .where(PLAN_TRIP.PLAN_ID.eq(planId))
                    .orderBy(PLAN_STOP.TRIP_ID, PLAN_STOP.POSITION)
                    .fetchInto(PLAN_STOP)
                    .forEach(s -> stopsByTrip.computeIfAbsent(s.getTripId(), k -> new ArrayList<>()).add(s));
            dsl.select(STOP_LOAD.fields()).from(STOP_LOAD)
                    .join(PLAN_STOP).on(PLAN_STOP.ID.eq(STOP_LOAD.STOP_ID))
                    .join(PLAN_TRIP).on(PLAN_TRIP.ID.eq(PLAN_STOP.TRIP_ID))
                    .where(PLAN_TRIP.PLAN_ID.eq(planId))
                    .orderBy(STOP_LOAD.STOP_ID, STOP_LOAD.POSITION)
                    .fetchInto(STOP_LOAD)
                    .forEach(l -> movementsByStop.computeIfAbsent(l.getStopId(), k -> new ArrayList<>())
                            .add(new Movement(MovementKind.valueOf(l.getKind()), l.getLotRef(),
                                    TemperatureClass.valueOf(l.getTemperature()), l.getGrams(),
                                    // rows from before the plan format required both: "" (the checker reports it)
                                    l.getParcelId() == null ? "" : l.getParcelId(),
                                    l.getRecipientId() == null ? "" : sites.getOrDefault(l.getRecipientId(), ""))));
        }

        private LocalDateTime local(OffsetDateTime time) {
            return time.atZoneSameInstant(zone).toLocalDateTime();
        }
    }
}
