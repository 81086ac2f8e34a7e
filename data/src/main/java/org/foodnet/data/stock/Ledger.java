package org.foodnet.data.stock;

import static org.foodnet.data.jooq.Tables.DONATION_LOT;
import static org.foodnet.data.jooq.Tables.SITE;
import static org.foodnet.data.jooq.Tables.STOCK;
import static org.foodnet.data.jooq.Tables.STOCK_MOVEMENT;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.Ids;
import org.foodnet.data.Ids.RegionKey;
import org.foodnet.data.jooq.tables.records.StockMovementRecord;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.exception.DataAccessException;

/**
 * The stock ledger: every movement of food is one appended row, and stock on hand is derived from the rows.
 * The database itself keeps a site's stock of a lot from going below zero, refuses updates and deletes of
 * rows, and applies each operation id at most once. Each operation here is a single INSERT (the stock is
 * updated by a trigger in the same statement), so it is atomic on its own and may join a caller's transaction.
 *
 * <p>Ids are the planning core's: a region code, site ids ("hub", "depot-1") and lot ids ("lot-0001").
 */
public final class Ledger {

    private static final org.foodnet.data.jooq.tables.Site FROM = SITE.as("from_site");
    private static final org.foodnet.data.jooq.tables.Site TO = SITE.as("to_site");
    private static final org.foodnet.data.jooq.tables.Site RECIPIENT = SITE.as("recipient");

    private final DSLContext dsl;

