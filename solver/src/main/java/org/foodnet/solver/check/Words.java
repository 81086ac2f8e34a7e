package org.foodnet.solver.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/** How the checker names things in its messages. */
final class Words {

    private Words() {
    }

    static String kg(long grams) {
        return Grams.kgText(grams);
    }

    /** "ハブ拠点 若桜 (depot-wakasa)". */
    static String site(Site site) {
        return site.name() + " (" + site.id() + ")";
    }

    /** "lot L-12 (rice, frozen)". */
    static String lot(DonationLot lot) {
        return "lot " + lot.id() + " (" + lot.category() + ", " + lot.temperature().word() + ")";
    }

    /** "2026-12-06 (Sunday)". */
    static String dateWithWeekday(LocalDate date) {
        return date + " (" + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
    }

    /** "09:10", or "09:10:30" / "09:10:30.250" when seconds or milliseconds matter. */
    static String clock(LocalTime time) {
        int millis = time.getNano() / 1_000_000;
        if (millis != 0) {
            return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", time.getHour(), time.getMinute(), time.getSecond(), millis);
        }
        if (time.getSecond() != 0) {
            return String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        }
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** "2 h 5 min", "45 min", "1 min 0.5 s". */
    static String duration(long millis) {
        long abs = Math.abs(millis);
        long hours = abs / 3_600_000;
        long minutes = abs / 60_000 % 60;
        long secondMillis = abs % 60_000;
        StringBuilder text = new StringBuilder(millis < 0 ? "-" : "");
        if (hours > 0) {
            text.append(hours).append(" h ");
        }
        if (minutes > 0 || (hours == 0 && secondMillis == 0)) {
            text.append(minutes).append(" min ");
        }
        if (secondMillis > 0) {
            text.append(BigDecimal.valueOf(secondMillis, 3).stripTrailingZeros().toPlainString()).append(" s ");
        }
        return text.toString().trim();
    }

    /** The part of a vehicle that carries a temperature class. */
    static String vehicleSpace(TemperatureClass temperature) {
        return switch (temperature) {
            case AMBIENT -> "load space";
            case CHILLED -> "cooler box";
            case FROZEN -> "freezer box";
        };
    }

    /** "shelves hold", "fridge holds", "freezer holds". */
    static String storageSpaceHolds(TemperatureClass temperature) {
        return storageSpace(temperature) + (temperature == TemperatureClass.AMBIENT ? " hold" : " holds");
    }

    /** The part of a site's storage that keeps a temperature class. */
    static String storageSpace(TemperatureClass temperature) {
        return switch (temperature) {
            case AMBIENT -> "shelves";
            case CHILLED -> "fridge";
            case FROZEN -> "freezer";
        };
    }
}
