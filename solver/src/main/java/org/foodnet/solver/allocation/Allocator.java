package org.foodnet.solver.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * Shares the month's donations across recipients: oldest (soonest to expire) lots first, each portion to
 * the recipient whose need of that temperature class is least covered so far, for its first serving day
 * the food can reach in time and on which it is still good. Earmarked lots go whole to their recipient.
 *
 * <p>A lot needs a day per hop before it can reach a recipient (picked up, then sent on), so a serving day
 * is eligible when it lies between the lot's first day + hops - 1 and its last delivery day.
 */
public final class Allocator {

    /** Portion size: small enough to share fairly, large enough not to shred lots into crumbs. */
    public static final long PORTION_GRAMS = 10_000;
    /** Surplus food (no one's need left that it can reach) goes out up to this share of a recipient's need. */
    static final double SURPLUS_RATIO = 1.5;

    private final Network network;
    private final FoodPaths paths;

    public Allocator(Network network, FoodPaths paths) {
        this.network = network;
        this.paths = paths;
    }

    /** A serving day of one recipient. */
    private record Slot(LocalDate day, long need) {
    }

    /** A recipient's need of one class, split over its serving days. */
    private static final class Demand {
        final Site recipient;
        final int order;
        final long need;
        long allocated;
        final List<Slot> slots = new ArrayList<>();

        Demand(Site recipient, int order, long need) {
            this.recipient = recipient;
            this.order = order;
            this.need = need;
        }

        double ratio() {
            return need == 0 ? Double.MAX_VALUE : (double) allocated / need;
        }

        Rank rank() {
            return new Rank(ratio(), order);
        }
    }

    public List<Share> allocate() {
        prepareDrivingDays();
        PlanningSettings settings = network.settings();
        Map<String, Site> sites = network.sitesById();
        Map<TemperatureClass, List<Demand>> demands = new HashMap<>();
        Map<String, RecipientNeed> needByRecipient = new HashMap<>();
        int order = 0;
        for (RecipientNeed need : network.needs()) {
            needByRecipient.put(need.recipientId(), need);
            Site r = sites.get(need.recipientId());
            List<LocalDate> days = need.servingDays().stream()
                    .filter(d -> !d.isBefore(settings.firstDay()) && !d.isAfter(settings.lastDay())).toList();
            for (TemperatureClass c : TemperatureClass.values()) {
                long grams = need.monthlyNeed().get(c);
                if (grams <= 0 || days.isEmpty()) {
                    continue;
                }
                Demand d = new Demand(r, order, grams);
                for (LocalDate day : days) {
                    d.slots.add(new Slot(day, grams));
                }
                demands.computeIfAbsent(c, k -> new ArrayList<>()).add(d);
            }
            order++;
        }

        List<DonationLot> lots = new ArrayList<>(network.lots());
        Map<String, Share> shares = new LinkedHashMap<>();
        Map<String, Long> left = new HashMap<>();
        Map<TemperatureClass, Long> usable = new HashMap<>();
        for (DonationLot lot : lots) {
            if (window(lot) == null) {
                continue;
            }
            if (lot.earmarkedFor() != null) {
                LocalDate[] w = window(lot);
                allocateEarmarked(lot, sites.get(lot.earmarkedFor()), needByRecipient, w[0], w[1], demands, shares);
                continue;
            }
            left.put(lot.id(), lot.grams());
            usable.merge(lot.temperature(), lot.grams(), Long::sum);
        }
        // Soonest-expiring food first, to the least covered recipient that can use it.
        lots.sort(Comparator.comparing((DonationLot l) -> settings.lastDeliveryDay(l))
                .thenComparing(DonationLot::availableFrom).thenComparing(DonationLot::id));
        shareOut(lots, demands, left, shares, 1.0);
        rebalance(demands, shares);
        // Food nobody needs any more within the month would be thrown away: rather give it (least covered
        // first) to recipients that can still use it, up to half again their need.
        shareOut(lots, demands, left, shares, SURPLUS_RATIO);
        return new ArrayList<>(shares.values());
    }

