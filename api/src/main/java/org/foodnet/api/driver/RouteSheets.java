package org.foodnet.api.driver;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.plan.DriverTrip;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.PlannedStop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds route sheets from the published plans' trips and the network's sites and lots. */
@Service
class RouteSheets {

    private final PlanRepository plans;
    private final NetworkService network;

    RouteSheets(PlanRepository plans, NetworkService network) {
        this.plans = plans;
        this.network = network;
    }

    @Transactional(readOnly = true)
    RouteSheet sheet(String driverId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(62).isBefore(to)) {
            throw Problem.badField("to", "must be on or after 'from' and at most 62 days later");
        }
        Network first = network.load(YearMonth.from(from));
        Driver driver = first.driversById().get(driverId);
        if (driver == null) {
            throw Problem.notFound("no volunteer " + driverId);
        }
        Vehicle vehicle = first.vehiclesById().get(driver.vehicleId());
        ZoneId zone = first.settings().zone();
        Map<YearMonth, Network> months = new HashMap<>();
        months.put(YearMonth.from(from), first);
        List<RouteSheet.Trip> trips = new ArrayList<>();
        for (DriverTrip dt : plans.tripsOfDriver(network.region(), driverId, from, to)) {
            Network n = months.computeIfAbsent(YearMonth.from(dt.trip().date()), network::load);
            trips.add(trip(dt, n, zone));
        }
        return new RouteSheet(driverId, driver.name(), driver.contact(), driver.vehicleId(),
                vehicle == null ? driver.vehicleId() : vehicle.name(), from, to, zone.getId(), trips,
                total(trips.stream().map(RouteSheet.Trip::totals).toList()), roadData(first));
    }

    /** The attribution of road travel times (the network's matrix made from an OpenStreetMap extract), else null. */
    static String roadData(Network n) {
        if (n.travelMatrix() == null || n.travelMatrix().source() == null) {
            return null;
        }
        return "Driving times: roads of " + n.travelMatrix().source().extract() + ", © OpenStreetMap contributors, ODbL";
    }

    /** The driver confirms a trip of a published plan as driven: its movements go to the stock ledger (once). */
    @Transactional
    List<LedgerEntry> confirm(String driverId, long planId, String tripId, String by) {
        var stored = plans.find(planId).filter(p -> p.info().region().equals(network.region()))
                .orElseThrow(() -> Problem.notFound("no plan " + planId));
        var trip = stored.plan().trips().stream().filter(t -> t.id().equals(tripId)).findFirst()
                .orElseThrow(() -> Problem.notFound("no trip " + tripId + " in plan " + planId));
        if (!trip.driverId().equals(driverId)) {
            throw Problem.notFound("no trip " + tripId + " of volunteer " + driverId + " in plan " + planId);
        }
        return plans.confirmTripDone(planId, tripId,
                new Operation(operationId(tripId), by, network.clock().instant()));
    }

    /**
     * The driver ticks one stop ({@code stop} 1, 2, ... as the route sheet numbers them) of a published plan's trip:
     * the food unloaded there goes to the stock ledger, once (food that only passes the stop, staying on board,
     * writes nothing); the trip is done with its last stop.
     */
    @Transactional
    List<LedgerEntry> confirmStop(String driverId, long planId, String tripId, int stop, String by) {
        var stored = plans.find(planId).filter(p -> p.info().region().equals(network.region()))
                .orElseThrow(() -> Problem.notFound("no plan " + planId));
        var trip = stored.plan().trips().stream().filter(t -> t.id().equals(tripId)).findFirst()
                .orElseThrow(() -> Problem.notFound("no trip " + tripId + " in plan " + planId));
        if (!trip.driverId().equals(driverId)) {
            throw Problem.notFound("no trip " + tripId + " of volunteer " + driverId + " in plan " + planId);
        }
        if (stop < 1 || stop > trip.stops().size()) {
            throw Problem.badField("stop", "must be 1 to " + trip.stops().size() + " (the stops of trip " + tripId + ")");
        }
        return plans.confirmStopDone(planId, tripId, stop,
                new Operation(operationId(tripId), by, network.clock().instant()));
    }

    /**
     * The ledger operation of a trip done. It names the trip, not the plan: a re-plan keeps the trips it fixes
     * (with their ids), so confirming such a trip again in the new plan finds the ledger rows already written.
     */
    static String operationId(String tripId) {
        return "trip-done:" + tripId;
    }

    private static String baseLot(String lotId) {
        int at = lotId.lastIndexOf('@');
        return at > 0 ? lotId.substring(0, at) : lotId;
    }

    private static RouteSheet.Trip trip(DriverTrip dt, Network n, ZoneId zone) {
        Map<String, Site> sites = n.sitesById();
        // a plan names a lot as the month's start it was solved from has it: "lot", or "lot@site" when the lot was
        // at several sites then; the month here may split it differently, and all parts say the same about the food
        Map<String, DonationLot> lots = new java.util.HashMap<>(n.lotsById());
        n.lots().forEach(l -> lots.putIfAbsent(baseLot(l.id()), l));
        List<RouteSheet.Stop> stops = new ArrayList<>();
        List<java.time.Instant> stopsDone = dt.stopsDoneAt();
        long[] byClass = new long[3];
        int order = 0;
        for (PlannedStop s : dt.trip().stops()) {
            Site site = sites.get(s.siteId());
            List<RouteSheet.Item> load = new ArrayList<>();
            List<RouteSheet.Item> unload = new ArrayList<>();
            List<RouteSheet.Item> stayOnBoard = new ArrayList<>();
            for (Movement m : s.movements()) {
                DonationLot lot = lots.containsKey(m.lotId()) ? lots.get(m.lotId()) : lots.get(baseLot(m.lotId()));
                Site recipient = m.recipientId() == null ? null : sites.get(m.recipientId());
                RouteSheet.Item item = new RouteSheet.Item(m.lotId(), lot == null ? "" : lot.category(), m.temperature().name(),
                        Grams.toKg(m.grams()), m.recipientId(), recipient == null ? null : recipient.name(),
                        lot == null || sites.get(lot.donorId()) == null ? null : sites.get(lot.donorId()).name());
                switch (m.kind()) {
                    case LOAD -> {
                        load.add(item);
                        byClass[m.temperature().ordinal()] += m.grams();
                    }
                    case UNLOAD -> unload.add(item);
                    case PASS -> stayOnBoard.add(item);
                }
            }
            java.time.Instant stopDone = order < stopsDone.size() ? stopsDone.get(order) : null;
            TimeWindow open = site == null ? null : site.openOn(s.serviceStart().toLocalDate()).orElse(null);
            double lat = site == null ? 0 : site.location().lat();
            double lon = site == null ? 0 : site.location().lon();
            stops.add(new RouteSheet.Stop(++order, s.siteId(), site == null ? s.siteId() : site.name(),
                    site == null ? "" : site.kind().name(), site == null ? "" : site.address(),
                    site == null ? "" : site.contact(), lat, lon, s.arrival(), s.departure(),
                    open == null ? null : open.from(), open == null ? null : open.to(),
                    String.format(Locale.ROOT, "https://www.google.com/maps/search/?api=1&query=%.6f,%.6f", lat, lon), load, unload,
                    stayOnBoard,
                    stopDone != null || dt.done(), stopDone == null ? null : stopDone.atZone(zone).toOffsetDateTime()));
        }
        long minutes = Duration.between(dt.trip().start(), dt.trip().end()).toMinutes();
        RouteSheet.Totals totals = new RouteSheet.Totals(1, stops.size(), Grams.toKg(byClass[0] + byClass[1] + byClass[2]),
                Grams.toKg(byClass[0]), Grams.toKg(byClass[1]), Grams.toKg(byClass[2]), minutes);
        Driver driver = n.driversById().get(dt.trip().driverId());
        String navigation = driver == null ? null : navigationUrl(driver.home(),
                stops.stream().map(s -> new GeoPoint(s.lat(), s.lon())).toList());
        return new RouteSheet.Trip(dt.planId(), dt.trip().id(), dt.trip().date(), dt.trip().start(), dt.trip().end(), dt.done(),
                dt.doneAt() == null ? null : dt.doneAt().atZone(zone).toOffsetDateTime(), stops, totals, navigation);
    }

    /** Google Maps directions links open at most this many waypoints (stops between the start and the end). */
    static final int MAX_WAYPOINTS = 9;

    /**
     * Driving directions for a whole trip in stop order: from home through every stop (waypoints) back home; null
     * when the trip has more stops than {@link #MAX_WAYPOINTS}.
     */
    static String navigationUrl(GeoPoint home, List<GeoPoint> stops) {
        if (stops.isEmpty() || stops.size() > MAX_WAYPOINTS) {
            return null;
        }
        StringBuilder url = new StringBuilder("https://www.google.com/maps/dir/?api=1&travelmode=driving&origin=")
                .append(urlPoint(home)).append("&destination=").append(urlPoint(home)).append("&waypoints=");
        for (int i = 0; i < stops.size(); i++) {
            url.append(i == 0 ? "" : "%7C").append(urlPoint(stops.get(i)));
        }
        return url.toString();
    }

    private static String urlPoint(GeoPoint p) {
        return String.format(Locale.ROOT, "%.6f%%2C%.6f", p.lat(), p.lon());
    }

    private static RouteSheet.Totals total(List<RouteSheet.Totals> trips) {
        int stops = 0;
        double loaded = 0, ambient = 0, chilled = 0, frozen = 0;
        long minutes = 0;
        for (RouteSheet.Totals t : trips) {
            stops += t.stops();
            loaded += t.loadedKg();
            ambient += t.ambientKg();
            chilled += t.chilledKg();
            frozen += t.frozenKg();
            minutes += t.minutes();
        }
        return new RouteSheet.Totals(trips.size(), stops, round(loaded), round(ambient), round(chilled), round(frozen), minutes);
    }

    private static double round(double kg) {
        return Math.round(kg * 1000) / 1000.0;
    }
}
