package org.foodnet.solver.check;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.Travel;

/**
 * Writes plans by hand: parcels, and trips whose times follow from {@link Travel} (drive, wait for the site to
 * open, handle, drive on), so that a test only states where food goes and then breaks one thing on purpose.
 */
final class PlanBuilder {

    /** A stop to be timed: the site, its movements and the earliest time service may start (or null). */
    record StopSpec(String siteId, List<Movement> movements, LocalTime notBefore) {

        StopSpec notBefore(String time) {
            return new StopSpec(siteId, movements, LocalTime.parse(time));
        }
    }

    private final Network network;
    private final Travel travel;
    private final Map<String, Site> sites;
    private final Map<String, DonationLot> lots;
    private final Map<String, Driver> drivers;
    private final Map<String, Allocation> parcels = new LinkedHashMap<>();
    private YearMonth month = TestNetwork.MONTH;

    PlanBuilder(Network network) {
        this.network = network;
        this.travel = Travel.of(network);
        this.sites = network.sitesById();
        this.lots = network.lotsById();
        this.drivers = network.driversById();
    }

    PlanBuilder month(YearMonth month) {
        this.month = month;
        return this;
    }

    PlanBuilder parcel(String parcelId, String lotId, String recipientId, LocalDate servingDay, double kg) {
        parcels.put(parcelId, new Allocation(parcelId, lotId, recipientId, servingDay, Grams.ofKg(kg), true));
        return this;
    }

    Movement load(String parcelId, double kg) {
        return movement(MovementKind.LOAD, parcelId, kg);
    }

    Movement unload(String parcelId, double kg) {
        return movement(MovementKind.UNLOAD, parcelId, kg);
    }

    private Movement movement(MovementKind kind, String parcelId, double kg) {
        Allocation parcel = parcels.get(parcelId);
        DonationLot lot = lots.get(parcel.lotId());
        TemperatureClass temperature = lot == null ? TemperatureClass.AMBIENT : lot.temperature();
        return new Movement(kind, parcel.lotId(), temperature, Grams.ofKg(kg), parcelId, parcel.recipientId());
    }

    static StopSpec at(String siteId, Movement... movements) {
        return new StopSpec(siteId, Arrays.asList(movements), null);
    }

    /** A trip of the driver in the driver's own vehicle, leaving home at {@code start}, timed by travel. */
    PlannedTrip trip(String id, String driverId, LocalDate date, String start, StopSpec... stops) {
        Driver driver = drivers.get(driverId);
        LocalDateTime clock = date.atTime(LocalTime.parse(start));
        LocalDateTime leaves = clock;
        int here = travel.indexOf(driver.homePlaceId());
        List<PlannedStop> planned = new ArrayList<>();
        for (StopSpec stop : stops) {
            Site site = sites.get(stop.siteId());
            int next = travel.indexOf(stop.siteId());
            LocalDateTime arrival = clock.plus(Duration.ofMillis(travel.millis(here, next)));
            LocalDateTime serviceStart = arrival;
            TimeWindow window = site.openOn(arrival.toLocalDate()).orElse(null);
            if (window != null && serviceStart.isBefore(arrival.toLocalDate().atTime(window.from()))) {
                serviceStart = arrival.toLocalDate().atTime(window.from());
            }
            if (stop.notBefore() != null && serviceStart.isBefore(arrival.toLocalDate().atTime(stop.notBefore()))) {
                serviceStart = arrival.toLocalDate().atTime(stop.notBefore());
            }
            LocalDateTime departure = serviceStart.plusSeconds(site.serviceSeconds());
            planned.add(new PlannedStop(stop.siteId(), arrival, serviceStart, departure, stop.movements()));
            clock = departure;
            here = next;
        }
        LocalDateTime end = clock.plus(Duration.ofMillis(travel.millis(here, travel.indexOf(driver.homePlaceId()))));
        return new PlannedTrip(id, driverId, driver.vehicleId(), date, leaves, end, planned);
    }

    /**
     * The plan of these trips with the parcels they move (a test's other parcels are left out, so that the parcels
     * of a lot fit it); each is marked planned exactly when the trips unload all of it at its recipient.
     */
    Plan plan(PlannedTrip... trips) {
        Map<String, Long> delivered = new LinkedHashMap<>();
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (PlannedTrip trip : trips) {
            for (PlannedStop stop : trip.stops()) {
                for (Movement m : stop.movements()) {
                    moved.add(m.parcelId());
                    Allocation parcel = parcels.get(m.parcelId());
                    if (m.kind() == MovementKind.UNLOAD && parcel != null && stop.siteId().equals(parcel.recipientId())) {
                        delivered.merge(m.parcelId(), m.grams(), Long::sum);
                    }
                }
            }
        }
        List<Allocation> allocations = parcels.values().stream().filter(a -> moved.contains(a.parcelId()))
                .map(a -> new Allocation(a.parcelId(), a.lotId(),
                a.recipientId(), a.servingDay(), a.grams(), delivered.getOrDefault(a.parcelId(), 0L) == a.grams())).toList();
        return new Plan(network.name(), month, "0hard/0medium/0soft", List.of(trips), allocations);
    }

    /** Driving time between two places (site ids or "home:" + driver id), straight from {@link Travel}. */
    long travelMillis(String fromPlace, String toPlace) {
        return travel.millis(travel.indexOf(fromPlace), travel.indexOf(toPlace));
    }

    // ---- breaking a trip on purpose --------------------------------------------------------------------------

    static PlannedTrip withStop(PlannedTrip trip, int index, UnaryOperator<PlannedStop> change) {
        List<PlannedStop> stops = new ArrayList<>(trip.stops());
        stops.set(index, change.apply(stops.get(index)));
        return new PlannedTrip(trip.id(), trip.driverId(), trip.vehicleId(), trip.date(), trip.start(), trip.end(), stops);
    }

    static PlannedStop withTimes(PlannedStop stop, LocalDateTime arrival, LocalDateTime serviceStart, LocalDateTime departure) {
        return new PlannedStop(stop.siteId(), arrival, serviceStart, departure, stop.movements());
    }

    static PlannedTrip withStartAndEnd(PlannedTrip trip, LocalDateTime start, LocalDateTime end) {
        return new PlannedTrip(trip.id(), trip.driverId(), trip.vehicleId(), trip.date(), start, end, trip.stops());
    }

    static PlannedTrip withDriverAndVehicle(PlannedTrip trip, String driverId, String vehicleId) {
        return new PlannedTrip(trip.id(), driverId, vehicleId, trip.date(), trip.start(), trip.end(), trip.stops());
    }
}
