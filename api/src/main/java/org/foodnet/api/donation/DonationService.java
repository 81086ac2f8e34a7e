package org.foodnet.api.donation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.security.Account;
import org.foodnet.api.security.Role;
import org.foodnet.api.web.Problem;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
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

    private final Ledger ledger;
    private final NetworkService network;
    private final JdbcClient jdbc;

    DonationService(Ledger ledger, NetworkService network, JdbcClient jdbc) {
        this.ledger = ledger;
        this.network = network;
        this.jdbc = jdbc;
    }

    @Transactional
    Logged log(Account by, String idempotencyKey, DonationRequest request) {
        return log(by, idempotencyKey, request, null);
    }

    /** Logs one donation; {@code sites} may be passed by a caller that logs many (CSV). */
    @Transactional
    Logged log(Account by, String idempotencyKey, DonationRequest request, Map<String, Site> sites) {
        if (sites == null) {
            sites = network.load(network.monthOrCurrent(null)).sitesById();
        }
        Site at = sites.get(request.siteId());
        if (at == null || !(at.role() == SiteRole.DONOR || at.role().stores())) {
            throw Problem.badField("siteId", request.siteId() + " is not a donor, the hub or a depot");
        }
        String donorId = request.donorId() == null ? request.siteId() : request.donorId();
        if (!sites.containsKey(donorId)) {
            throw Problem.badField("donorId", "no site " + donorId);
        }
        if (request.earmarkedFor() != null) {
            Site r = sites.get(request.earmarkedFor());
            if (r == null || r.role() != SiteRole.RECIPIENT) {
                throw Problem.badField("earmarkedFor", request.earmarkedFor() + " is not a recipient");
            }
        }
        LocalDate today = network.today();
        LocalDate availableFrom = request.availableFrom() == null ? today : request.availableFrom();
        if (request.expiryDate().isBefore(availableFrom)) {
            throw Problem.badField("expiryDate", "is before the day the food is available (" + availableFrom + ")");
        }
        String operationId = "donation:" + by.username() + ":" + idempotencyKey;
        String lotId = lotId(operationId);
        DonationLot lot = new DonationLot(lotId, donorId, request.siteId(), request.category(), request.temperature(),
                request.grams(), request.expiryDate(), request.expiryKind(), availableFrom, request.earmarkedFor());
        LedgerEntry entry = ledger.register(network.region(), lot,
                new Operation(operationId, by.username(), network.clock().instant()));
        jdbc.sql("""
                INSERT INTO api_donation (region, lot_id, username, operation_id, site_id, donor_id, category, temperature,
                                          expiry_date, expiry_kind, available_from, earmarked_for)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(network.region(), lotId, by.username(), operationId, lot.siteId(), lot.donorId(), lot.category(),
                        lot.temperature().name(), lot.expiryDate(), lot.expiryKind().name(), lot.availableFrom(),
                        lot.earmarkedFor())
                .update();
        return new Logged(view(lotId), entry.replayed());
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

    /** A correction of the logged amount: a new ledger row of +/- grams at the site it was logged at. */
    @Transactional
    LedgerEntry correct(Account who, String lotId, String idempotencyKey, long deltaGrams, String reason) {
        requireOwn(who, lotId);
        LedgerEntry logged = ledger.entriesOf(network.region(), lotId).stream().filter(e -> e.kind() == EntryKind.LOGGED)
                .findFirst().orElseThrow(() -> Problem.notFound("lot " + lotId + " has no logged entry"));
        return ledger.correct(network.region(), logged.sequence(), logged.toSiteId(), deltaGrams, reason,
                new Operation("correction:" + who.username() + ":" + idempotencyKey, who.username(), network.clock().instant()));
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
