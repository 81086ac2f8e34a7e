package org.foodnet.api.mail;

import java.time.OffsetDateTime;

import org.foodnet.api.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run has no mail settings ({@code spring.mail.host} unset): the service works, and a pending mail stays
 * PENDING with "not sent: no mail server" (this class's own outbox row, in the shared test database).
 */
class MailWithoutServerTest extends ApiTestBase {

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutAMailServerAPendingMailStaysPendingAndSaysWhy() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO mail_outbox (network, plan_id, driver_id, kind, recipient, language, subject, body,
                            status, created_at, next_attempt_at)
                        VALUES ('kirin', -2, 'mws-driver', 'PUBLISHED', 'mws@mail.test', 'en', 'Subject', 'Body', 'PENDING', ?, ?)
                        RETURNING id""")
                .params(now, now).query(Long.class).single();
        assertThat(outbox.configured()).isFalse();
        assertThat(outbox.sendDue()).isZero();
        JsonNode mail = coordinator.get("/api/mail/" + id).json();
        assertThat(mail.get("status").asString()).isEqualTo("PENDING");
        assertThat(mail.get("attempts").asInt()).isZero();
        assertThat(mail.get("lastError").asString()).isEqualTo("not sent: no mail server");
        JsonNode list = coordinator.get("/api/mail").json();
        assertThat(list.get("mailServer").asBoolean()).isFalse();
        assertThat(list.get("mails").valueStream().anyMatch(m -> m.get("id").asLong() == id)).isTrue();
        // only coordinators see the outbox; unknown or malformed ids are 404
        assertThat(driver.get("/api/mail").status()).isEqualTo(403);
        assertThat(coordinator.get("/api/mail/999999999").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/mail/x1").status()).isEqualTo(404);
    }
}
