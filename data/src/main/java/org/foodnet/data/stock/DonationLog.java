package org.foodnet.data.stock;

import static org.foodnet.data.jooq.Tables.DONATION_LOT;
import static org.foodnet.data.jooq.Tables.SITE;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.Ids;
import org.foodnet.data.Ids.RegionKey;
import org.foodnet.solver.domain.DonationLot;
import org.jooq.DSLContext;

/**
 * Logging one donation at the cost of one donation: the region, the (at most three) sites the donation names and
 * two inserts (lot and ledger row). Nothing of the month's other lots or stock is read, so logging costs the same
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
        RegionKey r = Ids.region(dsl, region);
        Map<String, SiteRef> named = resolve(r, lot, false);
        SiteRef at = named.get(lot.siteId());
        SiteRef donor = named.get(lot.donorId());
        SiteRef earmark = lot.earmarkedFor() == null ? null : named.get(lot.earmarkedFor());
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Long lotKey = tx.insertInto(DONATION_LOT)
                        .set(DONATION_LOT.REGION_ID, r.id())
                        .set(DONATION_LOT.EXTERNAL_ID, lot.id())
                        .set(DONATION_LOT.DONOR_ID, donor.key())
                        .set(DONATION_LOT.CATEGORY, lot.category())
                        .set(DONATION_LOT.TEMPERATURE, lot.temperature().name())
                        .set(DONATION_LOT.GRAMS, lot.grams())
                        .set(DONATION_LOT.EXPIRY_DATE, lot.expiryDate())
                        .set(DONATION_LOT.EXPIRY_KIND, lot.expiryKind().name())
                        .set(DONATION_LOT.AVAILABLE_FROM, lot.availableFrom())
                        .set(DONATION_LOT.EARMARKED_FOR, earmark == null ? null : earmark.key())
                        .set(DONATION_LOT.LOGGED_BY, op.by())
                        .set(DONATION_LOT.LOGGED_AT, op.occurredAt().atOffset(ZoneOffset.UTC))
                        .onConflict(DONATION_LOT.REGION_ID, DONATION_LOT.EXTERNAL_ID).doNothing()
                        .returning(DONATION_LOT.ID)
                        .fetchOptional(DONATION_LOT.ID)
                        .orElse(null);
                Ledger.Row row;
                if (lotKey == null) {
                    // the lot exists: a retry of the same operation (replayed) or another operation (refused)
                    long existing = Ids.lot(tx, r, lot.id());
                    row = new Ledger.Row(EntryKind.LOGGED, existing, null, at.key(), null, lot.grams(), null, null);
                } else {
                    row = new Ledger.Row(EntryKind.LOGGED, lotKey, null, at.key(), null, lot.grams(), null, null);
                }
                return Ledger.append(tx, r, row, op);
            });
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
