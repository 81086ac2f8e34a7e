package org.foodnet.data.stock;

/** What a ledger row records. */
public enum EntryKind {
    /** A donation arrives at the hub or a depot, or is registered at a donor (stock comes in). */
    LOGGED,
    /** Collected at a donor and brought to the hub or a depot. */
    PICKED_UP,
    /** Moved between the hub and a depot, or between depots. */
    TRANSFERRED,
    /** Handed to a recipient (stock goes out). */
    DELIVERED,
    /** Thrown away: expired or spoiled (stock goes out). */
    DISCARDED,
    /** Plus or minus grams at one site, fixing an earlier row (which is never updated or deleted). */
    CORRECTED
}