    /**
     * Recipients whose serving days leave them few chances (one early serving day) can end up well below
     * the others. Moves portions from the best-covered recipients to the least-covered one while the food
     * can reach it in time, until the least-covered cannot gain any more.
     */
    private void rebalance(Map<TemperatureClass, List<Demand>> demands, Map<String, Share> shares) {
        // keyed by site id, in a fixed order: a Site is a record whose equals/hashCode walk its opening hours
        // (far too slow at x100), and ties between equally covered recipients must break the same way every run
        Map<String, long[]> totals = new java.util.LinkedHashMap<>();
        Map<String, Site> recipients = new HashMap<>();
        Map<TemperatureClass, Map<String, Demand>> demandIndex = new java.util.EnumMap<>(TemperatureClass.class);
        for (TemperatureClass c : TemperatureClass.values()) {
            for (Demand d : demands.getOrDefault(c, List.of())) {
                long[] t = totals.computeIfAbsent(d.recipient.id(), k -> new long[2]);
                t[0] += d.allocated;
                t[1] += d.need;
                recipients.putIfAbsent(d.recipient.id(), d.recipient);
                demandIndex.computeIfAbsent(c, k -> new HashMap<>()).putIfAbsent(d.recipient.id(), d);
            }
        }
        java.util.Set<String> stuck = new java.util.HashSet<>();
        // the keys of each recipient's shares, in the order of the shares map (a share may be gone since)
        Map<String, List<String>> shareKeys = new HashMap<>();
        for (var e : shares.entrySet()) {
            shareKeys.computeIfAbsent(e.getValue().recipient().id(), k -> new ArrayList<>()).add(e.getKey());
        }
        // the recipients with their totals as arrays (the map's order), walked every round
        List<Map.Entry<String, long[]>> covers = new ArrayList<>(totals.entrySet());
        List<Map.Entry<String, long[]>> richestFirst = new ArrayList<>(covers);
        for (int round = 0; round < 10_000; round++) {
            String poor = null;
            double poorRatio = 0;
            for (Map.Entry<String, long[]> e : covers) {
                long[] t = e.getValue();
                if (t[1] > 0 && (poor == null || ratio(t) < poorRatio) && !stuck.contains(e.getKey())) {
                    poor = e.getKey();
                    poorRatio = ratio(t);
                }
            }
            if (poor == null) {
                return;
            }
            long[] p = totals.get(poor);
            Share from = null;
            Slot fromSlot = null;
            Demand into = null;
            // the best-covered recipient first: its first share whose food can still reach the poor one in time
            richestFirst.sort(Comparator.comparingDouble((Map.Entry<String, long[]> e) -> -ratio(e.getValue())));
            for (Map.Entry<String, long[]> richest : richestFirst) {
                String rich = richest.getKey();
                long[] r = richest.getValue();
                if (ratio(r) < ratio(p) + 0.05 || from != null) {
                    break;
                }
                for (String key : shareKeys.getOrDefault(rich, List.of())) {
                    Share share = shares.get(key);
                    if (share == null || share.lot().earmarkedFor() != null) {
                        continue;
                    }
                    Demand d = demandIndex.getOrDefault(share.lot().temperature(), Map.of()).get(poor);
                    if (d == null || d.allocated >= d.need) {
                        continue;
                    }
                    LocalDate[] w = window(share.lot());
                    Slot slot = eligibleSlot(d, share.lot(), w[0], w[1]);
                    if (slot != null) {
                        from = share;
                        fromSlot = slot;
                        into = d;
                        break;
                    }
                }
            }
            if (from == null) {
                stuck.add(poor);
                continue;
            }
            long[] r = totals.get(from.recipient().id());
            long even = (r[0] * p[1] - p[0] * r[1]) / (r[1] + p[1]);
            long grams = Math.min(Math.min(from.grams(), even), into.need - into.allocated);
            if (grams < 1000) {
                stuck.add(poor);
                continue;
            }
            String fromKey = from.lot().id() + "|" + from.recipient().id() + "|" + from.servingDay();
            if (grams >= from.grams()) {
                shares.remove(fromKey);
                grams = from.grams();
            } else {
                shares.put(fromKey, new Share(from.lot(), from.recipient(), from.servingDay(), from.grams() - grams));
            }
            demandIndex.get(from.lot().temperature()).get(from.recipient().id()).allocated -= grams;
            into.allocated += grams;
            r[0] -= grams;
            p[0] += grams;
            long moved = grams;
            String intoKey = from.lot().id() + "|" + poor + "|" + fromSlot.day();
            if (!shares.containsKey(intoKey)) {
                shareKeys.computeIfAbsent(poor, k -> new ArrayList<>()).add(intoKey);
            }
            shares.merge(intoKey,
                    new Share(from.lot(), recipients.get(poor), fromSlot.day(), moved),
                    (a, b) -> new Share(a.lot(), a.recipient(), a.servingDay(), a.grams() + b.grams()));
        }
    }

    private static double ratio(long[] allocatedAndNeed) {
        return allocatedAndNeed[1] == 0 ? 1.0 : (double) allocatedAndNeed[0] / allocatedAndNeed[1];
    }

