package org.foodnet.solver.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanFixture;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * Shared pieces of the constraint tests: the verifier, the small test network, the usual food paths, and an
 * independent timetable of a trip computed from travel times, opening hours and service times.
 */
abstract class ConstraintTestSupport {

    static final ConstraintVerifier<FoodnetConstraints, MonthPlan> VERIFIER =
            ConstraintVerifier.build(new FoodnetConstraints(), MonthPlan.class, Trip.class, Visit.class);

    static final long SECOND = 1000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** donor-1 → hub → depot → recipient, for recipients served by depot-tottori. */
    static final String[] DONOR1_TO_CAF1 = {"donor-1", "hub", "depot-tottori", "caf-1"};
    static final String[] DONOR1_TO_CAF2 = {"donor-1", "hub", "depot-tottori", "caf-2"};
    static final String[] DONOR2_TO_CAF1 = {"donor-2", "hub", "depot-tottori", "caf-1"};
    static final String[] HUB_TO_CAF1 = {"hub", "depot-tottori", "caf-1"};

    static Network small() {
        return TestNetworks.small();
    }

    static LocalDate day(int dayOfMonth) {
        return TestNetworks.day(dayOfMonth);
    }

    /** 00:00 of a day of the month, in ms from the month's first day (the solver's clock). */
    static long midnight(int dayOfMonth) {
        return (dayOfMonth - 1) * DAY;
    }

    static long ceilMinutes(long millis) {
        assertThat(millis).as("a penalized case must be late by more than nothing").isPositive();
        return (millis + MINUTE - 1) / MINUTE;
    }

    static long ceilKg(long grams) {
        assertThat(grams).as("a penalized case must be over by more than nothing").isPositive();
        return (grams + 999) / 1000;
    }

    /**
     * When each stop of a trip (sites in order, consecutive visits at one site are one stop) is reached,
     * served and left, starting from home at the slot start, waiting for a site to open, spending the site's
     * service time once per stop.
     */
    static Timeline timeline(PlanFixture fx, Trip trip, String... stops) {
        String home = trip.getDriver().homePlaceId();
        long dayStart = midnight(trip.getDate().getDayOfMonth());
        long[] arrival = new long[stops.length];
        long[] start = new long[stops.length];
        long[] departure = new long[stops.length];
        long clock = trip.getSlotStart();
        String at = home;
        for (int i = 0; i < stops.length; i++) {
            Site site = fx.site(stops[i]);
            arrival[i] = clock + fx.travel(at, stops[i]);
            Optional<TimeWindow> open = site.openOn(trip.getDate());
            // closed: nothing to wait for (the opening-hours rule penalizes the stop)
            start[i] = open.isPresent() ? Math.max(arrival[i], dayStart + open.get().fromSecond() * SECOND) : arrival[i];
            departure[i] = start[i] + site.serviceSeconds() * SECOND;
            clock = departure[i];
            at = stops[i];
        }
        long leave = start[0] - fx.travel(home, stops[0]);
        long back = departure[stops.length - 1] + fx.travel(stops[stops.length - 1], home);
        return new Timeline(arrival, start, departure, leave, back);
    }

    /** Driving of a trip through the stops: home → stops → home. */
    static long drivingMillis(PlanFixture fx, Trip trip, String... stops) {
        String at = trip.getDriver().homePlaceId();
        long ms = 0;
        for (String stop : stops) {
            ms += fx.travel(at, stop);
            at = stop;
        }
        return ms + fx.travel(at, trip.getDriver().homePlaceId());
    }

    record Timeline(long[] arrival, long[] serviceStart, long[] departure, long leaveHome, long backHome) {

        long start(int stop) {
            return serviceStart[stop];
        }

        long departure(int stop) {
            return departure[stop];
        }

        long duration() {
            return backHome - leaveHome;
        }
    }
}
