package org.foodnet.solver.model;

import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * A recipient's monthly need of one temperature class and the grams of parcels allocated to it for that class:
 * the fair-share constraint weighs undelivered parcels by how short the recipient already is in that class, the
 * undelivered-food rule by how far below its floor they leave it. One for every recipient and class with a
 * need or a parcel.
 */
public record RecipientDemand(int recipientIndex, Site recipient, TemperatureClass temperature, long needGrams,
                              long allocatedGrams) {

    /** Need minus allocated: negative when more than the need is allocated (surplus). */
    public long uncoveredGrams() {
        return needGrams - allocatedGrams;
    }

    /**
     * The least the plan should deliver of this class before other food counts as much:
     * {@code floorShare} of min(allocated, need).
     */
    public long floorGrams(double floorShare) {
        return Math.round(floorShare * Math.min(allocatedGrams, needGrams));
    }

    /** One key per recipient and class (see {@link #keyOf(Parcel)}). */
    public long key() {
        return recipientIndex * 4L + temperature.ordinal();
    }

    public static long keyOf(Parcel parcel) {
        return parcel.getRecipientIndex() * 4L + parcel.getLot().temperature().ordinal();
    }
}
