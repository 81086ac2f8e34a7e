package org.foodnet.solver.constraint;

import java.time.format.DateTimeFormatter;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.model.Visit;

/** Plain-words pieces of the constraint justifications. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d HH:mm");

    private Texts() {
    }

    static String lot(Visit v) {
        DonationLot lot = v.getParcel().getLot();
        return lot.id() + " (" + lot.category() + ", " + lot.temperature().word() + ")";
    }

    static String site(Visit v) {
        return v.getSite().name();
    }

    static String trip(Visit v) {
        return v.getTrip() == null ? "no trip" : "the trip of " + v.getTrip().label();
    }

    static String kg(Visit v) {
        return Grams.kgText(v.getLeg().getGrams());
    }

    static String time(Visit v, long millis) {
        return v.getTrip().context().toDateTime(millis).format(TIME);
    }

    static String overloadText(Visit v) {
        StringBuilder sb = new StringBuilder();
        for (TemperatureClass c : TemperatureClass.values()) {
            long load = v.load(c.ordinal());
            long cap = v.getTrip().capacity(c.ordinal());
            if (load > cap) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(Grams.kgText(load)).append(' ').append(c.word()).append(", ")
                        .append(cap == 0 ? "and has no " + box(c) : box(c) + " holds " + Grams.kgText(cap));
            }
        }
        return sb.toString();
    }

    private static String box(TemperatureClass c) {
        return switch (c) {
            case AMBIENT -> "load space";
            case CHILLED -> "cooler box";
            case FROZEN -> "freezer box";
        };
    }
}
