package org.foodnet.solver.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.allocation.Allocator;
import org.foodnet.solver.allocation.FoodPaths;
import org.foodnet.solver.allocation.Share;
import org.foodnet.solver.constraint.FoodnetWeights;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.Travel;

/**
 * Turns a {@link Network} into the solver's {@link MonthPlan}: shares the food into parcels, lays out
 * each parcel's legs along its food path, makes a trip per volunteer availability slot, and counts the
 * storage that is taken whatever the plan does. Every visit starts unassigned.
 */
public final class MonthPlanBuilder {

    private MonthPlanBuilder() {
    }

    public static MonthPlan build(Network network, FoodnetWeights weights) {
        return build(network, weights, null);
    }

    /** With a previous plan: each hop remembers the trip that carried the same food there before. */
    public static MonthPlan build(Network network, FoodnetWeights weights, Plan previousPlan) {
        return build(network, weights, previousPlan, java.util.Set.of());
    }

    /** With the {@code uncounted} shares (see {@link Allocator#Allocator(Network, FoodPaths, java.util.Set)}). */
    public static MonthPlan build(Network network, FoodnetWeights weights, Plan previousPlan, java.util.Set<String> uncounted) {
        Travel travel = Travel.of(network);
        PlanningContext ctx = new PlanningContext(network, travel);
        FoodPaths paths = new FoodPaths(network, travel);
        List<Share> shares = new Allocator(network, paths, uncounted,
                previousPlan == null ? List.of() : previousPlan.allocations()).allocate();
        PlanningSettings settings = network.settings();
        int days = ctx.days();

        List<Site> sites = network.sites();
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(sites.get(i).id(), i);
        }
        List<Site> storing = sites.stream().filter(s -> s.role().stores()).toList();
        Map<String, Integer> storageIndex = new HashMap<>();
        for (int i = 0; i < storing.size(); i++) {
            storageIndex.put(storing.get(i).id(), i);
        }

        List<Parcel> parcels = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        Map<String, Long> allocatedByLot = new HashMap<>();
        int parcelNo = 0;
        for (Share share : splitToFit(shares)) {
            List<Site> path = paths.path(share.lot(), share.recipient()).orElseThrow();
            DonationLot lot = share.lot();
            int firstDay = Math.max(0, ctx.dayIndex(lot.availableFrom()));
            int lastDay = ctx.dayIndex(settings.lastDeliveryDay(lot));
            int discardDay = Math.min(days - 1, lastDay);
            Parcel parcel = new Parcel(String.format("parcel-%04d", ++parcelNo), lot, share.recipient(),
                    siteIndex.get(share.recipient().id()), share.servingDay(), share.grams(), urgency(lot, firstDay, lastDay));
            parcels.add(parcel);
            allocatedByLot.merge(lot.id(), share.grams(), Long::sum);
            Leg previous = null;
            for (int hop = 0; hop + 1 < path.size(); hop++) {
                Site from = path.get(hop);
                Site to = path.get(hop + 1);
                boolean first = hop == 0;
                boolean last = hop + 2 == path.size();
                Leg leg = new Leg(legs.size(), parcel, from, to, siteIndex.get(from.id()), siteIndex.get(to.id()),
                        storageIndex.getOrDefault(from.id(), -1), storageIndex.getOrDefault(to.id(), -1),
                        first ? firstDay * PlanningContext.DAY : 0L,
                        first && from.role().stores() ? firstDay : -1,
                        last ? (lastDay + 1L) * PlanningContext.DAY : Long.MAX_VALUE,
                        last ? (ctx.dayIndex(share.servingDay()) + 1L) * PlanningContext.DAY : Long.MAX_VALUE,
                        discardDay);
                leg.link(previous);
                String base = parcel.getId() + "/" + (hop + 1);
                Visit pickup = new Visit(base + "-load", leg, true, from, leg.getFromPlace(), from.serviceSeconds() * 1000L);
                Visit drop = new Visit(base + "-unload", leg, false, to, leg.getToPlace(), to.serviceSeconds() * 1000L);
                leg.attach(pickup, drop);
                pickup.setNumber(visits.size());
                drop.setNumber(visits.size() + 1);
                parcel.getLegs().add(leg);
                legs.add(leg);
                visits.add(pickup);
                visits.add(drop);
                previous = leg;
            }
        }

        if (previousPlan != null) {
            rememberPreviousTrips(previousPlan, legs);
            ctx.setPreviousPlan(previousPlan);
        }
        List<StorageDay> storageDays = storageDays(network, ctx, storing, allocatedByLot);
        List<RecipientDemand> demands = demands(network, siteIndex, parcels);

