package org.foodnet.data.stock;

import static org.foodnet.data.jooq.Tables.DONATION_LOT;
import static org.foodnet.data.jooq.Tables.SITE;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.Ids;
import org.foodnet.data.Ids.RegionKey;
import org.foodnet.data.jooq.tables.records.StockMovementRecord;
import org.foodnet.solver.domain.DonationLot;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Logging one donation at the cost of one donation: the (at most three) sites the donation names and one statement
 * that inserts lot and ledger row. Nothing of the month's other lots or stock is read, so logging costs the same
 * with 100 or 100,000 lots in the month.
 *
 * <p>The rules are the api's and the database's: the site the food is at must be a donor, the hub or a depot, the
 * donor must be a site, an earmark must name a recipient. Sites are cached (key and role per region and external
 * id); sites are never deleted, so a key never goes stale, and a role that may have changed on another node is
 * harmless: a refusal is always re-checked against the database before it is answered, and an acceptance is
 * checked again by the database's own rules (the ledger trigger and the earmark foreign key), whose refusal
 * drops the cache and is answered as the same {@link InvalidDonation}. {@link #forgetSites()} drops the cache
 * when this node changes sites.
 */
public final class DonationLog {

    /** A site as the checks need it. */
    record SiteRef(long key, String role) {
        boolean canHold() {
            return role.equals("DONOR") || role.equals("HUB") || role.equals("DEPOT");
        }
    }

    private final DSLContext dsl;
    private final Map<String, SiteRef> sites = new ConcurrentHashMap<>();
    /** Region keys by code (a region is never deleted nor renamed; its time zone is not used here). */
    private final Map<String, RegionKey> regions = new ConcurrentHashMap<>();

    public DonationLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Forgets the cached sites (call after sites were created or changed). */
    public void forgetSites() {
        sites.clear();
    }

    /**
     * Registers a new donation lot and logs it where it is ({@code lot.siteId()}, {@code lot.grams()}): lot and
     * ledger row are written together. An operation id already applied is replayed as {@link Ledger#register}
     * does (the earlier row, {@code replayed}), or refused with {@link ConflictingOperation}.
     *
     * @throws InvalidDonation naming the field ({@code siteId}, {@code donorId}, {@code earmarkedFor}) at fault
     */
    public LedgerEntry log(String region, DonationLot lot, Operation op) {
        RegionKey r = regions.computeIfAbsent(region, code -> Ids.region(dsl, code));
        Map<String, SiteRef> named = resolve(r, lot, false);
        SiteRef at = named.get(lot.siteId());
        SiteRef donor = named.get(lot.donorId());
        SiteRef earmark = lot.earmarkedFor() == null ? null : named.get(lot.earmarkedFor());
        try {
            // lot and ledger row in one statement (atomic on its own: no savepoint inside the caller's transaction);
            // the lot is not inserted when the operation id was applied already
            Record made = dsl.resultQuery("""
                            WITH lot AS (
                                INSERT INTO donation_lot (region_id, external_id, donor_id, category, temperature, grams,
                                                          expiry_date, expiry_kind, available_from, earmarked_for,
                                                          logged_by, logged_at)
                                SELECT CAST(? AS bigint), ?, CAST(? AS bigint), ?, ?, CAST(? AS bigint), CAST(? AS date), ?, CAST(? AS date),
                                       CAST(? AS bigint), ?, CAST(? AS timestamptz)
                                WHERE NOT EXISTS (SELECT 1 FROM stock_movement WHERE operation_id = ?)
                                ON CONFLICT (region_id, external_id) DO NOTHING
                                RETURNING id)
                            INSERT INTO stock_movement (operation_id, region_id, kind, lot_id, to_site_id, grams, occurred_at,
                                                        recorded_by)
                            SELECT ?, CAST(? AS bigint), 'LOGGED', lot.id, CAST(? AS bigint), CAST(? AS bigint), CAST(? AS timestamptz), ? FROM lot
                            ON CONFLICT (operation_id) DO NOTHING
                            RETURNING id, occurred_at, recorded_at""",
                    r.id(), lot.id(), donor.key(), lot.category(), lot.temperature().name(), lot.grams(),
                    lot.expiryDate().toString(), lot.expiryKind().name(), lot.availableFrom().toString(),
                    earmark == null ? null : earmark.key(), op.by(), op.occurredAt().toString(), op.id(),
                    op.id(), r.id(), at.key(), lot.grams(), op.occurredAt().toString(), op.by())
                    .fetchOne();
            if (made != null) {
                return new LedgerEntry(made.get(0, Long.class), op.id(), EntryKind.LOGGED, lot.id(), null, lot.siteId(), null,
                        lot.grams(), null, null, made.get(1, OffsetDateTime.class).toInstant(),
                        made.get(2, OffsetDateTime.class).toInstant(), op.by(), false);
            }
            // nothing written: a retry of the same operation (replayed), or the id or lot id of another one (refused)
            StockMovementRecord done = Ledger.movement(dsl, op.id()).orElseThrow(() -> new ConstraintViolation(
                    "donation_lot_external_id_unique", "23505", "donation lot " + lot.id() + " exists already", null));
            Long lotKey = dsl.select(DONATION_LOT.ID).from(DONATION_LOT)
                    .where(DONATION_LOT.REGION_ID.eq(r.id()), DONATION_LOT.EXTERNAL_ID.eq(lot.id()))
                    .fetchOne(DONATION_LOT.ID);
            return Ledger.replay(dsl, done, new Ledger.Row(EntryKind.LOGGED, lotKey == null ? -1 : lotKey, null, at.key(),
                    null, lot.grams(), null, null), op);
        } catch (RuntimeException e) {
            ConstraintViolation v = e instanceof ConflictingOperation ? null : ConstraintViolation.of(e).orElse(null);
            if (v != null && (v.constraint().equals("stock_movement_site_roles")
                    || v.constraint().equals("donation_lot_earmarked_for_a_recipient"))) {
                // a role cached here changed on another node: check again against the database
                forgetSites();
                resolve(r, lot, true);
            }
            throw v != null ? v : e;
        }
    }

    /** The named sites, checked; a refusal is re-checked against the database first ({@code fresh}). */
    private Map<String, SiteRef> resolve(RegionKey r, DonationLot lot, boolean fresh) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(lot.siteId());
        ids.add(lot.donorId());
        if (lot.earmarkedFor() != null) {
            ids.add(lot.earmarkedFor());
        }
        Map<String, SiteRef> found = lookup(r, ids, fresh);
        Optional<InvalidDonation> refusal = check(lot, found);
        if (refusal.isPresent() && !fresh) {
            found = lookup(r, ids, true);
            refusal = check(lot, found);
        }
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return found;
    }

    private static Optional<InvalidDonation> check(DonationLot lot, Map<String, SiteRef> found) {
        SiteRef at = found.get(lot.siteId());
        if (at == null || !at.canHold()) {
            return Optional.of(new InvalidDonation("siteId", lot.siteId() + " is not a donor, the hub or a depot"));
        }
        if (!found.containsKey(lot.donorId())) {
            return Optional.of(new InvalidDonation("donorId", "no site " + lot.donorId()));
        }
        if (lot.earmarkedFor() != null) {
            SiteRef recipient = found.get(lot.earmarkedFor());
            if (recipient == null || !recipient.role().equals("RECIPIENT")) {
                return Optional.of(new InvalidDonation("earmarkedFor", lot.earmarkedFor() + " is not a recipient"));
            }
        }
        return Optional.empty();
    }

    /** The sites of these external ids that exist: from the cache, the rest in one query. */
    private Map<String, SiteRef> lookup(RegionKey r, Set<String> externalIds, boolean fresh) {
        Map<String, SiteRef> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String id : externalIds) {
            SiteRef cached = fresh ? null : sites.get(r.id() + "/" + id);
            if (cached != null) {
                found.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            dsl.select(SITE.EXTERNAL_ID, SITE.ID, SITE.ROLE).from(SITE)
                    .where(SITE.REGION_ID.eq(r.id()), SITE.EXTERNAL_ID.in(missing))
                    .forEach(rec -> {
                        SiteRef ref = new SiteRef(rec.value2(), rec.value3());
                        found.put(rec.value1(), ref);
                        sites.put(r.id() + "/" + rec.value1(), ref);
                    });
        }
        return found;
    }
}
