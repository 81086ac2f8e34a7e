package org.foodnet.api.driver;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.foodnet.api.network.NetworkContext;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.security.CurrentUser;
import org.foodnet.api.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A driver's private calendar feed that a calendar app can subscribe to without signing in: {@code GET
 * /api/calendar/{token}.ics}, the token 256 random bits (base64url, 43 characters after {@code fnc_}), only its
 * SHA-256 stored (table calendar_token, one per driver and network). {@code POST /api/drivers/{id|me}/calendar-token}
 * makes a new one and ends the old one. The feed shows that driver's trips in the token's network (this and next
 * month), nothing else; with a network prefix of another network, or once renewed, or when the account that made
 * it has no role in the network any more, it is 404 as an unknown token.
 */
@RestController
class CalendarFeed {

    static final String PREFIX = "fnc_";
    private static final Pattern TOKEN = Pattern.compile("fnc_[A-Za-z0-9_-]{43}");

    /** The new feed: its address (absolute and as a path) and when it was made. Shown once. */
    record Created(String url, String path, String driverId, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final NetworkService network;
    private final RouteSheets sheets;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.context.MessageSource messages;
    private final org.foodnet.api.network.VolunteerContacts contacts;

    CalendarFeed(JdbcClient jdbc, CurrentUser user, NetworkService network, RouteSheets sheets,
                 org.springframework.context.MessageSource messages, org.foodnet.api.network.VolunteerContacts contacts) {
        this.messages = messages;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.user = user;
        this.network = network;
        this.sheets = sheets;
    }

    @PostMapping("/api/drivers/{driverId}/calendar-token")
    @Transactional
    ResponseEntity<Created> renew(@PathVariable String driverId) {
        String id = user.requireDriverAccess(driverId);
        if (!network.load(network.monthOrCurrent(null)).driversById().containsKey(id)) {
            throw Problem.notFound("no volunteer " + id);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime created = jdbc.sql("""
                        INSERT INTO calendar_token (network, driver_id, secret_sha256, created_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (network, driver_id) DO UPDATE SET secret_sha256 = excluded.secret_sha256,
                            created_by = excluded.created_by, created_at = now()
                        RETURNING created_at""")
                .params(network.region(), id, sha256(token), user.username())
                .query(OffsetDateTime.class).single();
        String path = "/api/calendar/" + token + ".ics";
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(url, path, id, created));
    }

    @GetMapping("/api/calendar/{token}.ics")
    @Transactional(readOnly = true)
    ResponseEntity<String> feed(@PathVariable String token) {
        record Owner(String network, String driverId) {
        }
        Optional<Owner> owner = !TOKEN.matcher(token).matches() ? Optional.empty() : jdbc.sql("""
                        SELECT c.network, c.driver_id FROM calendar_token c
                        JOIN account_role r ON r.username = c.created_by AND r.network = c.network
                        JOIN api_user u ON u.username = c.created_by AND u.enabled
                        WHERE c.secret_sha256 = ?""")
                .param(sha256(token))
                .query((rs, n) -> new Owner(rs.getString(1), rs.getString(2))).optional();
        String asked = NetworkContext.current();
        if (owner.isEmpty() || asked != null && !asked.equals(owner.get().network())) {
            throw Problem.notFound("no calendar feed with this address (renewed, ended or never made)");
        }
        String body = NetworkContext.in(owner.get().network(), () -> {
            YearMonth now = network.monthOrCurrent(null);
            RouteSheet sheet = sheets.sheet(owner.get().driverId(), now.atDay(1), now.plusMonths(1).atEndOfMonth());
            return ICalendar.of(sheet, network.clock().instant(), messages,
                    contacts.of(owner.get().network(), owner.get().driverId()).locale());
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300").body(body);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
