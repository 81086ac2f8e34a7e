package org.foodnet.api.donation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys done in PostgreSQL: a key is remembered with the SHA-256 of its request's canonical form and the
 * lot it made. {@link #lock} takes a transaction-scoped advisory lock on (user, scope, key), so two requests with the
 * same key at once run one after the other, also on several service nodes sharing the database: the second finds
 * the first one's row and replays it. Call everything inside the request's transaction.
 */
@Component
class Idempotency {

    /** What a key was first used for. */
    record Remembered(String fingerprint, String lotId) {
    }

    private final JdbcClient jdbc;
    private final NetworkService network;

    Idempotency(JdbcClient jdbc, NetworkService network) {
        this.jdbc = jdbc;
        this.network = network;
    }

    /** Waits until no other transaction holds this key, and holds it until this transaction ends. */
    void lock(String username, String scope, String key) {
        byte[] hash = sha256("foodnet-idempotency\u0000" + scope + "\u0000" + network.region() + "\u0000" + username + "\u0000" + key);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ByteBuffer.wrap(hash).getLong()).query().singleRow();
    }

    Optional<Remembered> find(String username, String scope, String key) {
        return jdbc.sql("SELECT fingerprint, lot_id FROM api_idempotency WHERE username = ? AND network = ? AND scope = ? AND idem_key = ?")
                .params(username, network.region(), scope, key)
                .query((rs, n) -> new Remembered(rs.getString(1), rs.getString(2))).optional();
    }

    void remember(String username, String scope, String key, String fingerprint, String lotId) {
        jdbc.sql("INSERT INTO api_idempotency (username, network, scope, idem_key, fingerprint, lot_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(username, network.region(), scope, key, fingerprint, lotId).update();
    }

    /** The answer to a key reused for another request. */
    static Problem reused(String what) {
        String reason = "was already used for a different " + what + "; send a new Idempotency-Key for a new " + what
                + " (the same key is only for retrying exactly the same request)";
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key " + reason,
                List.of(new Problem.FieldError("Idempotency-Key", reason)));
    }

    /**
     * The SHA-256 (hex) of a canonical form of a request: its fields in a fixed order, each as its length and text
     * ({@code null} as -1), so that no two different requests share a form.
     */
    static String fingerprint(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            if (field == null) {
                canonical.append("-1;");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text).append(';');
            }
        }
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