    public Ledger(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Registers a new donation lot and logs it where it is ({@code lot.siteId()}, {@code lot.grams()}): at a
     * donor awaiting pickup, or arrived at the hub or a depot. Lot and ledger row are written together.
     */
    public LedgerEntry register(String region, DonationLot lot, Operation op) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            RegionKey r = Ids.region(tx, region);
            Optional<StockMovementRecord> done = movement(tx, op.id());
            if (done.isPresent()) {
                Long lotKey = tx.select(DONATION_LOT.ID).from(DONATION_LOT)
                        .where(DONATION_LOT.REGION_ID.eq(r.id()), DONATION_LOT.EXTERNAL_ID.eq(lot.id()))
                        .fetchOne(DONATION_LOT.ID);
                Row expected = new Row(EntryKind.LOGGED, lotKey == null ? -1 : lotKey, null,
                        Ids.site(tx, r, lot.siteId()), null, lot.grams(), null, null);
                return replay(tx, done.get(), expected, op);
            }
            Map<String, Long> sites = Ids.sites(tx, r.id());
            long lotKey = tx.insertInto(DONATION_LOT)
                    .set(DONATION_LOT.REGION_ID, r.id())
                    .set(DONATION_LOT.EXTERNAL_ID, lot.id())
                    .set(DONATION_LOT.DONOR_ID, Ids.required(sites, lot.donorId(), "site"))
                    .set(DONATION_LOT.CATEGORY, lot.category())
                    .set(DONATION_LOT.TEMPERATURE, lot.temperature().name())
                    .set(DONATION_LOT.GRAMS, lot.grams())
                    .set(DONATION_LOT.EXPIRY_DATE, lot.expiryDate())
                    .set(DONATION_LOT.EXPIRY_KIND, lot.expiryKind().name())
                    .set(DONATION_LOT.AVAILABLE_FROM, lot.availableFrom())
                    .set(DONATION_LOT.EARMARKED_FOR,
                            lot.earmarkedFor() == null ? null : Ids.required(sites, lot.earmarkedFor(), "site"))
                    .set(DONATION_LOT.LOGGED_BY, op.by())
                    .set(DONATION_LOT.LOGGED_AT, op.occurredAt().atOffset(ZoneOffset.UTC))
                    .returning(DONATION_LOT.ID)
                    .fetchSingle()
                    .getId();
            return append(tx, r, new Row(EntryKind.LOGGED, lotKey, null, Ids.required(sites, lot.siteId(), "site"),
                    null, lot.grams(), null, null), op);
        }));
    }

    /** More of an already registered lot arrives at a site (a second delivery of the same donation). */
    public LedgerEntry log(String region, String lotId, String siteId, long grams, Operation op) {
        return translated(() -> {
            RegionKey r = Ids.region(dsl, region);
            return append(dsl, r, new Row(EntryKind.LOGGED, Ids.lot(dsl, r, lotId), null, Ids.site(dsl, r, siteId),
                    null, grams, null, null), op);
        });
    }

    /** Collected at a donor and brought to the hub or a depot. */
    public LedgerEntry pickUp(String region, String lotId, String donorId, String toSiteId, long grams, Operation op) {
        return move(EntryKind.PICKED_UP, region, lotId, donorId, toSiteId, grams, op);
    }

    /** Moved between the hub and a depot (or two depots). */
    public LedgerEntry transfer(String region, String lotId, String fromSiteId, String toSiteId, long grams, Operation op) {
        return move(EntryKind.TRANSFERRED, region, lotId, fromSiteId, toSiteId, grams, op);
    }

    /** Handed to a recipient; leaves the network's stock. */
    public LedgerEntry deliver(String region, String lotId, String fromSiteId, String recipientId, long grams, Operation op) {
        return translated(() -> {
            RegionKey r = Ids.region(dsl, region);
            return append(dsl, r, new Row(EntryKind.DELIVERED, Ids.lot(dsl, r, lotId), Ids.site(dsl, r, fromSiteId), null,
                    Ids.site(dsl, r, recipientId), grams, null, null), op);
        });
    }

    /** Thrown away (expired, spoiled); {@code reason} says why. */
    public LedgerEntry discard(String region, String lotId, String siteId, long grams, String reason, Operation op) {
        return translated(() -> {
            RegionKey r = Ids.region(dsl, region);
            return append(dsl, r, new Row(EntryKind.DISCARDED, Ids.lot(dsl, r, lotId), Ids.site(dsl, r, siteId), null,
                    null, grams, null, reason), op);
        });
    }

    /**
     * Corrects an earlier row by {@code deltaGrams} (positive: more is there than recorded, negative: less) at
     * one of the sites that row moved food from or to. The earlier row stays as it was.
     */
    public LedgerEntry correct(String region, long correctedSequence, String siteId, long deltaGrams, String reason,
                               Operation op) {
        return translated(() -> {
            RegionKey r = Ids.region(dsl, region);
            StockMovementRecord corrected = dsl.selectFrom(STOCK_MOVEMENT)
                    .where(STOCK_MOVEMENT.ID.eq(correctedSequence), STOCK_MOVEMENT.REGION_ID.eq(r.id()))
                    .fetchOptional()
                    .orElseThrow(() -> new NoSuchElementException("no ledger row " + correctedSequence + " in region " + region));
            long site = Ids.site(dsl, r, siteId);
            return append(dsl, r, new Row(EntryKind.CORRECTED, corrected.getLotId(), deltaGrams < 0 ? site : null,
                    deltaGrams < 0 ? null : site, null, Math.abs(deltaGrams), corrected.getId(), reason), op);
        });
    }

    /** The stock on hand at a site now, per lot (oldest lot first) and per temperature class. */
    public SiteStock stockAt(String region, String siteId) {
        RegionKey r = Ids.region(dsl, region);
        long site = Ids.site(dsl, r, siteId);
        List<StockLine> lines = stockQuery()
                .where(STOCK.SITE_ID.eq(site), STOCK.GRAMS.gt(0L))
                .orderBy(DONATION_LOT.ID)
                .fetch(this::stockLine);
        return SiteStock.of(siteId, lines);
    }

    /** The stock on hand at every site of the region that has some, in site order. */
    public List<SiteStock> stock(String region) {
        RegionKey r = Ids.region(dsl, region);
        Map<String, List<StockLine>> bySite = new LinkedHashMap<>();
        stockQuery()
                .where(SITE.REGION_ID.eq(r.id()), STOCK.GRAMS.gt(0L))
                .orderBy(SITE.ID, DONATION_LOT.ID)
                .fetch(this::stockLine)
                .forEach(line -> bySite.computeIfAbsent(line.siteId(), k -> new ArrayList<>()).add(line));
        return bySite.entrySet().stream().map(e -> SiteStock.of(e.getKey(), e.getValue())).toList();
    }

    /** How much of a lot is at each site that has some. */
    public Map<String, Long> whereIs(String region, String lotId) {
        RegionKey r = Ids.region(dsl, region);
        long lot = Ids.lot(dsl, r, lotId);
        return dsl.select(SITE.EXTERNAL_ID, STOCK.GRAMS).from(STOCK).join(SITE).on(SITE.ID.eq(STOCK.SITE_ID))
                .where(STOCK.LOT_ID.eq(lot), STOCK.GRAMS.gt(0L))
                .orderBy(SITE.ID)
                .fetchMap(SITE.EXTERNAL_ID, STOCK.GRAMS);
    }

    /** The number ({@link LedgerEntry#sequence}) of the region's newest ledger row; 0 when it has none. */
    public long head(String region) {
        RegionKey r = Ids.region(dsl, region);
        Long head = dsl.select(org.jooq.impl.DSL.max(STOCK_MOVEMENT.ID)).from(STOCK_MOVEMENT)
                .where(STOCK_MOVEMENT.REGION_ID.eq(r.id())).fetchOne(0, Long.class);
        return head == null ? 0 : head;
    }

    /**
     * Whether food of the region was moved (picked up, transferred, delivered or discarded) by a ledger row that
     * occurred from {@code from} (inclusive) to {@code to} (exclusive). Logged donations and corrections do not count.
     */
    public boolean foodMoved(String region, java.time.Instant from, java.time.Instant to) {
        RegionKey r = Ids.region(dsl, region);
        return dsl.fetchExists(STOCK_MOVEMENT, STOCK_MOVEMENT.REGION_ID.eq(r.id()),
                STOCK_MOVEMENT.KIND.in(EntryKind.PICKED_UP.name(), EntryKind.TRANSFERRED.name(), EntryKind.DELIVERED.name(),
                        EntryKind.DISCARDED.name()),
                STOCK_MOVEMENT.OCCURRED_AT.ge(from.atOffset(ZoneOffset.UTC)),
                STOCK_MOVEMENT.OCCURRED_AT.lt(to.atOffset(ZoneOffset.UTC)));
    }

    /** The ledger rows of a lot, oldest first. */
    public List<LedgerEntry> entriesOf(String region, String lotId) {
        RegionKey r = Ids.region(dsl, region);
        long lot = Ids.lot(dsl, r, lotId);
        return entryQuery(dsl).where(STOCK_MOVEMENT.LOT_ID.eq(lot)).orderBy(STOCK_MOVEMENT.ID)
                .fetch(rec -> entry(rec, false));
    }

    /** The row an operation id was applied as. */
    public Optional<LedgerEntry> entry(String operationId) {
        return entryQuery(dsl).where(STOCK_MOVEMENT.OPERATION_ID.eq(operationId)).fetchOptional(rec -> entry(rec, false));
    }

    // --- writing ---------------------------------------------------------------------------------------------

    /** A row in database keys. */
    record Row(EntryKind kind, long lot, Long from, Long to, Long recipient, long grams, Long corrects, String reason) {
    }

    private LedgerEntry move(EntryKind kind, String region, String lotId, String fromSiteId, String toSiteId, long grams,
                             Operation op) {
        return translated(() -> {
            RegionKey r = Ids.region(dsl, region);
            return append(dsl, r, new Row(kind, Ids.lot(dsl, r, lotId), Ids.site(dsl, r, fromSiteId),
                    Ids.site(dsl, r, toSiteId), null, grams, null, null), op);
        });
    }

    /**
     * Appends a row unless its operation id is already in the ledger; then the earlier row is returned if it
     * is the same operation (a retry), and {@link ConflictingOperation} is thrown if it is not.
     */
    static LedgerEntry append(DSLContext tx, RegionKey region, Row row, Operation op) {
        return append(tx, region, row, op, null);
    }

    /** As {@link #append(DSLContext, RegionKey, Row, Operation)}, for a movement of a confirmed trip. */
    public static LedgerEntry appendForTrip(DSLContext tx, RegionKey region, EntryKind kind, long lot, Long from, Long to,
                                            Long recipient, long grams, Operation op, long tripKey) {
        return append(tx, region, new Row(kind, lot, from, to, recipient, grams, null, null), op, tripKey);
    }

    private static LedgerEntry append(DSLContext tx, RegionKey region, Row row, Operation op, Long tripKey) {
        Long id = tx.insertInto(STOCK_MOVEMENT)
                .set(STOCK_MOVEMENT.OPERATION_ID, op.id())
                .set(STOCK_MOVEMENT.REGION_ID, region.id())
                .set(STOCK_MOVEMENT.KIND, row.kind().name())
                .set(STOCK_MOVEMENT.LOT_ID, row.lot())
                .set(STOCK_MOVEMENT.FROM_SITE_ID, row.from())
                .set(STOCK_MOVEMENT.TO_SITE_ID, row.to())
                .set(STOCK_MOVEMENT.RECIPIENT_ID, row.recipient())
                .set(STOCK_MOVEMENT.GRAMS, row.grams())
                .set(STOCK_MOVEMENT.CORRECTS_ID, row.corrects())
                .set(STOCK_MOVEMENT.REASON, row.reason())
                .set(STOCK_MOVEMENT.OCCURRED_AT, op.occurredAt().atOffset(ZoneOffset.UTC))
                .set(STOCK_MOVEMENT.RECORDED_BY, op.by())
                .set(STOCK_MOVEMENT.TRIP_ID, tripKey)
                .onConflict(STOCK_MOVEMENT.OPERATION_ID).doNothing()
                .returning(STOCK_MOVEMENT.ID)
                .fetchOptional(STOCK_MOVEMENT.ID)
                .orElse(null);
        if (id == null) {
            return replay(tx, movement(tx, op.id()).orElseThrow(), row, op);
        }
        return entryQuery(tx).where(STOCK_MOVEMENT.ID.eq(id)).fetchSingle(rec -> entry(rec, false));
    }

    static LedgerEntry replay(DSLContext tx, StockMovementRecord existing, Row row, Operation op) {
        LedgerEntry entry = entryQuery(tx).where(STOCK_MOVEMENT.ID.eq(existing.getId())).fetchSingle(rec -> entry(rec, true));
        boolean same = existing.getKind().equals(row.kind().name()) && existing.getLotId() == row.lot()
                && Objects.equals(existing.getFromSiteId(), row.from()) && Objects.equals(existing.getToSiteId(), row.to())
                && Objects.equals(existing.getRecipientId(), row.recipient()) && existing.getGrams() == row.grams()
                && Objects.equals(existing.getCorrectsId(), row.corrects());
        if (!same) {
            throw new ConflictingOperation(op.id(), entry);
        }
        return entry;
    }

    static Optional<StockMovementRecord> movement(DSLContext tx, String operationId) {
        return tx.selectFrom(STOCK_MOVEMENT).where(STOCK_MOVEMENT.OPERATION_ID.eq(operationId)).fetchOptional();
    }

    // --- reading ---------------------------------------------------------------------------------------------

    private static SelectOnConditionStep<? extends Record> entryQuery(DSLContext tx) {
        return tx.select(STOCK_MOVEMENT.ID, STOCK_MOVEMENT.OPERATION_ID, STOCK_MOVEMENT.KIND, DONATION_LOT.EXTERNAL_ID,
                        FROM.EXTERNAL_ID, TO.EXTERNAL_ID, RECIPIENT.EXTERNAL_ID, STOCK_MOVEMENT.GRAMS,
                        STOCK_MOVEMENT.CORRECTS_ID, STOCK_MOVEMENT.REASON, STOCK_MOVEMENT.OCCURRED_AT,
                        STOCK_MOVEMENT.RECORDED_AT, STOCK_MOVEMENT.RECORDED_BY)
                .from(STOCK_MOVEMENT)
                .join(DONATION_LOT).on(DONATION_LOT.ID.eq(STOCK_MOVEMENT.LOT_ID))
                .leftJoin(FROM).on(FROM.ID.eq(STOCK_MOVEMENT.FROM_SITE_ID))
                .leftJoin(TO).on(TO.ID.eq(STOCK_MOVEMENT.TO_SITE_ID))
                .leftJoin(RECIPIENT).on(RECIPIENT.ID.eq(STOCK_MOVEMENT.RECIPIENT_ID));
    }

    private static LedgerEntry entry(Record rec, boolean replayed) {
        return new LedgerEntry(rec.get(STOCK_MOVEMENT.ID), rec.get(STOCK_MOVEMENT.OPERATION_ID),
                EntryKind.valueOf(rec.get(STOCK_MOVEMENT.KIND)), rec.get(DONATION_LOT.EXTERNAL_ID),
                rec.get(FROM.EXTERNAL_ID), rec.get(TO.EXTERNAL_ID), rec.get(RECIPIENT.EXTERNAL_ID),
                rec.get(STOCK_MOVEMENT.GRAMS), rec.get(STOCK_MOVEMENT.CORRECTS_ID), rec.get(STOCK_MOVEMENT.REASON),
                rec.get(STOCK_MOVEMENT.OCCURRED_AT).toInstant(), rec.get(STOCK_MOVEMENT.RECORDED_AT).toInstant(),
                rec.get(STOCK_MOVEMENT.RECORDED_BY), replayed);
    }

    private SelectOnConditionStep<? extends Record> stockQuery() {
        return dsl.select(SITE.EXTERNAL_ID, DONATION_LOT.EXTERNAL_ID, DONATION_LOT.CATEGORY, DONATION_LOT.TEMPERATURE,
                        STOCK.GRAMS, DONATION_LOT.EXPIRY_DATE, DONATION_LOT.EXPIRY_KIND)
                .from(STOCK)
                .join(SITE).on(SITE.ID.eq(STOCK.SITE_ID))
                .join(DONATION_LOT).on(DONATION_LOT.ID.eq(STOCK.LOT_ID));
    }

    private StockLine stockLine(Record rec) {
        return new StockLine(rec.get(SITE.EXTERNAL_ID), rec.get(DONATION_LOT.EXTERNAL_ID), rec.get(DONATION_LOT.CATEGORY),
                TemperatureClass.valueOf(rec.get(DONATION_LOT.TEMPERATURE)), rec.get(STOCK.GRAMS),
                rec.get(DONATION_LOT.EXPIRY_DATE), ExpiryKind.valueOf(rec.get(DONATION_LOT.EXPIRY_KIND)));
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw ConstraintViolation.translate(e);
        }
    }
}