    /** Each lot's grams left, in the lots' order, to the least covered recipients up to {@code upTo} x need. */
    private void shareOut(List<DonationLot> lots, Map<TemperatureClass, List<Demand>> demands, Map<String, Long> left,
                          Map<String, Share> shares, double upTo) {
        // the demands that can still take food, least covered first: a lot walks them in this order (those it
        // cannot reach are passed over, for this lot only) and a demand it gives to moves on to its new rank
        Map<TemperatureClass, java.util.TreeMap<Rank, Demand>> open = new HashMap<>();
        for (var e : demands.entrySet()) {
            java.util.TreeMap<Rank, Demand> ranked = new java.util.TreeMap<>();
            for (Demand d : e.getValue()) {
                if (d.allocated < d.need * upTo) {
                    ranked.put(d.rank(), d);
                }
            }
            open.put(e.getKey(), ranked);
        }
        for (DonationLot lot : lots) {
            if (!left.containsKey(lot.id()) || left.get(lot.id()) <= 0) {
                continue;
            }
            LocalDate[] w = window(lot);
            java.util.TreeMap<Rank, Demand> ranked = open.get(lot.temperature());
            if (ranked == null) {
                continue;
            }
            Rank after = null;
            while (left.get(lot.id()) > 0) {
                Map.Entry<Rank, Demand> next = after == null ? ranked.firstEntry() : ranked.higherEntry(after);
                if (next == null) {
                    break;
                }
                after = next.getKey();
                Demand d = next.getValue();
                Slot slot = eligibleSlot(d, lot, w[0], w[1], upTo);
                if (slot == null) {
                    continue;
                }
                ranked.remove(after);
                give(lot, d, slot, (long) (d.need * upTo) - d.allocated, left, shares);
                if (d.allocated < d.need * upTo) {
                    ranked.put(d.rank(), d); // a full demand takes nothing more in this round
                }
            }
        }
    }

