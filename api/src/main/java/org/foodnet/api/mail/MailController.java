package org.foodnet.api.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network's mails to drivers (coordinators): each with its status (PENDING, SENT, FAILED, NO_ADDRESS), attempts
 * and last error; a FAILED or PENDING one can be sent again at once.
 */
@RestController
@RequestMapping("/api/mail")
class MailController {

    record MailView(long id, long planId, String driverId, String driverName, String kind, String recipient, String language,
                    String subject, String status, int attempts, String lastError, OffsetDateTime createdAt,
                    OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
    }

    /** The mails of the network (newest first, at most 500) and whether a mail server is configured. */
    record Outbox(boolean mailServer, List<MailView> mails) {
    }

    private static final String SELECT = """
            SELECT m.id, m.plan_id, m.driver_id, v.name, m.kind, m.recipient, m.language, m.subject, m.status, m.attempts,
                   m.last_error, m.created_at, m.next_attempt_at, m.sent_at
            FROM mail_outbox m
            LEFT JOIN region r ON r.code = m.network
            LEFT JOIN volunteer v ON v.region_id = r.id AND v.external_id = m.driver_id
            """;

    private final JdbcClient jdbc;
    private final NetworkService network;
    private final MailOutbox outbox;

    MailController(JdbcClient jdbc, NetworkService network, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.network = network;
        this.outbox = outbox;
    }

    @GetMapping
    Outbox list(@RequestParam(required = false) Long planId) {
        List<MailView> mails = jdbc.sql(SELECT + " WHERE m.network = ? AND (?::bigint IS NULL OR m.plan_id = ?) ORDER BY m.id DESC LIMIT 500")
                .params(network.region(), planId, planId).query(MailController::view).list();
        return new Outbox(outbox.configured(), mails);
    }

    @GetMapping("/{mailId}")
    MailView get(@PathVariable String mailId) {
        return find(id(mailId));
    }

    /** Sends a PENDING or FAILED mail at the next run of the outbox (its attempts counted afresh). */
    @PostMapping("/{mailId}/retry")
    @Transactional
    MailView retry(@PathVariable("mailId") String mailIdText) {
        long mailId = id(mailIdText);
        MailView mail = find(mailId);
        if (!mail.status().equals("PENDING") && !mail.status().equals("FAILED")) {
            throw Problem.conflict("mail " + mailId + " is " + mail.status() + "; only a PENDING or FAILED mail is sent again");
        }
        jdbc.sql("UPDATE mail_outbox SET attempts = 0, next_attempt_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(network.clock()), mailId).update();
        return find(mailId);
    }

    /** A mail id is a number; anything else names no mail (404, as an id of another network). */
    private static long id(String mailId) {
        if (mailId.length() > 18 || !mailId.chars().allMatch(c -> c >= '0' && c <= '9') || mailId.isEmpty()) {
            throw Problem.notFound("no mail " + org.foodnet.api.web.CsvCells.shorten(mailId));
        }
        return Long.parseLong(mailId);
    }

    private MailView find(long mailId) {
        return jdbc.sql(SELECT + " WHERE m.network = ? AND m.id = ?").params(network.region(), mailId)
                .query(MailController::view).optional()
                .orElseThrow(() -> Problem.notFound("no mail " + mailId));
    }

    private static MailView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MailView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class));
    }
}
