package org.foodnet.api.driver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A driver's route sheet (配送表) for a day or a month: trips of published plans with their stops in order.
 * Times are local to the network's zone ({@code zone}); masses in kg. {@code roadData}: where the driving times
 * come from and the OpenStreetMap attribution (ODbL) when they are road times; null otherwise.
 */
record RouteSheet(String driverId, String driverName, String driverContact, String vehicleId, String vehicleName,
                  LocalDate from, LocalDate to, String zone, List<Trip> trips, Totals totals, String roadData) {

    /** A sheet whose times are not from road data (great circle, or a matrix of unknown origin). */
    RouteSheet(String driverId, String driverName, String driverContact, String vehicleId, String vehicleName,
               LocalDate from, LocalDate to, String zone, List<Trip> trips, Totals totals) {
        this(driverId, driverName, driverContact, vehicleId, vehicleName, from, to, zone, trips, totals, null);
    }

    /**
     * @param navigationUrl one link for the whole trip: directions from the driver's home through the stops in order
     *                      and back home (Google Maps, waypoints); null for a trip of more than
     *                      {@link RouteSheets#MAX_WAYPOINTS} stops (Google opens no more): each stop's own link remains
     */
    record Trip(long planId, String tripId, LocalDate date, LocalDateTime start, LocalDateTime end, boolean done,
                OffsetDateTime doneAt, List<Stop> stops, Totals totals, String navigationUrl) {
    }

    /**
     * @param openFrom  the site's opening hours that day (null when closed or unknown)
     * @param mapUrl    a link that opens the place on a map
     * @param done      ticked done by the driver (or the whole trip confirmed done)
     * @param doneAt    when the stop was ticked (null when not, or when only the whole trip was confirmed)
     * @param stayOnBoard food that passes this stop: its path passes the site and the same trip carries it on, so
     *                    it is neither loaded nor unloaded here (the driver still stops: a stop with only this is
     *                    "stop here; nothing to load or unload; food for X stays on board")
     */
    record Stop(int order, String siteId, String name, String kind, String address, String contact, double lat, double lon,
                LocalDateTime arrival, LocalDateTime departure, LocalTime openFrom, LocalTime openTo, String mapUrl,
                List<Item> load, List<Item> unload, List<Item> stayOnBoard, boolean done, OffsetDateTime doneAt) {
    }

    /**
     * Food to load or unload: one lot, its temperature class (AMBIENT / CHILLED / FROZEN), and for whom.
     *
     * @param donorName the name of the lot's donor (null when unknown)
     */
    record Item(String lotId, String category, String temperature, double kg, String recipientId, String recipientName,
                String donorName) {
    }

    record Totals(int trips, int stops, double loadedKg, double ambientKg, double chilledKg, double frozenKg, long minutes) {
    }
}
