package org.foodnet.api.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail to drivers ({@code foodnet.mail.*}; the SMTP server itself is Spring Boot's {@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username}, {@code spring.mail.password}).
 *
 * @param from         the sender address of the mails
 * @param baseUrl      the service's public address, for the links in the mails (driver page, route sheets)
 * @param pollInterval how often the outbox is looked at for mails to send; 0 turns the poller off (tests send by hand)
 * @param maxAttempts  failed sends are retried with growing pauses (30 s, 1, 2, 4 ... min, at most 1 h) this often
 */
@ConfigurationProperties("foodnet.mail")
public record MailProperties(@DefaultValue("foodnet@localhost") String from,
                             @DefaultValue("http://localhost:8080") String baseUrl,
                             @DefaultValue("10s") Duration pollInterval,
                             @DefaultValue("10") int maxAttempts) {

    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