    /** A demand's place in the share-out order: least covered first, then in the order of the needs. */
    private record Rank(double ratio, int order) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank o) {
            int c = Double.compare(ratio, o.ratio);
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }

    /** First and last day the lot can be used in the month, or null. */
    private LocalDate[] window(DonationLot lot) {
        PlanningSettings settings = network.settings();
        LocalDate first = lot.availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : lot.availableFrom();
        LocalDate last = settings.lastDeliveryDay(lot).isAfter(settings.lastDay()) ? settings.lastDay()
                : settings.lastDeliveryDay(lot);
        return last.isBefore(first) ? null : new LocalDate[] {first, last};
    }

    /** A portion of at most {@code open} grams (and of PORTION_GRAMS, leaving no crumbs) to a recipient. */
    private static void give(DonationLot lot, Demand d, Slot slot, long open, Map<String, Long> left,
                             Map<String, Share> shares) {
        long remaining = left.get(lot.id());
        long portion = Math.min(Math.min(remaining, open), PORTION_GRAMS);
        if (remaining - portion < PORTION_GRAMS / 4 && remaining <= open + PORTION_GRAMS / 4) {
            portion = remaining;
        }
        if (portion <= 0) {
            return;
        }
        d.allocated += portion;
        left.put(lot.id(), remaining - portion);
        shares.merge(lot.id() + "|" + d.recipient.id() + "|" + slot.day(),
                new Share(lot, d.recipient, slot.day(), portion),
                (a, b) -> new Share(a.lot(), a.recipient(), a.servingDay(), a.grams() + b.grams()));
    }

    private Slot eligibleSlot(Demand d, DonationLot lot, LocalDate first, LocalDate last) {
        return eligibleSlot(d, lot, first, last, 1.0);
    }

    private Slot eligibleSlot(Demand d, DonationLot lot, LocalDate first, LocalDate last, double upTo) {
        if (d.allocated >= d.need * upTo) {
            return null; // cheap test first: no slot can take more (the path and arrival are the costly part)
        }
        var path = paths.path(lot, d.recipient);
        if (path.isEmpty()) {
            return null;
        }
        LocalDate arrival = earliestArrival(lot, path.get(), first, last);
        if (arrival == null) {
            return null;
        }
        // a chain of hops done all on its last possible day leaves the routing no choice: a day of slack
        LocalDate earliest = path.get().size() > 2 ? arrival.plusDays(1) : arrival;
        for (Slot s : d.slots) {
            if (d.allocated < d.need * upTo && !s.day().isBefore(earliest) && !s.day().isAfter(last)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The first day the food can reach the end of its path: each hop needs a day, not before the previous
     * hop's, on which both sites are open and some volunteer with room for this temperature class drives
     * (several hops may share a day). Null when the month does not allow it.
     */
    LocalDate earliestArrival(DonationLot lot, List<Site> path, LocalDate first, LocalDate last) {
        LocalDate origin = network.settings().firstDay();
        if (first.isBefore(origin)) {
            return earliestArrivalDayByDay(lot, path, first, last);
        }
        int day = (int) (first.toEpochDay() - origin.toEpochDay());
        int end = (int) (last.toEpochDay() - origin.toEpochDay());
        if (end >= horizon) {
            horizon = end + 1;
            openDays.clear();
        }
        java.util.BitSet driving = drivingBits.getOrDefault(lot.temperature(), new java.util.BitSet());
        for (int hop = 0; hop + 1 < path.size(); hop++) {
            java.util.BitSet from = openDays(path.get(hop));
            java.util.BitSet to = openDays(path.get(hop + 1));
            day = from.nextSetBit(day);
            while (day >= 0 && day <= end && !(to.get(day) && driving.get(day))) {
                day = from.nextSetBit(day + 1);
            }
            if (day < 0 || day > end) {
                return null;
            }
        }
        return origin.plusDays(day);
    }

    /** The same, a day at a time (for a window that starts before the month). */
    private LocalDate earliestArrivalDayByDay(DonationLot lot, List<Site> path, LocalDate first, LocalDate last) {
        LocalDate day = first;
        for (int hop = 0; hop + 1 < path.size() && day != null; hop++) {
            Site from = path.get(hop);
            Site to = path.get(hop + 1);
            while (!day.isAfter(last) && !(from.openOn(day).isPresent() && to.openOn(day).isPresent()
                    && drivingDays.getOrDefault(lot.temperature(), java.util.Set.of()).contains(day))) {
                day = day.plusDays(1);
            }
            if (day.isAfter(last)) {
                day = null;
            }
        }
        return day;
    }

    /** The days (from the month's first day, up to the horizon) a site is open. */
    private java.util.BitSet openDays(Site site) {
        return openDays.computeIfAbsent(site, k -> {
            java.util.BitSet bits = new java.util.BitSet(horizon);
            LocalDate origin = network.settings().firstDay();
            for (int d = 0; d < horizon; d++) {
                if (site.openOn(origin.plusDays(d)).isPresent()) {
                    bits.set(d);
                }
            }
            return bits;
        });
    }

    private int horizon;
    private final Map<Site, java.util.BitSet> openDays = new java.util.IdentityHashMap<>();
    private final Map<TemperatureClass, java.util.BitSet> drivingBits = new HashMap<>();
    private final Map<TemperatureClass, java.util.Set<LocalDate>> drivingDays = new HashMap<>();

    private void prepareDrivingDays() {
        var vehicles = network.vehiclesById();
        for (var driver : network.drivers()) {
            var capacity = vehicles.get(driver.vehicleId()).capacity();
            for (var slot : driver.slots()) {
                for (TemperatureClass c : TemperatureClass.values()) {
                    if (capacity.get(c) > 0) {
                        drivingDays.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(slot.date());
                        long d = slot.date().toEpochDay() - network.settings().firstDay().toEpochDay();
                        if (d >= 0 && d < Integer.MAX_VALUE) {
                            drivingBits.computeIfAbsent(c, k -> new java.util.BitSet()).set((int) d);
                        }
                    }
                }
            }
        }
    }

    private void allocateEarmarked(DonationLot lot, Site recipient, Map<String, RecipientNeed> needs, LocalDate first,
                                   LocalDate last, Map<TemperatureClass, List<Demand>> demands, Map<String, Share> shares) {
        RecipientNeed need = needs.get(recipient.id());
        if (need == null || paths.path(lot, recipient).isEmpty()) {
            return;
        }
        LocalDate arrival = earliestArrival(lot, paths.path(lot, recipient).get(), first, last);
        LocalDate day = arrival == null ? null : need.servingDays().stream()
                .filter(d -> !d.isBefore(arrival) && !d.isAfter(last)).findFirst().orElse(null);
        if (day == null) {
            return;
        }
        for (Demand d : demands.getOrDefault(lot.temperature(), List.of())) {
            if (d.recipient.id().equals(recipient.id())) {
                d.allocated += lot.grams();
            }
        }
        shares.put(lot.id() + "|" + recipient.id() + "|" + day, new Share(lot, recipient, day, lot.grams()));
    }
}
