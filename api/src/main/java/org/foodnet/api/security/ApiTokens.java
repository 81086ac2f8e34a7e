package org.foodnet.api.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.foodnet.api.web.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens (table api_token): 256 random bits shown once as {@code fnt_<base64url>}; only their SHA-256
 * is stored. A high-entropy secret needs no slow hash: looking it up by its SHA-256 costs one indexed query, not a
 * bcrypt per request. The last use is written at most once a minute per token.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "fnt_";
    static final int MAX_PER_USER = 50;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A token as its owner sees it (never the secret). */
    public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    }

    /** A token just made: the only time its secret is shown. */
    public record Created(long id, String name, OffsetDateTime createdAt, String token) {
    }

    /** Who a presented token belongs to, and the one network it signs in to. */
    record Owner(long tokenId, String username, String network, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token of the user for one network (the request's): it signs in there only. */
    public Created create(String username, String network, String name) {
        long existing = jdbc.sql("SELECT count(*) FROM api_token WHERE username = ?").param(username).query(Long.class).single();
        if (existing >= MAX_PER_USER) {
            throw Problem.badField("name", "you have " + MAX_PER_USER + " tokens already; revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return jdbc.sql("INSERT INTO api_token (username, network, name, secret_sha256) VALUES (?, ?, ?, ?) RETURNING id, created_at")
                .params(username, network, name, sha256(token))
                .query((rs, n) -> new Created(rs.getLong(1), name, rs.getObject(2, OffsetDateTime.class), token))
                .single();
    }

    /** The user's tokens for one network. */
    public List<Token> of(String username, String network) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at FROM api_token WHERE username = ? AND network = ? ORDER BY id")
                .params(username, network)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the user's own tokens of a network; another user's (or network's) token is "not found", as an unknown one. */
    public void revoke(String username, String network, long id) {
        if (jdbc.sql("DELETE FROM api_token WHERE id = ? AND username = ? AND network = ?").params(id, username, network).update() == 0) {
            throw Problem.notFound("you have no token " + id);
        }
    }

    /** The owner of a presented token, if it is one (and records its use). */
    Optional<Owner> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        record Found(Owner owner, OffsetDateTime lastUsed) {
        }
        Optional<Found> found = jdbc.sql("""
                        SELECT t.id, u.username, t.network, u.enabled, t.last_used_at
                        FROM api_token t JOIN api_user u ON u.username = t.username WHERE t.secret_sha256 = ?""")
                .param(sha256(presented))
                .query((rs, n) -> new Found(new Owner(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)), rs.getObject(5, OffsetDateTime.class)))
                .optional();
        found.ifPresent(f -> {
            if (f.lastUsed() == null || f.lastUsed().isBefore(OffsetDateTime.now().minus(LAST_USED_PRECISION))) {
                jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?").param(f.owner().tokenId()).update();
            }
        });
        return found.map(Found::owner);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
