package org.foodnet.solver.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * The rules that one trip can break on its own (rules 1-4, 6, 7, 9, 13; loads at recipients of rule 10),
 * checked stop by stop. Loads and
 * unloads are handed to the {@link StockLedger} for the rules across trips, the route and deliveries to the
 * {@link Totals}.
 */
final class TripRules {

    /** A trip with its references looked up; null where the network has no such driver, vehicle or site. */
    private record Resolved(PlannedTrip trip, String label, Driver driver, Vehicle vehicle, List<Site> sites) {

        boolean allSitesKnown() {
            return sites.stream().allMatch(Objects::nonNull);
        }

        PlannedStop stop(int index) {
            return trip.stops().get(index);
        }
    }

    private final CheckContext ctx;
    private final StockLedger ledger;
    private final Totals totals;

    TripRules(CheckContext ctx, StockLedger ledger, Totals totals) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.totals = totals;
    }

    void check(PlannedTrip trip) {
        if (!complete(trip)) {
            return;
        }
        Resolved t = resolve(trip);
        checkMonth(t);
        checkAvailability(t);
        checkMaxMinutes(t);
        checkDriving(t);
        checkServiceTimes(t);
        checkOpeningHours(t);
        checkSameSiteTwice(t);
        checkLoads(t);
        checkDeliveries(t);
        addRouteToTotals(t);
    }

    // ---- references ----------------------------------------------------------------------------------------

    private boolean complete(PlannedTrip trip) {
        List<String> missing = new ArrayList<>();
        if (trip.date() == null) {
            missing.add("date");
        }
        if (trip.start() == null) {
            missing.add("start");
        }
        if (trip.end() == null) {
            missing.add("end");
        }
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = trip.stops().get(i);
            if (stop.arrival() == null) {
                missing.add("arrival at stop " + (i + 1));
            }
            if (stop.serviceStart() == null) {
                missing.add("service start at stop " + (i + 1));
            }
            if (stop.departure() == null) {
                missing.add("departure from stop " + (i + 1));
            }
        }
        if (missing.isEmpty()) {
            return true;
        }
        ctx.report(ViolationKind.INCOMPLETE, ctx.trip(trip) + " has no " + String.join(", ", missing)
                + "; the trip is not checked further");
        return false;
    }

    private Resolved resolve(PlannedTrip trip) {
        String label = ctx.trip(trip);
        Driver driver = ctx.drivers.get(trip.driverId());
        if (driver == null) {
            unknown(label + ": driver " + trip.driverId() + " is not a volunteer of the network");
        }
        Vehicle vehicle = ctx.vehicles.get(trip.vehicleId());
        if (vehicle == null) {
            unknown(label + ": vehicle " + trip.vehicleId() + " is not a vehicle of the network");
        }
        List<Site> sites = new ArrayList<>(trip.stops().size());
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = trip.stops().get(i);
            Site site = ctx.sites.get(stop.siteId());
            if (site == null) {
                unknown(label + ": stop " + (i + 1) + " is at site " + stop.siteId() + ", which is not a site of the network");
            }
            sites.add(site);
            for (Movement m : stop.movements()) {
                resolveMovement(label, i, stop, m);
            }
        }
        return new Resolved(trip, label, driver, vehicle, sites);
    }

    private void resolveMovement(String label, int i, PlannedStop stop, Movement m) {
        boolean lotKnown = ctx.lots.containsKey(m.lotId());
        boolean parcelKnown = ctx.parcels.containsKey(m.parcelId());
        Site recipient = ctx.sites.get(m.recipientId());
        boolean recipientKnown = recipient != null && recipient.role() == SiteRole.RECIPIENT;
        if (lotKnown && parcelKnown && recipientKnown) {
            return;
        }
        String what = label + ": " + ctx.stop(i + 1, stop.siteId()) + " " + verb(m) + " " + Words.kg(m.grams())
                + " of lot " + m.lotId();
        if (!lotKnown) {
            unknown(what + ", which is not a lot of the network");
        }
        if (!parcelKnown) {
            unknown(what + " for parcel " + m.parcelId() + ", which is not a parcel of the plan");
        }
        if (!recipientKnown) {
            unknown(what + " for recipient " + m.recipientId() + ", which is not a recipient of the network");
        }
    }

    private void unknown(String message) {
        ctx.report(ViolationKind.UNKNOWN_REFERENCE, message);
    }

    // ---- rule 13: inside the month; rule 1: trip and driver -------------------------------------------------

    private void checkMonth(Resolved t) {
        long day = ctx.dayIndex(t.trip().date());
        if (day < 0 || day >= ctx.days) {
            ctx.report(ViolationKind.OUTSIDE_MONTH, t.label() + ": the date is not a day of the plan's month "
                    + ctx.firstDay.getYear() + "-" + String.format("%02d", ctx.firstDay.getMonthValue()));
        }
    }

    private void checkAvailability(Resolved t) {
        if (t.driver() == null) {
            return;
        }
        PlannedTrip trip = t.trip();
        Driver driver = t.driver();
        if (!driver.vehicleId().equals(trip.vehicleId())) {
            ctx.report(ViolationKind.DRIVER_AVAILABILITY, t.label() + ": uses vehicle " + vehicleName(trip.vehicleId())
                    + ", but " + driver.name() + "'s vehicle is " + vehicleName(driver.vehicleId()));
        }
        List<String> slotsThatDay = new ArrayList<>();
        for (AvailabilitySlot slot : driver.slots()) {
            if (!slot.date().equals(trip.date())) {
                continue;
            }
            LocalDateTime from = slot.date().atTime(slot.from());
            LocalDateTime to = slot.date().atTime(slot.to());
            if (!trip.start().isBefore(from) && !trip.end().isAfter(to)) {
                return;
            }
            slotsThatDay.add(Words.clock(slot.from()) + "-" + Words.clock(slot.to()));
        }
        ctx.report(ViolationKind.DRIVER_AVAILABILITY, t.label() + ": leaves home at " + ctx.at(trip, trip.start())
                + " and is back at " + ctx.at(trip, trip.end()) + ", outside " + driver.name() + "'s availability on "
                + trip.date() + " (" + (slotsThatDay.isEmpty() ? "not available that day" : String.join(", ", slotsThatDay))
                + ")");
    }

    private String vehicleName(String vehicleId) {
        Vehicle vehicle = ctx.vehicles.get(vehicleId);
        return vehicle == null ? vehicleId : vehicle.name() + " (" + vehicleId + ")";
    }

    private void checkMaxMinutes(Resolved t) {
        if (t.driver() == null) {
            return;
        }
        PlannedTrip trip = t.trip();
        long duration = ctx.ms(trip.end()) - ctx.ms(trip.start());
        long allowed = t.driver().maxMinutesPerDay() * 60_000L;
        if (duration > allowed) {
            ctx.report(ViolationKind.DRIVER_MAX_MINUTES, t.label() + ": lasts " + Words.duration(duration)
                    + " door to door (" + ctx.at(trip, trip.start()) + "-" + ctx.at(trip, trip.end()) + "), but "
                    + t.driver().name() + " drives at most " + Words.duration(allowed) + " a day");
        }
    }

    // ---- rules 2 and 3: driving, service and opening hours -------------------------------------------------

    /** Place indexes home, stop 1, ..., stop n, home; null when the driver or a site is unknown. */
    private int[] route(Resolved t) {
        if (t.driver() == null || !t.allSitesKnown()) {
            return null;
        }
        int n = t.sites().size();
        int[] route = new int[n + 2];
        route[0] = ctx.travel.indexOf(t.driver().homePlaceId());
        for (int i = 0; i < n; i++) {
            route[i + 1] = ctx.travel.indexOf(t.sites().get(i).id());
        }
        route[n + 1] = route[0];
        return route;
    }

    private void checkDriving(Resolved t) {
        int[] route = route(t);
        if (route == null) {
            return;
        }
        PlannedTrip trip = t.trip();
        LocalDateTime left = trip.start();
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = t.stop(i);
            long drive = ctx.travel.millis(route[i], route[i + 1]);
            long earliest = ctx.ms(left) + drive;
            if (ctx.ms(stop.arrival()) < earliest) {
                ctx.report(ViolationKind.TRAVEL_TIME, t.label() + ": arrives at " + ctx.stop(i + 1, stop.siteId())
                        + " at " + ctx.at(trip, stop.arrival()) + ", but cannot be there before "
                        + ctx.at(trip, ctx.time(earliest)) + " (leaves " + leftFrom(t, i - 1) + " at " + ctx.at(trip, left)
                        + ", then " + Words.duration(drive) + " of driving)");
            }
            left = stop.departure();
        }
        int last = trip.stops().size() - 1;
        long drive = ctx.travel.millis(route[route.length - 2], route[route.length - 1]);
        long earliest = ctx.ms(left) + drive;
        if (ctx.ms(trip.end()) < earliest) {
            ctx.report(ViolationKind.TRAVEL_TIME, t.label() + ": is back home at " + ctx.at(trip, trip.end())
                    + ", but cannot be before " + ctx.at(trip, ctx.time(earliest)) + " (leaves " + leftFrom(t, last)
                    + " at " + ctx.at(trip, left) + ", then " + Words.duration(drive) + " of driving)");
        }
    }

    /** "home" before the first stop, else "stop 2 at ...". */
    private String leftFrom(Resolved t, int i) {
        return i < 0 ? "home" : ctx.stop(i + 1, t.stop(i).siteId());
    }

    private void checkServiceTimes(Resolved t) {
        PlannedTrip trip = t.trip();
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = t.stop(i);
            if (stop.serviceStart().isBefore(stop.arrival())) {
                ctx.report(ViolationKind.TRAVEL_TIME, where(t, i) + ": service starts at "
                        + ctx.at(trip, stop.serviceStart()) + ", before the arrival at " + ctx.at(trip, stop.arrival()));
            }
            Site site = t.sites().get(i);
            long handling = site == null ? 0 : site.serviceSeconds() * 1000L;
            long earliest = ctx.ms(stop.serviceStart()) + handling;
            if (ctx.ms(stop.departure()) < earliest) {
                ctx.report(ViolationKind.TRAVEL_TIME, where(t, i) + ": the driver leaves at "
                        + ctx.at(trip, stop.departure()) + ", but service starts at " + ctx.at(trip, stop.serviceStart())
                        + " and takes "
                        + Words.duration(handling) + ", so not before " + ctx.at(trip, ctx.time(earliest)));
            }
        }
    }

    private void checkOpeningHours(Resolved t) {
        PlannedTrip trip = t.trip();
        for (int i = 0; i < trip.stops().size(); i++) {
            Site site = t.sites().get(i);
            if (site == null) {
                continue;
            }
            PlannedStop stop = t.stop(i);
            LocalDate date = stop.serviceStart().toLocalDate();
            Optional<TimeWindow> window = site.openOn(date);
            if (window.isEmpty()) {
                String why = site.closedDates().contains(date) ? "a closed date" : "no opening hours on "
                        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
                ctx.report(ViolationKind.OPENING_HOURS, where(t, i) + " is served on " + Words.dateWithWeekday(date)
                        + ", but the site is closed then (" + why + ")");
                continue;
            }
            LocalDateTime open = date.atTime(window.get().from());
            LocalDateTime close = date.atTime(window.get().to());
            if (stop.serviceStart().isBefore(open)) {
                ctx.report(ViolationKind.OPENING_HOURS, where(t, i) + ": service starts at "
                        + ctx.at(trip, stop.serviceStart()) + ", before the site opens at " + Words.clock(window.get().from()));
            }
            if (stop.departure().isAfter(close)) {
                ctx.report(ViolationKind.OPENING_HOURS, where(t, i) + ": the driver leaves at "
                        + ctx.at(trip, stop.departure()) + ", after the site closes at " + Words.clock(window.get().to())
                        + " on " + date);
            }
        }
    }

    private void checkSameSiteTwice(Resolved t) {
        List<PlannedStop> stops = t.trip().stops();
        for (int i = 1; i < stops.size(); i++) {
            String siteId = stops.get(i).siteId();
            if (siteId != null && siteId.equals(stops.get(i - 1).siteId())) {
                ctx.report(ViolationKind.SAME_SITE_TWICE, t.label() + ": stops " + i + " and " + (i + 1)
                        + " are both at " + ctx.siteName(siteId) + "; they must be one stop");
            }
        }
    }

    // ---- rules 4, 5 and 9: what is on board, stock, recipient storage ---------------------------------------

    private void checkLoads(Resolved t) {
        PlannedTrip trip = t.trip();
        Map<String, Long> onBoard = new LinkedHashMap<>();
        Map<String, Long> onBoardByParcel = new LinkedHashMap<>();
        long[] onBoardByClass = new long[TemperatureClass.values().length];
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = t.stop(i);
            Site site = t.sites().get(i);
            Map<String, long[]> perLot = movementsPerLot(stop);
            long[] unloadedByClass = new long[TemperatureClass.values().length];
            for (Map.Entry<String, long[]> entry : perLot.entrySet()) {
                long unload = entry.getValue()[1];
                if (unload == 0) {
                    continue;
                }
                DonationLot lot = ctx.lots.get(entry.getKey());
                long have = onBoard.getOrDefault(lot.id(), 0L);
                if (unload > have) {
                    ctx.report(ViolationKind.UNLOAD_NOT_ON_BOARD, t.label() + ": " + ctx.stop(i + 1, stop.siteId())
                            + " unloads " + Words.kg(unload) + " of " + Words.lot(lot) + ", but only " + Words.kg(have)
                            + " of it is on board");
                }
                long off = Math.min(have, unload);
                onBoard.put(lot.id(), have - off);
                onBoardByClass[lot.temperature().ordinal()] -= off;
                unloadedByClass[lot.temperature().ordinal()] += unload;
                if (site != null) {
                    ledger.unload(trip, i + 1, site, lot, stop.departure(), off);
                }
            }
            for (Movement m : stop.movements()) {
                if (m.kind() == MovementKind.UNLOAD && ctx.lots.containsKey(m.lotId())) {
                    onBoardByParcel.merge(m.parcelId(), -m.grams(), Long::sum);
                }
            }
            checkPasses(t, i, onBoardByParcel);
            for (Map.Entry<String, long[]> entry : perLot.entrySet()) {
                long load = entry.getValue()[0];
                if (load == 0) {
                    continue;
                }
                DonationLot lot = ctx.lots.get(entry.getKey());
                onBoard.merge(lot.id(), load, Long::sum);
                onBoardByClass[lot.temperature().ordinal()] += load;
                if (site != null) {
                    ledger.load(trip, i + 1, site, lot, stop.serviceStart(), load);
                    if (site.role() == SiteRole.RECIPIENT) {
                        ctx.report(ViolationKind.FOOD_PATH, where(t, i) + " loads " + Words.kg(load) + " of "
                                + Words.lot(lot) + " at a recipient; food unloaded at a recipient is delivered and never"
                                + " leaves it");
                    }
                }
            }
            for (Movement m : stop.movements()) {
                if (m.kind() == MovementKind.LOAD && ctx.lots.containsKey(m.lotId())) {
                    onBoardByParcel.merge(m.parcelId(), m.grams(), Long::sum);
                }
            }
            checkVehicleCapacity(t, i, onBoardByClass);
            if (site != null && site.role() == SiteRole.RECIPIENT) {
                checkRecipientStorage(t, i, site, unloadedByClass);
            }
        }
        checkEmptyAtEnd(t, onBoard);
    }

    /**
     * Grams loaded ([0]), unloaded ([1]) and passing ([2]) per known lot at one stop, in the order the lots
     * first appear.
     */
    private Map<String, long[]> movementsPerLot(PlannedStop stop) {
        Map<String, long[]> perLot = new LinkedHashMap<>();
        for (Movement m : stop.movements()) {
            if (ctx.lots.containsKey(m.lotId())) {
                perLot.computeIfAbsent(m.lotId(), id -> new long[3])[m.kind().ordinal()] += m.grams();
            }
        }
        return perLot;
    }

    /** Rule 3: food that passes a stop (stays on board) must be on board, per parcel, after the stop's unloads. */
    private void checkPasses(Resolved t, int i, Map<String, Long> onBoardByParcel) {
        Map<String, Long> passing = new LinkedHashMap<>();
        Map<String, Movement> first = new LinkedHashMap<>();
        for (Movement m : t.stop(i).movements()) {
            if (m.kind() == MovementKind.PASS && ctx.lots.containsKey(m.lotId())) {
                passing.merge(m.parcelId(), m.grams(), Long::sum);
                first.putIfAbsent(m.parcelId(), m);
            }
        }
        for (Map.Entry<String, Long> entry : passing.entrySet()) {
            long have = Math.max(0, onBoardByParcel.getOrDefault(entry.getKey(), 0L));
            if (entry.getValue() > have) {
                Movement m = first.get(entry.getKey());
                ctx.report(ViolationKind.UNLOAD_NOT_ON_BOARD, where(t, i) + ": " + Words.kg(entry.getValue()) + " of "
                        + Words.lot(ctx.lots.get(m.lotId())) + " for parcel " + entry.getKey()
                        + " passes (stays on board), but only " + Words.kg(have) + " of that parcel is on board");
            }
        }
    }

    private void checkVehicleCapacity(Resolved t, int i, long[] onBoardByClass) {
        Vehicle vehicle = t.vehicle();
        if (vehicle == null) {
            return;
        }
        for (TemperatureClass temperature : TemperatureClass.values()) {
            long carried = onBoardByClass[temperature.ordinal()];
            long capacity = vehicle.capacity().get(temperature);
            if (carried > capacity) {
                String space = Words.vehicleSpace(temperature);
                ctx.report(ViolationKind.VEHICLE_CAPACITY, t.label() + ": after " + ctx.stop(i + 1, t.stop(i).siteId())
                        + " carries " + Words.kg(carried) + " " + temperature.word() + ", "
                        + (capacity == 0 ? "but " + vehicleName(vehicle.id()) + " has no " + space
                        : "but the " + space + " of " + vehicleName(vehicle.id()) + " holds " + Words.kg(capacity)));
            }
        }
    }

    private void checkRecipientStorage(Resolved t, int i, Site site, long[] unloadedByClass) {
        for (TemperatureClass temperature : TemperatureClass.values()) {
            long unloaded = unloadedByClass[temperature.ordinal()];
            long capacity = site.storageCapacity().get(temperature);
            if (unloaded > capacity) {
                String space = Words.storageSpace(temperature);
                ctx.report(ViolationKind.RECIPIENT_STORAGE, t.label() + ": " + ctx.stop(i + 1, site.id()) + " unloads "
                        + Words.kg(unloaded) + " " + temperature.word() + " food, "
                        + (capacity == 0 ? "but the recipient has no " + space
                        : "but its " + Words.storageSpaceHolds(temperature) + " " + Words.kg(capacity)));
            }
        }
    }

    private void checkEmptyAtEnd(Resolved t, Map<String, Long> onBoard) {
        List<String> left = new ArrayList<>();
        for (Map.Entry<String, Long> entry : onBoard.entrySet()) {
            if (entry.getValue() > 0) {
                left.add(Words.kg(entry.getValue()) + " of " + Words.lot(ctx.lots.get(entry.getKey())));
            }
        }
        if (!left.isEmpty()) {
            ctx.report(ViolationKind.NOT_EMPTY_AT_END, t.label() + ": ends with " + String.join(", ", left)
                    + " still on board");
        }
    }

    // ---- rules 6 and 7: what is delivered where and when ---------------------------------------------------

    private void checkDeliveries(Resolved t) {
        PlannedTrip trip = t.trip();
        for (int i = 0; i < trip.stops().size(); i++) {
            PlannedStop stop = t.stop(i);
            Site site = t.sites().get(i);
            for (Movement m : stop.movements()) {
                DonationLot lot = ctx.lots.get(m.lotId());
                Allocation parcel = ctx.parcels.get(m.parcelId());
                checkConsistency(t, i, m, lot, parcel);
                if (m.kind() == MovementKind.LOAD && site != null && site.role() == SiteRole.RECIPIENT) {
                    totals.deliver(site.id(), m.parcelId(), -m.grams()); // taken away again (rule 10)
                }
                if (m.kind() != MovementKind.UNLOAD || site == null) {
                    continue;
                }
                if (site.role() == SiteRole.DONOR) {
                    ctx.report(ViolationKind.WRONG_RECIPIENT, where(t, i) + " unloads " + Words.kg(m.grams()) + " of "
                            + lotText(m, lot) + " at a donor");
                } else if (site.role() == SiteRole.RECIPIENT) {
                    totals.deliver(site.id(), m.parcelId(), m.grams());
                    checkRecipient(t, i, site, m, lot, parcel);
                    checkUseBy(t, i, m, lot);
                    checkServingDay(t, i, site, m, lot, parcel);
                }
            }
        }
    }

    private void checkConsistency(Resolved t, int i, Movement m, DonationLot lot, Allocation parcel) {
        if (lot != null && m.temperature() != lot.temperature()) {
            ctx.report(ViolationKind.INCONSISTENT_MOVEMENT, what(t, i, m, lot) + " as " + m.temperature().word()
                    + " food, but the lot is " + lot.temperature().word());
        }
        if (parcel != null && !m.lotId().equals(parcel.lotId())) {
            ctx.report(ViolationKind.INCONSISTENT_MOVEMENT, what(t, i, m, lot) + " for parcel " + parcel.parcelId()
                    + ", but that parcel is part of lot " + parcel.lotId());
        }
        if (parcel != null && m.recipientId() != null && !m.recipientId().equals(parcel.recipientId())) {
            ctx.report(ViolationKind.INCONSISTENT_MOVEMENT, what(t, i, m, lot) + " for " + recipientName(m.recipientId())
                    + ", but its parcel " + parcel.parcelId() + " is for " + recipientName(parcel.recipientId()));
        }
    }

    private void checkRecipient(Resolved t, int i, Site site, Movement m, DonationLot lot, Allocation parcel) {
        List<String> meantFor = new ArrayList<>();
        if (m.recipientId() != null && !m.recipientId().equals(site.id())) {
            meantFor.add("the food is for " + recipientName(m.recipientId()));
        }
        if (parcel != null && !site.id().equals(parcel.recipientId())
                && !Objects.equals(parcel.recipientId(), m.recipientId())) {
            meantFor.add("parcel " + parcel.parcelId() + " is for " + recipientName(parcel.recipientId()));
        }
        if (lot != null && lot.earmarkedFor() != null && !lot.earmarkedFor().equals(site.id())) {
            meantFor.add("the lot is earmarked for " + recipientName(lot.earmarkedFor()));
        }
        if (!meantFor.isEmpty()) {
            ctx.report(ViolationKind.WRONG_RECIPIENT, what(t, i, m, lot) + " there, but " + String.join(" and ", meantFor));
        }
    }

    private void checkUseBy(Resolved t, int i, Movement m, DonationLot lot) {
        if (lot == null) {
            return;
        }
        LocalDate lastDay = ctx.network.settings().lastDeliveryDay(lot);
        LocalDate delivered = t.stop(i).departure().toLocalDate();
        if (delivered.isAfter(lastDay)) {
            String expiry = lot.expiryKind() == ExpiryKind.USE_BY
                    ? "use-by date (消費期限) " + lot.expiryDate()
                    : "best-before date (賞味期限) " + lot.expiryDate() + " + "
                    + ctx.network.settings().bestBeforeGraceDays() + " grace days";
            ctx.report(ViolationKind.USE_BY, where(t, i) + " delivers " + Words.kg(m.grams()) + " of " + Words.lot(lot)
                    + " on " + delivered + ", after its last delivery day " + lastDay + " (" + expiry + ")");
        }
    }

    private void checkServingDay(Resolved t, int i, Site site, Movement m, DonationLot lot, Allocation parcel) {
        if (parcel == null || parcel.servingDay() == null || !site.id().equals(parcel.recipientId())) {
            return;
        }
        PlannedStop stop = t.stop(i);
        LocalDateTime endOfDay = parcel.servingDay().plusDays(1).atStartOfDay();
        if (stop.departure().isAfter(endOfDay)) {
            ctx.report(ViolationKind.SERVING_DAY, where(t, i) + " delivers " + Words.kg(m.grams()) + " of " + lotText(m, lot)
                    + " for parcel " + parcel.parcelId() + " at " + ctx.at(t.trip(), stop.departure())
                    + ", after its serving day " + parcel.servingDay() + " has ended");
        }
    }

    /** "Trip t-1 of 佐藤 花子 on 2026-12-01: stop 2 at ロジ拠点 鳥取 (hub-tottori)". */
    private String where(Resolved t, int i) {
        return t.label() + ": " + ctx.stop(i + 1, t.stop(i).siteId());
    }

    /** "... stop 2 at ... unloads 10 kg of lot L-milk (milk, chilled)". */
    private String what(Resolved t, int i, Movement m, DonationLot lot) {
        return where(t, i) + " " + verb(m) + " " + Words.kg(m.grams()) + " of " + lotText(m, lot);
    }

    private String lotText(Movement m, DonationLot lot) {
        return lot != null ? Words.lot(lot) : "lot " + m.lotId();
    }

    private String recipientName(String siteId) {
        Site site = ctx.sites.get(siteId);
        return site != null ? Words.site(site) : String.valueOf(siteId);
    }

    private static String verb(Movement m) {
        return switch (m.kind()) {
            case LOAD -> "loads";
            case UNLOAD -> "unloads";
            case PASS -> "keeps on board (passes)";
        };
    }

    // ---- totals --------------------------------------------------------------------------------------------

    private void addRouteToTotals(Resolved t) {
        int[] route = route(t);
        long millis = 0;
        double km = 0;
        if (route != null) {
            for (int i = 0; i + 1 < route.length; i++) {
                millis += ctx.travel.millis(route[i], route[i + 1]);
                km += ctx.travel.km(route[i], route[i + 1]);
            }
        }
        totals.addTrip(!t.trip().stops().isEmpty(), millis, km);
    }
}

