package org.foodnet.solver.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.Travel;

/**
 * What every rule family of one check needs: the network looked up by id, travel, the time scale
 * (milliseconds from 00:00 of the plan month's first day, local time of the network; the network's month
 * when the plan names none), the message vocabulary and the list of violations found so far.
 */
final class CheckContext {

    static final long DAY_MS = 86_400_000L;

    final Network network;
    final Plan plan;
    final LocalDate firstDay;
    final int days;
    final Travel travel;
    final Map<String, Site> sites;
    final Map<String, DonationLot> lots;
    final Map<String, Driver> drivers;
    final Map<String, Vehicle> vehicles;
    /** Parcels by id; the first one when an id appears twice. */
    final Map<String, Allocation> parcels;

    private final long firstEpochDay;
    private final List<Violation> violations = new ArrayList<>();

    CheckContext(Network network, Plan plan) {
        this.network = network;
        this.plan = plan;
        YearMonth month = plan.month() != null ? plan.month() : network.settings().month();
        this.firstDay = month.atDay(1);
        this.days = month.lengthOfMonth();
        this.firstEpochDay = firstDay.toEpochDay();
        this.travel = Travel.of(network);
        this.sites = network.sitesById();
        this.lots = network.lotsById();
        this.drivers = network.driversById();
        this.vehicles = network.vehiclesById();
        this.parcels = new HashMap<>();
        for (Allocation parcel : plan.allocations()) {
            parcels.putIfAbsent(parcel.parcelId(), parcel);
        }
    }

    void report(ViolationKind kind, String message) {
        violations.add(new Violation(kind, message));
    }

    List<Violation> violations() {
        return violations;
    }

    /** Milliseconds from 00:00 of the month's first day (negative before it); sub-millisecond parts dropped. */
    long ms(LocalDateTime time) {
        return (time.toLocalDate().toEpochDay() - firstEpochDay) * DAY_MS + time.toLocalTime().toNanoOfDay() / 1_000_000;
    }

    /** The local date-time of a time on the checker's scale. */
    LocalDateTime time(long ms) {
        return firstDay.atStartOfDay().plus(java.time.Duration.ofMillis(ms));
    }

    /** 0 for the month's first day; negative before, {@code >= days} after the month. */
    long dayIndex(LocalDate date) {
        return date.toEpochDay() - firstEpochDay;
    }

    LocalDate day(long index) {
        return firstDay.plusDays(index);
    }

    /** The time of day, with the date in front when it is not the trip's date. */
    String at(PlannedTrip trip, LocalDateTime time) {
        String clock = Words.clock(time.toLocalTime());
        return time.toLocalDate().equals(trip.date()) ? clock : time.toLocalDate() + " " + clock;
    }

    /** "Trip t-17 of 佐藤 花子 on 2026-12-14". */
    String trip(PlannedTrip trip) {
        Driver driver = drivers.get(trip.driverId());
        String who = driver != null ? driver.name() : "unknown driver " + trip.driverId();
        return "Trip " + trip.id() + " of " + who + " on " + trip.date();
    }

    /** "stop 2 at ハブ拠点 若桜 (depot-wakasa)" (stops count from 1). */
    String stop(int number, String siteId) {
        return "stop " + number + " at " + siteName(siteId);
    }

    /** "ハブ拠点 若桜 (depot-wakasa)", or "unknown site x". */
    String siteName(String siteId) {
        Site site = sites.get(siteId);
        return site != null ? Words.site(site) : "unknown site " + siteId;
    }

    String driverName(String driverId) {
        Driver driver = drivers.get(driverId);
        return driver != null ? driver.name() : "unknown driver " + driverId;
    }
}
