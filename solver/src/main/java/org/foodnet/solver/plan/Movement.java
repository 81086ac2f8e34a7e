package org.foodnet.solver.plan;

import java.util.Objects;

import org.foodnet.solver.domain.TemperatureClass;

/**
 * Food loaded, unloaded or passing ({@link MovementKind#PASS}: staying on board) at a stop: part of one
 * donation lot, on its way to one recipient. Every field is required: the JSON reader rejects a movement
 * without a {@code parcelId} or {@code recipientId} with the usual one-line error.
 *
 * @param parcelId    the allocation this food belongs to (see {@link Allocation})
 * @param recipientId the recipient it is finally for
 */
public record Movement(MovementKind kind, String lotId, TemperatureClass temperature, long grams, String parcelId,
                       String recipientId) {

    public Movement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(parcelId, "parcelId");
        Objects.requireNonNull(recipientId, "recipientId");
        if (grams <= 0) {
            throw new IllegalArgumentException("movement of lot " + lotId + ": grams must be > 0");
        }
    }
}
