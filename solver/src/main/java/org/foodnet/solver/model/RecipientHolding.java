package org.foodnet.solver.model;

import java.time.LocalDate;

import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * One recipient's storage for one temperature class on one day of the month (rule 9): the food it holds then
 * is every final-leg unload there whose unload day ≤ day ≤ its parcel's serving day. Equal by {@link #key}
 * alone, so the constraint can group by it cheaply (a {@link Site} compares its whole opening hours).
 */
public final class RecipientHolding {

    private final long key;
    private final Site recipient;
    private final TemperatureClass temperature;
    private final LocalDate firstDay;
    private final int day;

    public RecipientHolding(int recipientIndex, Site recipient, TemperatureClass temperature, int day, LocalDate firstDay) {
        this.key = key(recipientIndex, temperature.ordinal(), day);
        this.recipient = recipient;
        this.temperature = temperature;
        this.firstDay = firstDay;
        this.day = day;
    }

    /** Grams of one delivery held on one recipient day. */
    public record Share(RecipientHolding day, long grams) {
    }

    /** Every day a planned final-leg drop is held by its recipient, with its grams (none when it comes late). */
    public static java.util.List<Share> sharesOf(Visit drop) {
        Leg leg = drop.getLeg();
        Trip trip = drop.getTrip();
        PlanningContext ctx = trip.context();
        int from = trip.getDay();
        int to = lastHeldDay(leg, ctx.days());
        if (to < from) {
            return java.util.List.of();
        }
        java.util.List<Share> shares = new java.util.ArrayList<>(to - from + 1);
        int r = drop.getParcel().getRecipientIndex();
        for (int d = from; d <= to; d++) {
            shares.add(new Share(new RecipientHolding(r, leg.getTo(), leg.getTemperature(), d, ctx.firstDay()), leg.getGrams()));
        }
        return shares;
    }

    public int day() {
        return day;
    }

    public static long key(int recipientIndex, int classIndex, int day) {
        return (recipientIndex * 4L + classIndex) * 64L + day;
    }

    public Site recipient() {
        return recipient;
    }

    public TemperatureClass temperature() {
        return temperature;
    }

    public LocalDate date() {
        return firstDay.plusDays(day);
    }

    public long capacityGrams() {
        return recipient.storageCapacity().get(temperature);
    }

    /** The last day (index in the month) a final leg's food is held by its recipient: its serving day. */
    public static int lastHeldDay(Leg finalLeg, int days) {
        return Math.min(days - 1, PlanningContext.dayOf(finalLeg.getServingMillis() - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientHolding h && h.key == key;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key);
    }

    @Override
    public String toString() {
        return recipient.id() + "/" + temperature + "/" + date();
    }
}
