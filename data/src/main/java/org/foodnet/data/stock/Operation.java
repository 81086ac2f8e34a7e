package org.foodnet.data.stock;

import java.time.Instant;
import java.util.Objects;

/**
 * Who records a ledger operation, when the food moved, and the client-supplied operation id that makes a
 * retry harmless: an operation id is applied at most once (the api passes its Idempotency-Key here).
 */
public record Operation(String id, String by, Instant occurredAt) {

    public Operation {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("operation id must be 1-200 characters, got " + id);
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("operation " + id + ": by must not be blank");
        }
        Objects.requireNonNull(occurredAt, "operation " + id + ": occurredAt");
    }

    /** An operation that happens now. */
    public static Operation now(String id, String by) {
        return new Operation(id, by, Instant.now());
    }
}
