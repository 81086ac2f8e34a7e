package org.foodnet.solver.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.travel.Travel;

/**
 * Read-only lookups shared by the listeners, the construction heuristic and the plan export: travel,
 * opening windows per site and day, and the month's calendar. Times are milliseconds from 00:00 of the
 * month's first day (local time of the network).
 */
public final class PlanningContext {

    public static final long DAY = 86_400_000L;
    public static final long MINUTE = 60_000L;

    private final Network network;
    private final Travel travel;
    private final LocalDate firstDay;
    private final int days;
    private final long[][] openFrom;
    private final long[][] openTo;
    private org.foodnet.solver.plan.Plan previousPlan;

    public PlanningContext(Network network, Travel travel) {
        this.network = network;
        this.travel = travel;
        this.firstDay = network.settings().firstDay();
        this.days = network.settings().month().lengthOfMonth();
        List<Site> sites = network.sites();
        this.openFrom = new long[sites.size()][days];
        this.openTo = new long[sites.size()][days];
        for (int s = 0; s < sites.size(); s++) {
            for (int d = 0; d < days; d++) {
                TimeWindow w = sites.get(s).openOn(firstDay.plusDays(d)).orElse(null);
                openFrom[s][d] = w == null ? -1 : d * DAY + w.fromSecond() * 1000L;
                openTo[s][d] = w == null ? -1 : d * DAY + w.toSecond() * 1000L;
            }
        }
    }

    /** The plan this one should stay close to (a re-plan), or null. */
    public org.foodnet.solver.plan.Plan previousPlan() {
        return previousPlan;
    }

    void setPreviousPlan(org.foodnet.solver.plan.Plan previousPlan) {
        this.previousPlan = previousPlan;
    }

    public Network network() {
        return network;
    }

    public Travel travel() {
        return travel;
    }

    public int days() {
        return days;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public long travelMillis(int fromPlace, int toPlace) {
        return travel.millis(fromPlace, toPlace);
    }

    /** Opening time of a site (place index = site index) on a day, or -1 when closed. */
    public long openFrom(int place, int day) {
        return place < openFrom.length && day >= 0 && day < days ? openFrom[place][day] : -1;
    }

    public long openTo(int place, int day) {
        return place < openTo.length && day >= 0 && day < days ? openTo[place][day] : -1;
    }

    public boolean isOpen(int place, int day) {
        return openFrom(place, day) >= 0;
    }

    public int dayIndex(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(firstDay, date);
    }

    public long millisAt(LocalDate date) {
        return dayIndex(date) * DAY;
    }

    public LocalDateTime toDateTime(long millis) {
        return firstDay.atStartOfDay().plus(millis, ChronoUnit.MILLIS);
    }

    public static int dayOf(long millis) {
        return (int) Math.floorDiv(millis, DAY);
    }

    /** Whole minutes, rounded up: how hard penalties count time. */
    public static long ceilMinutes(long millis) {
        return millis <= 0 ? 0 : (millis + MINUTE - 1) / MINUTE;
    }

    /** Whole kilograms, rounded up: how hard penalties count mass. */
    public static long ceilKg(long grams) {
        return grams <= 0 ? 0 : (grams + 999) / 1000;
    }
}