        List<Trip> trips = trips(network, ctx, travel);
        for (Parcel parcel : parcels) {
            Trip bucket = Trip.bucket(ctx, parcel.getId());
            parcel.setBucket(bucket);
            trips.add(bucket);
        }
        return new MonthPlan(ctx, trips, visits, legs, parcels, storageDays, demands, weights);
    }

    /**
     * Need and allocated grams per recipient and temperature class: every class a recipient needs, and every
     * class it has parcels of (an earmarked lot) even without a need.
     */
    public static List<RecipientDemand> demands(Network network, Map<String, Integer> siteIndex, List<Parcel> parcels) {
        Map<String, Long> allocated = new HashMap<>();
        for (Parcel p : parcels) {
            allocated.merge(p.getRecipient().id() + "|" + p.getLot().temperature(), p.getGrams(), Long::sum);
        }
        Map<String, Long> needs = new HashMap<>();
        for (RecipientNeed need : network.needs()) {
            for (TemperatureClass c : TemperatureClass.values()) {
                needs.merge(need.recipientId() + "|" + c, need.monthlyNeed().get(c), Long::sum);
            }
        }
        List<RecipientDemand> demands = new ArrayList<>();
        for (Site r : network.sites()) {
            if (r.role() != SiteRole.RECIPIENT) {
                continue;
            }
            for (TemperatureClass c : TemperatureClass.values()) {
                String key = r.id() + "|" + c;
                long need = needs.getOrDefault(key, 0L);
                long given = allocated.getOrDefault(key, 0L);
                if (need > 0 || given > 0) {
                    demands.add(new RecipientDemand(siteIndex.get(r.id()), r, c, need, given));
                }
            }
        }
        return demands;
    }

    /**
     * For each hop, the trip of the previous plan that loaded the same lot at the same site for the same
     * recipient (parcels are cut afresh, so they are matched by what they carry, not by id).
     */
    static void rememberPreviousTrips(Plan previous, List<Leg> legs) {
        Map<String, java.util.ArrayDeque<String>> tripsByKey = new HashMap<>();
        for (PlannedTrip trip : previous.trips()) {
            for (PlannedStop stop : trip.stops()) {
                for (Movement m : stop.movements()) {
                    if (m.kind() == MovementKind.LOAD || m.kind() == MovementKind.PASS) { // PASS: loaded on again
                        tripsByKey.computeIfAbsent(m.lotId() + "|" + stop.siteId() + "|" + m.recipientId(),
                                k -> new java.util.ArrayDeque<>()).add(trip.id());
                    }
                }
            }
        }
        for (Leg leg : legs) {
            var trips = tripsByKey.get(leg.getParcel().getLot().id() + "|" + leg.getFrom().id() + "|"
                    + leg.getParcel().getRecipient().id());
            if (trips != null && !trips.isEmpty()) {
                leg.setPreviousTripId(trips.size() > 1 ? trips.poll() : trips.peek());
            }
        }
    }

    /**
     * Parcels small enough for one delivery: at most a portion, and what the recipient can store of that
     * class at once (a share larger than that needs several deliveries).
     */
    static List<Share> splitToFit(List<Share> shares) {
        List<Share> result = new ArrayList<>(shares.size());
        for (Share share : shares) {
            long room = share.recipient().storageCapacity().get(share.lot().temperature());
            // an earmarked lot stays whole when the recipient can take it at once (a donor's gift, a
            // benchmark's pickup-delivery pair); shared food travels in portions
            long portion = share.lot().earmarkedFor() != null ? Long.MAX_VALUE : Allocator.PORTION_GRAMS;
            long max = Math.max(1000, Math.min(portion, room > 0 ? room : portion));
            int pieces = (int) Math.min(Integer.MAX_VALUE, (share.grams() + max - 1) / max);
            if (pieces <= 1) {
                result.add(share);
                continue;
            }
            long each = share.grams() / pieces;
            long rest = share.grams() - each * pieces;
            for (int i = 0; i < pieces; i++) {
                result.add(new Share(share.lot(), share.recipient(), share.servingDay(), each + (i < rest ? 1 : 0)));
            }
        }
        return result;
    }

    /** 1 for food that keeps; more for chilled food and for food that must go within a week. */
    static int urgency(DonationLot lot, int firstDay, int lastDay) {
        int u = 1;
        if (lot.temperature() == TemperatureClass.CHILLED) {
            u++;
        }
        if (lastDay - firstDay <= 7) {
            u++;
        }
        return u;
    }

    /** Room per storing site, class and day once the stock no parcel takes is counted. */
    static List<StorageDay> storageDays(Network network, PlanningContext ctx, List<Site> storing,
                                                Map<String, Long> allocatedByLot) {
        int days = ctx.days();
        long[][][] fixed = new long[storing.size()][3][days];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < storing.size(); i++) {
            index.put(storing.get(i).id(), i);
        }
        for (DonationLot lot : network.lots()) {
            Integer s = index.get(lot.siteId());
            if (s == null) {
                continue;
            }
            long unallocated = lot.grams() - allocatedByLot.getOrDefault(lot.id(), 0L);
            int from = Math.max(0, ctx.dayIndex(lot.availableFrom()));
            int to = Math.min(days - 1, ctx.dayIndex(network.settings().lastDeliveryDay(lot)));
            for (int d = from; d <= to; d++) {
                fixed[s][lot.temperature().ordinal()][d] += unallocated;
            }
        }
        List<StorageDay> result = new ArrayList<>();
        for (int s = 0; s < storing.size(); s++) {
            Site site = storing.get(s);
            for (TemperatureClass c : TemperatureClass.values()) {
                for (int d = 0; d < days; d++) {
                    result.add(new StorageDay(StorageDay.key(s, c.ordinal(), d), site, c, d, ctx.firstDay().plusDays(d),
                            site.storageCapacity().get(c), fixed[s][c.ordinal()][d]));
                }
            }
        }
        return result;
    }

    private static List<Trip> trips(Network network, PlanningContext ctx, Travel travel) {
        Map<String, Vehicle> vehicles = network.vehiclesById();
        List<Trip> trips = new ArrayList<>();
        Map<Driver, List<long[]>> windows = slotWindows(network, ctx);
        for (Driver driver : network.drivers()) {
            int home = travel.indexOf(driver.homePlaceId());
            for (long[] w : windows.get(driver)) {
                LocalDate date = ctx.firstDay().plusDays(w[0]);
                // the id names the slot as the volunteer gave it (also when a shared vehicle made it start later)
                java.time.LocalTime from = java.time.LocalTime.ofSecondOfDay((w[3] - ctx.millisAt(date)) / 1000L);
                trips.add(new Trip(ctx, driver.id() + "@" + date + "T" + from, driver,
                        vehicles.get(driver.vehicleId()), (int) w[0], date, w[1], w[2],
                        home, driver.maxMinutesPerDay() * PlanningContext.MINUTE));
            }
        }
        return trips;
    }

    /**
     * Per driver, the windows {@code [day index, start ms, end ms, slot start ms]} of its slots inside the month. Rule 12 (one
     * driver per vehicle at a time): when drivers share a vehicle, a slot that overlaps a slot of another
     * driver of that vehicle (taken in order of start, then driver order) starts when that one ends, or is
     * dropped when nothing is left; a trip lies inside its window (it leaves home at the window's start at the
     * earliest and must be back by its end), so trips of one vehicle never overlap.
     */
    static Map<Driver, List<long[]>> slotWindows(Network network, PlanningContext ctx) {
        Map<Driver, List<long[]>> windows = new java.util.LinkedHashMap<>();
        Map<String, List<Object[]>> byVehicle = new java.util.LinkedHashMap<>();
        for (Driver driver : network.drivers()) {
            List<long[]> list = new ArrayList<>();
            windows.put(driver, list);
            for (AvailabilitySlot slot : driver.slots()) {
                LocalDate date = slot.date();
                if (date.isBefore(ctx.firstDay()) || date.isAfter(network.settings().lastDay())) {
                    continue;
                }
                long dayStart = ctx.millisAt(date);
                long[] w = {ctx.dayIndex(date), dayStart + slot.from().toSecondOfDay() * 1000L,
                        dayStart + slot.to().toSecondOfDay() * 1000L, dayStart + slot.from().toSecondOfDay() * 1000L};
                list.add(w);
                byVehicle.computeIfAbsent(driver.vehicleId(), k -> new ArrayList<>()).add(new Object[] {driver, w});
            }
        }
        for (List<Object[]> shared : byVehicle.values()) {
            if (shared.stream().map(o -> o[0]).distinct().count() < 2) {
                continue;
            }
            shared.sort(java.util.Comparator.comparingLong((Object[] o) -> ((long[]) o[1])[1]));
            List<Object[]> kept = new ArrayList<>();
            for (Object[] o : shared) {
                long[] w = (long[]) o[1];
                for (Object[] k : kept) {
                    long[] other = (long[]) k[1];
                    if (k[0] != o[0] && w[1] < other[2] && other[1] < w[2]) {
                        w[1] = Math.max(w[1], other[2]);
                    }
                }
                if (w[1] < w[2]) {
                    kept.add(o);
                } else {
                    windows.get((Driver) o[0]).remove(w);
                }
            }
        }
        return windows;
    }

    /** Storing sites (hub and depots) in the order their storage indexes use. */
    public static List<Site> storingSites(Network network) {
        return network.sites().stream().filter(s -> s.role() == SiteRole.HUB || s.role() == SiteRole.DEPOT).toList();
    }
}
