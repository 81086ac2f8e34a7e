package org.foodnet.solver.check;

/**
 * The families of hard rules of {@code docs/planning-rules.md} that {@link PlanChecker} proves, plus three kinds
 * for plans that cannot be read consistently ({@link #UNKNOWN_REFERENCE}, {@link #INCOMPLETE},
 * {@link #INCONSISTENT_MOVEMENT}).
 */
public enum ViolationKind {
    /**
     * A trip, stop, movement or parcel names a driver, vehicle, site, lot, recipient or parcel that the network
     * or the plan does not have (or a parcel id appears twice); or the plan is for another month than the
     * network. What cannot be resolved is left out of the other checks.
     */
    UNKNOWN_REFERENCE,
    /** A trip or stop lacks a date or time; that trip is not checked further. */
    INCOMPLETE,
    /**
     * Rule 1: the trip does not lie inside one of the driver's availability slots of its date (start before
     * the slot starts, end after it ends, or starts on another date), or its vehicle is not the driver's.
     */
    DRIVER_AVAILABILITY,
    /** Rule 1: {@code end - start} is longer than the driver's {@code maxMinutesPerDay}. */
    DRIVER_MAX_MINUTES,
    /** Rule 1: a trip of a driver starts before another trip of the same driver has ended. */
    OVERLAPPING_TRIPS,
    /**
     * Rules 2 and 3: an arrival earlier than the previous departure (or the start) plus travel, an end earlier
     * than the last departure plus travel home, a service start before the arrival, or a departure earlier
     * than service start plus the site's service time.
     */
    TRAVEL_TIME,
    /**
     * Rule 3: the site is closed on the date of the service start (weekday without window or closed date),
     * service starts before it opens, or the driver leaves after it closes.
     */
    OPENING_HOURS,
    /** Rule 3: two consecutive stops of a trip are at the same site. */
    SAME_SITE_TWICE,
    /** Rule 4: after a stop, the food on board of a temperature class exceeds the vehicle's capacity for it. */
    VEHICLE_CAPACITY,
    /**
     * Rules 3 and 4: a stop unloads more of a lot than was on board when the vehicle arrived there, or a
     * {@code PASS} movement names food of a parcel that is not on board (after the stop's unloads).
     */
    UNLOAD_NOT_ON_BOARD,
    /** Rule 4: food is still on board when the trip ends. */
    NOT_EMPTY_AT_END,
    /**
     * Rule 5: a stop loads more of a lot than is at that site at its service start (stock starts at the lot's
     * site at {@code availableFrom} 00:00, arrives with the departure of an unloading stop, leaves with the
     * service start of a loading stop; all trips and days in time order).
     */
    STOCK,
    /** Rule 6: food is unloaded at a recipient on a date after its lot's last delivery day. */
    USE_BY,
    /** Rule 7: food is unloaded at its recipient after the end of its parcel's serving day. */
    SERVING_DAY,
    /**
     * Rule 7 and earmarks: food is unloaded at a recipient it is not meant for (by the movement, its parcel or
     * its lot's earmark), or unloaded at a donor.
     */
    WRONG_RECIPIENT,
    /**
     * A movement contradicts what it refers to: its temperature class is not its lot's, or its lot or
     * recipient is not its parcel's. (The lot's class is used for all capacity checks.)
     */
    INCONSISTENT_MOVEMENT,
    /**
     * Rule 8: at a hub or depot, for a temperature class and a day of the plan's month, stock at 00:00 plus
     * everything unloaded that day exceeds the storage capacity for that class.
     */
    STORAGE_CAPACITY,
    /** Rule 9: what one stop unloads at a recipient, per temperature class, exceeds its storage capacity. */
    RECIPIENT_STORAGE,
    /**
     * Rule 9: on some day, the food a recipient holds of a temperature class (unloaded there on or before that
     * day for a serving day on or after it) exceeds its storage capacity for that class.
     */
    RECIPIENT_HOLDING,
    /**
     * Rule 10: a parcel's food goes along a path the rules do not allow (the sites where it is loaded, unloaded
     * or passes, in time order, are not consecutive sites of an allowed path from its lot's site to its
     * recipient), or
     * food is loaded at a recipient (food unloaded there is delivered and never leaves).
     */
    FOOD_PATH,
    /**
     * Rule 11: a parcel contradicts the network or the trips: its serving day is not one of its recipient's
     * serving days or is after its lot's last delivery day; the parcels of a lot add up to more than the lot
     * (parcels moved part of the way and not delivered left out);
     * or its {@code planned} flag does not match the grams the trips unload for it at its recipient (all of
     * it when planned, none when not).
     */
    PARCEL,
    /** Rule 12: trips of two different drivers use one vehicle at overlapping times. */
    VEHICLE_SHARED,
    /** Rule 13: a trip's date is not a day of the plan's month. */
    OUTSIDE_MONTH
}
