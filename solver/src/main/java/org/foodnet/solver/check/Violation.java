package org.foodnet.solver.check;

import java.util.Objects;

/**
 * One broken hard rule, in words a coordinator understands: site names and ids, driver names, lot ids and
 * categories, dates, times and kilograms.
 */
public record Violation(ViolationKind kind, String message) {

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
