package org.foodnet.solver.model;

import java.time.LocalDate;

import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * Room left on one day, for one temperature class, at one storing site (hub or depot) once the food that
 * is there regardless of the plan (stock not allocated to any parcel) is counted.
 */
public record StorageDay(long key, Site site, TemperatureClass temperature, int day, LocalDate date, long capacityGrams,
                         long fixedGrams) {

    public static long key(int storageIndex, int classIndex, int day) {
        return (storageIndex * 4L + classIndex) * 64L + day;
    }

    public long roomGrams() {
        return capacityGrams - fixedGrams;
    }
}
