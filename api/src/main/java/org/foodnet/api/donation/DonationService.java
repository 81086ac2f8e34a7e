package org.foodnet.api.donation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.security.Account;
import org.foodnet.api.security.Role;
import org.foodnet.api.web.Problem;
import org.foodnet.data.stock.ConflictingOperation;
import org.foodnet.data.stock.DonationLog;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.InvalidDonation;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations logged by organizers. Each log is a ledger operation whose id comes from the Idempotency-Key, so a
 * retried request finds the donation it already made instead of making a second one; corrections are new
 * ledger rows, never changes of old ones.
 */
@Service
class DonationService {

    /** A donation and whether this call made it (false: a retry that found it). */
    record Logged(DonationView donation, boolean replayed) {
    }

    static final String DONATION = "donation";
    static final String CORRECTION = "correction";

    private final Ledger ledger;
    private final DonationLog donationLog;
    private final Idempotency idempotency;
    private final NetworkService network;
    private final JdbcClient jdbc;

    DonationService(Ledger ledger, DonationLog donationLog, Idempotency idempotency, NetworkService network, JdbcClient jdbc) {
        this.ledger = ledger;
        this.donationLog = donationLog;
        this.idempotency = idempotency;
        this.network = network;
        this.jdbc = jdbc;
    }

