package org.foodnet.solver.allocation;

import org.foodnet.solver.domain.TemperatureClass;

/**
 * A recipient's need of one temperature class that no lot can reach on any of its serving days, whatever the
 * routes (see docs/planning-rules.md, "Who gets what"): no plan can deliver any of it, so that recipient's
 * fulfilment of the class stays 0. The coordinator's remedy depends on the {@link Reason}.
 *
 * @param recipientId the recipient
 * @param temperature the class
 * @param needGrams   the recipient's monthly need of the class
 * @param reason      why no lot reaches it
 * @param detail      the same in a sentence, naming the sites
 */
public record UnreachableNeed(String recipientId, TemperatureClass temperature, long needGrams, Reason reason,
                              String detail) {

    /** Why a need cannot be reached, checked in this order. */
    public enum Reason {
        /** None of the recipient's serving days is in the month. */
        NO_SERVING_DAY,
        /** The recipient has no storage for the class (rule 9 leaves no room for any parcel). */
        NO_STORAGE,
        /** No lot of the class can be used in the month (not earmarked for another recipient). */
        NO_SUPPLY,
        /** No allowed food path leads from any such lot to the recipient. */
        NO_PATH,
        /**
         * No volunteer with room for the class can drive the last hop into the recipient (from its home, while
         * both sites are open, within their slot and longest day) on any day up to its last serving day.
         */
        LAST_HOP,
        /** The hops can be driven, but no lot gets there by a serving day on or before its last delivery day. */
        TOO_LATE
    }
}
