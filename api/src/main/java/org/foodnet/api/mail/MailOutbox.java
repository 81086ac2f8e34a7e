package org.foodnet.api.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mails (table mail_outbox, written by {@link DriverMails}): each row in its own transaction
 * that takes it with {@code FOR UPDATE SKIP LOCKED} and marks it SENT before committing, so two runs, two threads or
 * two nodes never send one row twice (a row another run holds is skipped; a sent one is no longer due). A failed
 * send marks it FAILED with the error and the time of the next attempt (30 s, then doubling, at most 1 h; after
 * {@code foodnet.mail.max-attempts} only a retry by hand, {@code POST /api/mail/{id}/retry}). Without a mail server
 * ({@code spring.mail.host} unset) nothing is sent: pending mails say "not sent: no mail server".
 * <p>
 * A crash after the SMTP server took a mail and before the commit would send it again on the next run: the
 * header {@code X-Foodnet-Mail} names the outbox row, so such a duplicate can be recognised.
 */
@Component
public class MailOutbox implements SmartLifecycle {

    static final String NO_SERVER = "not sent: no mail server";
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private record Due(long id, String recipient, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailProperties settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile ScheduledExecutorService poller;

    MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> senders, MailProperties settings, Clock clock,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether a mail server is configured. */
    public boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Sends every due mail (of every network) once.
     *
     * @return how many were sent now
     */
    public int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            jdbc.sql("UPDATE mail_outbox SET last_error = ? WHERE status = 'PENDING' AND last_error IS DISTINCT FROM ?")
                    .params(NO_SERVER, NO_SERVER).update();
            return 0;
        }
        int sent = 0;
        while (true) {
            Integer one = transaction.execute(status -> sendOne(sender));
            if (one == null || one < 0) {
                return sent;
            }
            sent += one;
        }
    }

    /** 1: one sent; 0: one failed; -1: none due. */
    private int sendOne(JavaMailSender sender) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Due due = jdbc.sql("""
                        SELECT id, recipient, subject, body, attempts FROM mail_outbox
                        WHERE status IN ('PENDING', 'FAILED') AND attempts < ? AND next_attempt_at <= ?
                        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .params(settings.maxAttempts(), now)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional().orElse(null);
        if (due == null) {
            return -1;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(due.recipient());
            helper.setSubject(due.subject());
            helper.setText(due.body(), false);
            message.setHeader("X-Foodnet-Mail", Long.toString(due.id()));
            sender.send(message);
        } catch (MailException | MessagingException e) {
            int attempts = due.attempts() + 1;
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("mail {} to {} not sent (attempt {}): {}", due.id(), due.recipient(), attempts, error);
            jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(attempts, error.length() > 500 ? error.substring(0, 500) : error, now.plus(backoff(attempts)), due.id())
                    .update();
            return 0;
        }
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, last_error = NULL, sent_at = ? WHERE id = ?")
                .params(now, due.id()).update();
        return 1;
    }

    /** The pause after the {@code attempts}-th failure: 30 s, 1 min, 2 min, ... at most 1 h. */
    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    // --- the poller ------------------------------------------------------------------------------------------

    @Override
    public void start() {
        Duration every = settings.pollInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outbox");
            t.setDaemon(true);
            return t;
        });
        p.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                LOG.warn("mail outbox: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        poller = p;
    }

    @Override
    public void stop() {
        ScheduledExecutorService p = poller;
        poller = null;
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