    /**
     * Logs one donation, once per Idempotency-Key: the same key with the same request replays the first result, with
     * any other request it is refused (422 naming Idempotency-Key). Reads only the sites the request names.
     */
    @Transactional
    Logged log(Account by, String idempotencyKey, DonationRequest request) {
        idempotency.lock(by.username(), DONATION, idempotencyKey);
        String fingerprint = fingerprint(request);
        Optional<Idempotency.Remembered> earlier = idempotency.find(by.username(), DONATION, idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw Idempotency.reused("donation");
            }
            return new Logged(view(earlier.get().lotId()), true);
        }
        ZoneId zone = network.zone();
        LocalDate today = LocalDate.now(network.clock().withZone(zone));
        LocalDate availableFrom = request.availableFrom() == null ? today : request.availableFrom();
        if (request.expiryDate().isBefore(availableFrom)) {
            throw Problem.badField("expiryDate", "is before the day the food is available (" + availableFrom + ")");
        }
        String donorId = request.donorId() == null ? request.siteId() : request.donorId();
        String operationId = "donation:" + by.username() + ":" + idempotencyKey;
        String lotId = lotId(operationId);
        DonationLot lot = new DonationLot(lotId, donorId, request.siteId(), request.category(), request.temperature(),
                request.grams(), request.expiryDate(), request.expiryKind(), availableFrom, request.earmarkedFor());
        LedgerEntry entry;
        try {
            entry = donationLog.log(network.region(), lot, new Operation(operationId, by.username(), network.clock().instant()));
        } catch (InvalidDonation e) {
            throw Problem.badField(e.field(), e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw Problem.notFound("region " + network.region()
                    + " has no network yet: PUT /api/network (or start with --foodnet.demo=true)");
        } catch (ConflictingOperation e) {
            throw Idempotency.reused("donation");
        }
        if (entry.replayed()) {
            // logged before keys were remembered with a fingerprint: the ledger found the same lot, site and grams
            return new Logged(view(lotId), true);
        }
        // the donation's facts and its remembered key in one statement (one round trip; as Idempotency.remember)
        jdbc.sql("""
                WITH d AS (
                    INSERT INTO api_donation (region, lot_id, username, operation_id, site_id, donor_id, category, temperature,
                                              expiry_date, expiry_kind, available_from, earmarked_for)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING)
                INSERT INTO api_idempotency (username, network, scope, idem_key, fingerprint, lot_id) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(network.region(), lotId, by.username(), operationId, lot.siteId(), lot.donorId(), lot.category(),
                        lot.temperature().name(), lot.expiryDate(), lot.expiryKind().name(), lot.availableFrom(),
                        lot.earmarkedFor(),
                        by.username(), network.region(), DONATION, idempotencyKey, fingerprint, lotId)
                .update();
        DonationView.Entry row = new DonationView.Entry(entry.sequence(), entry.kind().name(), entry.fromSiteId(),
                entry.toSiteId(), entry.recipientId(), entry.grams(), entry.corrects(), entry.reason(),
                entry.occurredAt().atZone(zone).toOffsetDateTime(), entry.recordedBy());
        return new Logged(new DonationView(lotId, lot.siteId(), lot.donorId(), lot.category(), lot.temperature(),
                lot.grams(), lot.expiryDate(), lot.expiryKind(), lot.availableFrom(), lot.earmarkedFor(), entry.recordedBy(),
                row.occurredAt(), List.of(row)), false);
    }

    /** Holds a donation's Idempotency-Key until the transaction ends (the CSV import takes its keys in order first). */
    void lock(Account by, String idempotencyKey) {
        idempotency.lock(by.username(), DONATION, idempotencyKey);
    }

    /**
     * The canonical form of a donation request, hashed: every field, with the defaults the request may leave out made
     * explicit (donor = the site, expiry kind = use-by). Left-out availableFrom stays "left out" (it means "the day it
     * was logged"), so a retry on a later day still matches.
     */
    static String fingerprint(DonationRequest r) {
        return Idempotency.fingerprint("donation/1", r.siteId(), r.donorId() == null ? r.siteId() : r.donorId(),
                r.category(), r.temperature(), r.grams(), r.expiryDate(),
                r.expiryKind() == null ? ExpiryKind.USE_BY : r.expiryKind(), r.availableFrom(), r.earmarkedFor());
    }

    /** The donations an organizer logged (a coordinator: everyone's), newest first. */
    @Transactional(readOnly = true)
    List<DonationView> list(Account who, int limit, long offset) {
        List<String> lots = who.role() == Role.COORDINATOR
                ? jdbc.sql("SELECT lot_id FROM api_donation WHERE region = ? ORDER BY logged_at DESC, lot_id LIMIT ? OFFSET ?")
                        .params(network.region(), limit, offset).query(String.class).list()
                : jdbc.sql("SELECT lot_id FROM api_donation WHERE region = ? AND username = ? ORDER BY logged_at DESC, lot_id LIMIT ? OFFSET ?")
                        .params(network.region(), who.username(), limit, offset).query(String.class).list();
        return lots.stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    DonationView get(Account who, String lotId) {
        requireOwn(who, lotId);
        return view(lotId);
    }

    /**
     * A correction of the logged amount: a new ledger row of +/- grams at the site it was logged at. Once per
     * Idempotency-Key, as {@link #log}: the same key with the same correction replays it, with another one is refused.
     */
    @Transactional
    Logged correct(Account who, String lotId, String idempotencyKey, long deltaGrams, String reason) {
        idempotency.lock(who.username(), CORRECTION, idempotencyKey);
        String fingerprint = Idempotency.fingerprint("correction/1", lotId, deltaGrams, reason);
        Optional<Idempotency.Remembered> earlier = idempotency.find(who.username(), CORRECTION, idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw Idempotency.reused("correction");
            }
            return new Logged(get(who, lotId), true);
        }
        requireOwn(who, lotId);
        LedgerEntry logged = ledger.entriesOf(network.region(), lotId).stream().filter(e -> e.kind() == EntryKind.LOGGED)
                .findFirst().orElseThrow(() -> Problem.notFound("lot " + lotId + " has no logged entry"));
        LedgerEntry entry;
        try {
            entry = ledger.correct(network.region(), logged.sequence(), logged.toSiteId(), deltaGrams, reason,
                    new Operation("correction:" + who.username() + ":" + idempotencyKey, who.username(), network.clock().instant()));
        } catch (ConflictingOperation e) {
            throw Idempotency.reused("correction");
        }
        if (!entry.replayed()) {
            idempotency.remember(who.username(), CORRECTION, idempotencyKey, fingerprint, lotId);
        }
        return new Logged(view(lotId), entry.replayed());
    }

    private void requireOwn(Account who, String lotId) {
        String owner = jdbc.sql("SELECT username FROM api_donation WHERE region = ? AND lot_id = ?")
                .params(network.region(), lotId).query(String.class).optional()
                .orElseThrow(() -> Problem.notFound("no donation " + lotId));
        if (who.role() != Role.COORDINATOR && !owner.equals(who.username())) {
            throw Problem.notFound("no donation " + lotId + " of yours");
        }
    }

    DonationView view(String lotId) {
        List<LedgerEntry> entries = ledger.entriesOf(network.region(), lotId);
        ZoneId zone = network.zone();
        LedgerEntry logged = entries.stream().filter(e -> e.kind() == EntryKind.LOGGED).findFirst()
                .orElseThrow(() -> Problem.notFound("no donation " + lotId));
        long grams = logged.grams();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.CORRECTED) {
                grams += e.toSiteId() != null ? e.grams() : -e.grams();
            }
        }
        long current = grams;
        List<DonationView.Entry> rows = entries.stream().map(e -> new DonationView.Entry(e.sequence(), e.kind().name(),
                e.fromSiteId(), e.toSiteId(), e.recipientId(), e.grams(), e.corrects(), e.reason(),
                e.occurredAt().atZone(zone).toOffsetDateTime(), e.recordedBy())).toList();
        return jdbc.sql("""
                SELECT site_id, donor_id, category, temperature, expiry_date, expiry_kind, available_from, earmarked_for
                FROM api_donation WHERE region = ? AND lot_id = ?""")
                .params(network.region(), lotId)
                .query((rs, n) -> new DonationView(lotId, rs.getString(1), rs.getString(2), rs.getString(3),
                        TemperatureClass.valueOf(rs.getString(4)), current, rs.getObject(5, LocalDate.class),
                        ExpiryKind.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getString(8),
                        logged.recordedBy(), logged.occurredAt().atZone(zone).toOffsetDateTime(), rows))
                .optional().orElseThrow(() -> Problem.notFound("no donation " + lotId));
    }

    static String lotId(String operationId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(operationId.getBytes(StandardCharsets.UTF_8));
            return "don-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
