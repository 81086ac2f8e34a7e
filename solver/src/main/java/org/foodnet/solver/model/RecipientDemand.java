package org.foodnet.solver.model;

import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * A recipient's monthly need of one temperature class and the part of it no parcel covers: the fair-share
 * constraint weighs undelivered parcels by how short the recipient already is in that class.
 * {@code uncoveredGrams} is need minus allocated: negative when more than the need is allocated (surplus).
 */
public record RecipientDemand(int recipientIndex, Site recipient, TemperatureClass temperature, long needGrams,
                              long uncoveredGrams) {

    /** One key per recipient and class (see {@link #keyOf(Parcel)}). */
    public long key() {
        return recipientIndex * 4L + temperature.ordinal();
    }

    public static long keyOf(Parcel parcel) {
        return parcel.getRecipientIndex() * 4L + parcel.getLot().temperature().ordinal();
    }
}
