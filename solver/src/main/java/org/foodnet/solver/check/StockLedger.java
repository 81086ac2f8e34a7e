package org.foodnet.solver.check;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Where every lot is, over the whole plan: rule 5 (stock and precedence, and no loading at the hub or a depot
 * after the end of the lot's last delivery day, when that food has been discarded) and rule 8 (storage at the
 * hub and depots). Trips report their loads and unloads here; {@link #check()} then sorts all events once and walks
 * them in time order, keeping one balance per (site, lot).
 *
 * <p>Stock: a lot is at its {@code siteId} from {@code availableFrom} 00:00, arrives at a site at the
 * departure of an unloading stop and leaves at the service start of a loading stop. At the same instant,
 * arrivals come before departures (food unloaded at 10:00 can be loaded at 10:00).
 *
 * <p>Storage: {@code level(day) = stock at 00:00 + grams unloaded that day}. Food counts at the midnights
 * after it arrived (lots in stock from {@code availableFrom} 00:00 on, so from day 1 for earlier stock) up to
 * and including the midnight that starts its lot's last delivery day, and not at the midnights after it was
 * loaded out (food loaded at exactly 00:00 still counts at that midnight). The balance at the midnights is
 * spread with a difference array per (site, class), so the walk stays linear in the number of events.
 */
final class StockLedger {

    private static final int AVAILABLE = 0;
    private static final int UNLOAD = 1;
    private static final int LOAD = 2;

    private record Key(String siteId, String lotId) {
    }

    /** A load, unload or the lot's initial stock; trip is null for initial stock. */
    private record Event(long ms, int type, Site site, DonationLot lot, long grams, PlannedTrip trip, int stopNumber,
                         LocalDateTime at) {
    }

    /** The grams of one lot at one site, and since which midnight that amount counts for storage. */
    private static final class Balance {
        final int row;
        final long lastCountedDay;
        /** Day index of the lot's last delivery day. */
        final long lastDeliveryDay;
        long grams;
        long countsFrom = Long.MIN_VALUE;

        Balance(int row, long lastCountedDay) {
            this.row = row;
            this.lastCountedDay = lastCountedDay;
            this.lastDeliveryDay = lastCountedDay;
        }
    }

    private final CheckContext ctx;
    private final List<Event> events = new ArrayList<>();
    /** Hub and depots by site id, to their index in {@link #storingSites}. */
    private final Map<String, Integer> storingIndex = new HashMap<>();
    private final List<Site> storingSites = new ArrayList<>();
    /** Row {@code site * 3 + class}: the change of the midnight stock at each day (length days + 1). */
    private final long[][] midnightDelta;
    /** Row {@code site * 3 + class}: grams unloaded on each day of the month. */
    private final long[][] unloadedOnDay;

    StockLedger(CheckContext ctx) {
        this.ctx = ctx;
        for (Site site : ctx.network.sites()) {
            if (site.role().stores()) {
                storingIndex.put(site.id(), storingSites.size());
                storingSites.add(site);
            }
        }
        int rows = storingSites.size() * TemperatureClass.values().length;
        midnightDelta = new long[rows][ctx.days + 1];
        unloadedOnDay = new long[rows][ctx.days];
        for (DonationLot lot : ctx.network.lots()) {
            Site site = ctx.sites.get(lot.siteId());
            LocalDateTime from = lot.availableFrom().atStartOfDay();
            events.add(new Event(ctx.ms(from), AVAILABLE, site, lot, lot.grams(), null, 0, from));
        }
    }

    /** Food taken off a vehicle: at the site from the stop's departure. */
    void unload(PlannedTrip trip, int stopNumber, Site site, DonationLot lot, LocalDateTime departure, long grams) {
        if (grams > 0) {
            events.add(new Event(ctx.ms(departure), UNLOAD, site, lot, grams, trip, stopNumber, departure));
        }
    }

    /** Food put on a vehicle: gone from the site from the stop's service start. */
    void load(PlannedTrip trip, int stopNumber, Site site, DonationLot lot, LocalDateTime serviceStart, long grams) {
        events.add(new Event(ctx.ms(serviceStart), LOAD, site, lot, grams, trip, stopNumber, serviceStart));
    }

    /** Walks all events in time order, reporting STOCK, then the storage levels (STORAGE_CAPACITY). */
    void check() {
        events.sort(Comparator.comparingLong(Event::ms).thenComparingInt(Event::type));
        Map<Key, Balance> balances = new HashMap<>();
        for (Event event : events) {
            Balance balance = balances.computeIfAbsent(new Key(event.site().id(), event.lot().id()),
                    key -> newBalance(event.site(), event.lot()));
            long countsFrom = firstCountedMidnight(event);
            countAtMidnights(balance, countsFrom);
            balance.countsFrom = countsFrom;
            if (event.type() == LOAD) {
                takeOut(event, balance);
            } else {
                balance.grams += event.grams();
                if (event.type() == UNLOAD) {
                    countUnloaded(event, balance);
                }
            }
        }
        for (Balance balance : balances.values()) {
            countAtMidnights(balance, ctx.days);
        }
        checkStorageLevels();
    }

    private Balance newBalance(Site site, DonationLot lot) {
        Integer index = storingIndex.get(site.id());
        int row = index == null ? -1 : index * 3 + lot.temperature().ordinal();
        return new Balance(row, ctx.dayIndex(ctx.network.settings().lastDeliveryDay(lot)));
    }

    /** The first midnight (day index) at which the balance after this event counts as stock at 00:00. */
    private static long firstCountedMidnight(Event event) {
        return event.type() == AVAILABLE
                ? Math.floorDiv(event.ms(), CheckContext.DAY_MS)
                : Math.floorDiv(event.ms(), CheckContext.DAY_MS) + 1;
    }

    /** Rule 5: the lot must be there in that amount when the loading stop starts service. */
    private void takeOut(Event event, Balance balance) {
        if (event.site().role().stores() && Math.floorDiv(event.ms(), CheckContext.DAY_MS) > balance.lastDeliveryDay) {
            // hub and depot stock is discarded at the end of its last delivery day (rule 8)
            ctx.report(ViolationKind.STOCK, ctx.trip(event.trip()) + ": " + ctx.stop(event.stopNumber(), event.site().id())
                    + " loads " + Words.kg(event.grams()) + " of " + Words.lot(event.lot()) + " at "
                    + ctx.at(event.trip(), event.at()) + ", but food of that lot kept there is discarded at the end of its"
                    + " last delivery day " + ctx.network.settings().lastDeliveryDay(event.lot()));
            balance.grams = Math.max(0, balance.grams - event.grams());
            return;
        }
        if (balance.grams < event.grams()) {
            DonationLot lot = event.lot();
            String hint = "";
            if (lot.siteId().equals(event.site().id()) && event.at().isBefore(lot.availableFrom().atStartOfDay())) {
                hint = " (the lot is available there from " + lot.availableFrom() + ")";
            }
            ctx.report(ViolationKind.STOCK, ctx.trip(event.trip()) + ": " + ctx.stop(event.stopNumber(), event.site().id())
                    + " loads " + Words.kg(event.grams()) + " of " + Words.lot(lot) + " at " + ctx.at(event.trip(), event.at())
                    + ", but only " + Words.kg(balance.grams) + " of it is there then" + hint);
        }
        balance.grams = Math.max(0, balance.grams - event.grams());
    }

    /** Adds the balance to the midnights from its last event up to (excluding) {@code until}, as storage. */
    private void countAtMidnights(Balance balance, long until) {
        if (balance.row < 0 || balance.grams == 0) {
            return;
        }
        long from = Math.max(balance.countsFrom, 0);
        long to = Math.min(Math.min(until, ctx.days), balance.lastCountedDay + 1);
        if (from < to) {
            midnightDelta[balance.row][(int) from] += balance.grams;
            midnightDelta[balance.row][(int) to] -= balance.grams;
        }
    }

    private void countUnloaded(Event event, Balance balance) {
        long day = Math.floorDiv(event.ms(), CheckContext.DAY_MS);
        if (balance.row >= 0 && day >= 0 && day < ctx.days) {
            unloadedOnDay[balance.row][(int) day] += event.grams();
        }
    }

    /** Rule 8: stock at 00:00 plus the day's unloads fits the storage of each class, every day. */
    private void checkStorageLevels() {
        for (int s = 0; s < storingSites.size(); s++) {
            Site site = storingSites.get(s);
            for (TemperatureClass temperature : TemperatureClass.values()) {
                int row = s * 3 + temperature.ordinal();
                long capacity = site.storageCapacity().get(temperature);
                long atMidnight = 0;
                for (int day = 0; day < ctx.days; day++) {
                    atMidnight += midnightDelta[row][day];
                    long level = atMidnight + unloadedOnDay[row][day];
                    if (level > capacity) {
                        reportStorage(site, temperature, day, atMidnight, unloadedOnDay[row][day], capacity);
                    }
                }
            }
        }
    }

    private void reportStorage(Site site, TemperatureClass temperature, int day, long atMidnight, long unloaded,
                               long capacity) {
        String space = Words.storageSpace(temperature);
        ctx.report(ViolationKind.STORAGE_CAPACITY, Words.site(site) + " on " + ctx.day(day) + ": "
                + Words.kg(atMidnight + unloaded) + " " + temperature.word() + " food to store ("
                + Words.kg(atMidnight) + " in stock at 00:00 + " + Words.kg(unloaded) + " unloaded that day), "
                + (capacity == 0 ? "but it has no " + space
                : "but its " + Words.storageSpaceHolds(temperature) + " " + Words.kg(capacity)));
    }
}
