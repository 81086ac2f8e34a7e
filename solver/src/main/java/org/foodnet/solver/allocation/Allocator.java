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
    /** The least a serving day's storage must have room for to take a portion (unless the lot has less left). */
    static final long MIN_PORTION_GRAMS = 1_000;
    /** Surplus food (no one's need left that it can reach) goes out up to this share of a recipient's need. */
    static final double SURPLUS_RATIO = 1.5;

    private final Network network;
    private final FoodPaths paths;
    /**
     * Shares ({@link Share#key}) a construction could not deliver to a recipient left below its floor: made as
     * usual, but their grams do not count towards the recipient's coverage, so it is given other food besides.
     */
    private final java.util.Set<String> uncounted;

    public Allocator(Network network, FoodPaths paths) {
        this(network, paths, java.util.Set.of());
    }

    /**
     * Sharing in which the {@code uncounted} shares (lot, recipient and serving day; see {@link Share#key}) do not
     * count towards their recipient's coverage (see docs/planning-rules.md, "Who gets what").
     */
    public Allocator(Network network, FoodPaths paths, java.util.Set<String> uncounted) {
        this(network, paths, uncounted, List.of());
    }

    /**
     * In a re-plan: the previous plan's shares ({@code kept}, its allocations) are made first, as far as they are
     * still possible, then the rest is shared as usual (see docs/planning-rules.md, "Who gets what").
     */
    public Allocator(Network network, FoodPaths paths, java.util.Set<String> uncounted,
                     List<org.foodnet.solver.plan.Allocation> kept) {
        this.network = network;
        this.paths = paths;
        this.uncounted = java.util.Set.copyOf(uncounted);
        this.kept = List.copyOf(kept);
    }

    /** The previous plan's allocations, in its order (a re-plan keeps who gets what). */
    private final List<org.foodnet.solver.plan.Allocation> kept;

    /** A serving day of one recipient, for one class, and the grams allocated to it so far. */
    private static final class Slot {
        final LocalDate day;
        long allocated;

        Slot(LocalDate day) {
            this.day = day;
        }

        LocalDate day() {
            return day;
        }
    }

    /**
     * A recipient's need of one class, split over its serving days. What is allocated for one serving day is
     * all held by the recipient on that day, so it never exceeds the recipient's storage for the class.
     */
    private static final class Demand {
        final Site recipient;
        final int order;
        final long need;
        final long capacity;
        long allocated;
        /** Whether no lot reaches a serving day with the delivery a day after the hop before it (see {@link #markTogether}). */
        boolean together;
        final List<Slot> slots = new ArrayList<>();

        Demand(Site recipient, int order, long need, long capacity) {
            this.recipient = recipient;
            this.order = order;
            this.need = need;
            this.capacity = capacity;
        }

        long room(Slot slot) {
            return capacity - slot.allocated;
        }

        Slot slot(LocalDate day) {
            for (Slot s : slots) {
                if (s.day.equals(day)) {
                    return s;
                }
            }
            return null;
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
                Demand d = new Demand(r, order, grams, r.storageCapacity().get(c));
                for (LocalDate day : days) {
                    d.slots.add(new Slot(day));
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
        markTogether(lots, demands);
        keepPrevious(demands, left, shares);
        shareOut(lots, demands, left, shares, 1.0);
        rebalance(demands, shares);
        // Food nobody needs any more within the month would be thrown away: rather give it (least covered
        // first) to recipients that can still use it, up to half again their need.
        shareOut(lots, demands, left, shares, SURPLUS_RATIO);
        return new ArrayList<>(shares.values());
    }

    /**
     * The recipients and classes (key {@code recipientId|CLASS}) with a need for which the lots of that class that can
     * reach one of the recipient's serving days (as in {@link #unreachableNeeds}, each lot counted whole) hold less
     * than the need: even with all of them it could not be fully served. Unreachable needs are among them.
     */
    public java.util.Set<String> underSuppliedNeeds() {
        prepareDrivingDays();
        PlanningSettings settings = network.settings();
        Map<String, Site> sites = network.sitesById();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (RecipientNeed need : network.needs()) {
            Site r = sites.get(need.recipientId());
            if (r == null) {
                continue;
            }
            List<LocalDate> days = need.servingDays().stream()
                    .filter(d -> !d.isBefore(settings.firstDay()) && !d.isAfter(settings.lastDay())).toList();
            for (TemperatureClass c : TemperatureClass.values()) {
                long grams = need.monthlyNeed().get(c);
                if (grams <= 0) {
                    continue;
                }
                long reachable = 0;
                for (DonationLot lot : network.lots()) {
                    if (reachable >= grams || days.isEmpty() || r.storageCapacity().get(c) <= 0) {
                        break;
                    }
                    if (lot.temperature() != c || (lot.earmarkedFor() != null && !lot.earmarkedFor().equals(r.id()))) {
                        continue;
                    }
                    LocalDate[] w = window(lot);
                    var p = w == null ? java.util.Optional.<List<Site>>empty() : paths.path(lot, r);
                    if (p.isPresent() && reaches(lot, p.get(), w, days)) {
                        reachable += lot.grams();
                    }
                }
                if (reachable < grams) {
                    out.add(r.id() + "|" + c);
                }
            }
        }
        return out;
    }

    /** Whether the lot, along the path, can reach one of the days by the day rule (usual, or last two hops in one go). */
    private boolean reaches(DonationLot lot, List<Site> path, LocalDate[] w, List<LocalDate> days) {
        for (boolean together : new boolean[] {false, true}) {
            if (together && path.size() - 1 < 3) {
                continue;
            }
            LocalDate arrival = earliestArrival(lot, path, w[0], w[1], together);
            if (arrival != null && days.stream().anyMatch(d -> !d.isBefore(arrival) && !d.isAfter(w[1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The recipients' needs (per class) that no lot can reach on any of their serving days, in the order of the
     * network's needs and of the classes: the same test the sharing applies (each hop on a day a volunteer with
     * room for the class could drive it, the delivery a day after the hop before it or both on one day in one
     * go, a serving day not after the lot's last delivery day), so no sharing gives them anything and no plan
     * can deliver to them. See docs/planning-rules.md, "Who gets what".
     */
    public List<UnreachableNeed> unreachableNeeds() {
        return unreachableNeeds((recipientId, c) -> true);
    }

    /** The same, for the recipients and classes {@code which} accepts only. */
    public List<UnreachableNeed> unreachableNeeds(java.util.function.BiPredicate<String, TemperatureClass> which) {
        prepareDrivingDays();
        PlanningSettings settings = network.settings();
        Map<String, Site> sites = network.sitesById();
        List<UnreachableNeed> out = new ArrayList<>();
        for (RecipientNeed need : network.needs()) {
            Site r = sites.get(need.recipientId());
            if (r == null) {
                continue;
            }
            List<LocalDate> days = need.servingDays().stream()
                    .filter(d -> !d.isBefore(settings.firstDay()) && !d.isAfter(settings.lastDay())).sorted().toList();
            for (TemperatureClass c : TemperatureClass.values()) {
                long grams = need.monthlyNeed().get(c);
                if (grams <= 0 || !which.test(r.id(), c)) {
                    continue;
                }
                UnreachableNeed.Reason reason = null;
                String detail = null;
                if (days.isEmpty()) {
                    reason = UnreachableNeed.Reason.NO_SERVING_DAY;
                    detail = "none of " + r.id() + "'s serving days is in " + settings.month();
                } else if (r.storageCapacity().get(c) <= 0) {
                    reason = UnreachableNeed.Reason.NO_STORAGE;
                    detail = r.id() + " has no " + c + " storage";
                } else {
                    boolean supply = false;
                    boolean path = false;
                    boolean lastHop = false;
                    boolean reached = false;
                    String lastHopText = null;
                    int lastServing = (int) (days.get(days.size() - 1).toEpochDay() - settings.firstDay().toEpochDay());
                    for (DonationLot lot : network.lots()) {
                        if (lot.temperature() != c || (lot.earmarkedFor() != null && !lot.earmarkedFor().equals(r.id()))) {
                            continue;
                        }
                        LocalDate[] w = window(lot);
                        if (w == null) {
                            continue;
                        }
                        supply = true;
                        var p = paths.path(lot, r);
                        if (p.isEmpty()) {
                            continue;
                        }
                        path = true;
                        List<Site> hops = p.get();
                        int n = hops.size() - 1;
                        Site before = hops.get(n - 1);
                        if (lastHopText == null) {
                            lastHopText = before.id() + " → " + r.id();
                        }
                        if (!lastHop) {
                            // alone, or as the last two hops in one go, on some day up to the last serving day
                            int alone = hopDays(before, r, c).nextSetBit(0);
                            int chained = n >= 2 ? chainDays(hops.get(n - 2), before, r, c).nextSetBit(0) : -1;
                            lastHop = (alone >= 0 && alone <= lastServing) || (chained >= 0 && chained <= lastServing);
                        }
                        if (reaches(lot, hops, w, days)) {
                            reached = true;
                            break;
                        }
                    }
                    if (reached) {
                        continue;
                    } else if (!supply) {
                        reason = UnreachableNeed.Reason.NO_SUPPLY;
                        detail = "no " + c + " lot can be used in " + settings.month();
                    } else if (!path) {
                        reason = UnreachableNeed.Reason.NO_PATH;
                        detail = "no allowed food path leads from a " + c + " lot to " + r.id();
                    } else if (!lastHop) {
                        reason = UnreachableNeed.Reason.LAST_HOP;
                        detail = "no volunteer with room for " + c + " can drive " + lastHopText
                                + " while both are open, by " + days.get(days.size() - 1);
                    } else {
                        reason = UnreachableNeed.Reason.TOO_LATE;
                        detail = "no " + c + " lot can reach " + r.id() + " by a serving day on which it is still good";
                    }
                }
                out.add(new UnreachableNeed(r.id(), c, grams, reason, detail));
            }
        }
        return out;
    }

    /**
     * Recipients whose serving days leave them few chances (one early serving day) can end up well below
     * the others. Per temperature class, moves portions from the best-covered recipients to the least-covered
     * one while the food can reach it in time (and its storage on that serving day has room), until the
     * least-covered cannot gain any more.
     */
    private void rebalance(Map<TemperatureClass, List<Demand>> demands, Map<String, Share> shares) {
        // the keys of each recipient's shares per class, in the order of the shares map (a share may be gone
        // since); keyed by site id: a Site is a record whose equals/hashCode walk its opening hours
        Map<String, List<String>> shareKeys = new HashMap<>();
        for (var e : shares.entrySet()) {
            Share share = e.getValue();
            shareKeys.computeIfAbsent(share.recipient().id() + "|" + share.lot().temperature(), k -> new ArrayList<>())
                    .add(e.getKey());
        }
        for (TemperatureClass c : TemperatureClass.values()) {
            List<Demand> list = demands.getOrDefault(c, List.of());
            java.util.Set<Demand> stuck = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<Demand> richestFirst = new ArrayList<>(list);
            for (int round = 0; round < 10_000; round++) {
                Demand poor = null;
                for (Demand d : list) {
                    if (d.need > 0 && !stuck.contains(d) && (poor == null || d.ratio() < poor.ratio())) {
                        poor = d;
                    }
                }
                if (poor == null) {
                    break;
                }
                Share from = null;
                Slot fromSlot = null;
                Demand rich = null;
                // the best-covered recipient first: its first share whose food can still reach the poor one in time
                richestFirst.sort(Comparator.comparingDouble((Demand d) -> -d.ratio()).thenComparingInt(d -> d.order));
                for (Demand r : richestFirst) {
                    if (r.ratio() < poor.ratio() + 0.05 || from != null) {
                        break;
                    }
                    for (String key : shareKeys.getOrDefault(r.recipient.id() + "|" + c, List.of())) {
                        Share share = shares.get(key);
                        if (share == null || share.lot().earmarkedFor() != null || uncounted.contains(key)) {
                            continue;
                        }
                        LocalDate[] w = window(share.lot());
                        Slot slot = eligibleSlot(poor, share.lot(), w[0], w[1]);
                        // never into a share that would not count (it could not be delivered before)
                        if (slot != null && !uncounted.contains(Share.key(share.lot().id(), poor.recipient.id(), slot.day()))) {
                            from = share;
                            fromSlot = slot;
                            rich = r;
                            break;
                        }
                    }
                }
                if (from == null) {
                    stuck.add(poor);
                    continue;
                }
                long even = (rich.allocated * poor.need - poor.allocated * rich.need) / (rich.need + poor.need);
                long grams = Math.min(Math.min(from.grams(), even),
                        Math.min(poor.need - poor.allocated, poor.room(fromSlot)));
                if (grams < 1000) {
                    stuck.add(poor);
                    continue;
                }
                String fromKey = from.key();
                if (grams >= from.grams()) {
                    shares.remove(fromKey);
                    grams = from.grams();
                } else {
                    shares.put(fromKey, new Share(from.lot(), from.recipient(), from.servingDay(), from.grams() - grams));
                }
                rich.allocated -= grams;
                Slot richSlot = rich.slot(from.servingDay());
                if (richSlot != null) {
                    richSlot.allocated -= grams;
                }
                poor.allocated += grams;
                fromSlot.allocated += grams;
                String intoKey = Share.key(from.lot().id(), poor.recipient.id(), fromSlot.day());
                if (!shares.containsKey(intoKey)) {
                    shareKeys.computeIfAbsent(poor.recipient.id() + "|" + c, k -> new ArrayList<>()).add(intoKey);
                }
                shares.merge(intoKey, new Share(from.lot(), poor.recipient, fromSlot.day(), grams),
                        (a, b) -> new Share(a.lot(), a.recipient(), a.servingDay(), a.grams() + b.grams()));
            }
        }
    }

    /**
     * The previous plan's shares, in its order: each its grams of the lot for that recipient and serving day, as
     * far as the lot has grams left, the food can still reach that serving day (the day rule of {@link #eligibleSlot})
     * and the recipient's storage for the class has room on it.
     */
    private void keepPrevious(Map<TemperatureClass, List<Demand>> demands, Map<String, Long> left,
                              Map<String, Share> shares) {
        if (kept.isEmpty()) {
            return;
        }
        Map<String, DonationLot> lotsById = new HashMap<>();
        for (DonationLot lot : network.lots()) {
            lotsById.put(lot.id(), lot);
        }
        for (org.foodnet.solver.plan.Allocation a : kept) {
            DonationLot lot = lotsById.get(a.lotId());
            if (lot == null || lot.earmarkedFor() != null || left.getOrDefault(lot.id(), 0L) <= 0) {
                continue;
            }
            Demand d = null;
            for (Demand x : demands.getOrDefault(lot.temperature(), List.of())) {
                if (x.recipient.id().equals(a.recipientId())) {
                    d = x;
                }
            }
            Slot slot = d == null ? null : d.slot(a.servingDay());
            var path = d == null ? java.util.Optional.<List<Site>>empty() : paths.path(lot, d.recipient);
            LocalDate[] w = window(lot);
            if (slot == null || path.isEmpty() || w == null || slot.day().isAfter(w[1])) {
                continue;
            }
            LocalDate arrival = earliestArrival(lot, path.get(), w[0], w[1], false);
            if ((arrival == null || slot.day().isBefore(arrival)) && d.together && path.get().size() > 3) {
                arrival = earliestArrival(lot, path.get(), w[0], w[1], true);
            }
            long grams = Math.min(Math.min(a.grams(), left.get(lot.id())), d.room(slot));
            if (arrival == null || slot.day().isBefore(arrival) || grams <= 0) {
                continue;
            }
            String key = Share.key(lot.id(), d.recipient.id(), slot.day());
            if (!uncounted.contains(key)) {
                d.allocated += grams;
            }
            slot.allocated += grams;
            left.put(lot.id(), left.get(lot.id()) - grams);
            shares.merge(key, new Share(lot, d.recipient, slot.day(), grams),
                    (x, y) -> new Share(x.lot(), x.recipient(), x.servingDay(), x.grams() + y.grams()));
        }
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
                Slot slot = eligibleSlot(d, lot, w[0], w[1], upTo, left.get(lot.id()));
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

    /**
     * A portion of at most {@code open} grams (and of PORTION_GRAMS, leaving no crumbs, and what the recipient's
     * storage for that serving day has room for) to a recipient.
     */
    private void give(DonationLot lot, Demand d, Slot slot, long open, Map<String, Long> left,
                             Map<String, Share> shares) {
        long remaining = left.get(lot.id());
        long room = d.room(slot);
        long portion = Math.min(Math.min(Math.min(remaining, open), PORTION_GRAMS), room);
        if (remaining - portion < PORTION_GRAMS / 4 && remaining <= open + PORTION_GRAMS / 4 && remaining <= room) {
            portion = remaining;
        }
        if (portion <= 0) {
            return;
        }
        if (uncounted.isEmpty() || !uncounted.contains(Share.key(lot.id(), d.recipient.id(), slot.day()))) {
            d.allocated += portion;
        }
        slot.allocated += portion;
        left.put(lot.id(), remaining - portion);
        shares.merge(Share.key(lot.id(), d.recipient.id(), slot.day()),
                new Share(lot, d.recipient, slot.day(), portion),
                (a, b) -> new Share(a.lot(), a.recipient(), a.servingDay(), a.grams() + b.grams()));
    }

    private Slot eligibleSlot(Demand d, DonationLot lot, LocalDate first, LocalDate last) {
        return eligibleSlot(d, lot, first, last, 1.0, null);
    }

    /** A serving day of the demand this lot can reach in time with room for a portion ({@code left}: grams the lot has left). */
    private Slot eligibleSlot(Demand d, DonationLot lot, LocalDate first, LocalDate last, double upTo, Long left) {
        if (d.allocated >= d.need * upTo) {
            return null; // cheap test first: no slot can take more (the path and arrival are the costly part)
        }
        var path = paths.path(lot, d.recipient);
        if (path.isEmpty()) {
            return null;
        }
        LocalDate arrival = earliestArrival(lot, path.get(), first, last, false);
        Slot slot = arrival == null ? null : firstSlotFrom(d, arrival, last, left);
        if (slot == null && d.together && path.get().size() > 3) {
            // no serving day with the delivery a day after the hop before it: the last two hops on one day,
            // on one trip (rule 3's pass-through stop), when some volunteer could drive both in one go
            arrival = earliestArrival(lot, path.get(), first, last, true);
            slot = arrival == null ? null : firstSlotFrom(d, arrival, last, left);
        }
        return slot;
    }

    /**
     * Marks the demands that no lot (not earmarked) of their class can reach on any serving day with the delivery
     * a day after the hop before it: only they may take food whose last two hops share a day (e.g. a Sunday-only
     * cafeteria behind a depot closed at weekends). Such chains are hard to route; recipients that other food
     * can reach the usual way get that food instead.
     */
    private void markTogether(List<DonationLot> lots, Map<TemperatureClass, List<Demand>> demands) {
        for (var e : demands.entrySet()) {
            for (Demand d : e.getValue()) {
                boolean reached = false;
                for (DonationLot lot : lots) {
                    if (lot.temperature() != e.getKey() || lot.earmarkedFor() != null) {
                        continue;
                    }
                    LocalDate[] w = window(lot);
                    if (w == null) {
                        continue;
                    }
                    var path = paths.path(lot, d.recipient);
                    if (path.isEmpty()) {
                        continue;
                    }
                    LocalDate arrival = earliestArrival(lot, path.get(), w[0], w[1], false);
                    if (arrival != null && firstSlotFrom(d, arrival, w[1], null) != null) {
                        reached = true;
                        break;
                    }
                }
                d.together = !reached;
            }
        }
    }

    /** The first serving day from that day on whose storage still has room for a portion (or for all that is left). */
    private static Slot firstSlotFrom(Demand d, LocalDate earliest, LocalDate last, Long left) {
        long wanted = Math.min(MIN_PORTION_GRAMS, left == null ? MIN_PORTION_GRAMS : left);
        for (Slot s : d.slots) {
            if (!s.day().isBefore(earliest) && !s.day().isAfter(last) && d.room(s) >= Math.max(1, wanted)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The first day the food can reach the end of its path: each hop needs a day, not before the previous
     * hop's, on which some volunteer with room for this temperature class could drive that hop within both
     * sites' opening hours and their own slot (see {@link #hopDays}; several hops may share a day, but on a
     * path of three hops or more the last one needs a later day than the one before). Null when the month
     * does not allow it.
     */
    LocalDate earliestArrival(DonationLot lot, List<Site> path, LocalDate first, LocalDate last) {
        return earliestArrival(lot, path, first, last, false);
    }

    /**
     * With {@code together}, on a path of three hops or more the last two hops are made on one day by one
     * volunteer in one go (see {@link #chainDays}) instead of the delivery a day later.
     */
    LocalDate earliestArrival(DonationLot lot, List<Site> path, LocalDate first, LocalDate last, boolean together) {
        LocalDate origin = network.settings().firstDay();
        if (first.isBefore(origin)) {
            return earliestArrivalDayByDay(lot, path, first, last);
        }
        int day = (int) (first.toEpochDay() - origin.toEpochDay());
        int end = (int) (last.toEpochDay() - origin.toEpochDay());
        int hops = path.size() - 1;
        for (int hop = 0; hop < hops; hop++) {
            if (together && hops >= 3 && hop + 2 == hops) {
                // the last two hops on one day, one trip
                day = chainDays(path.get(hop), path.get(hop + 1), path.get(hop + 2), lot.temperature()).nextSetBit(day);
                if (day < 0 || day > end) {
                    return null;
                }
                return origin.plusDays(day);
            }
            // on a path of three hops or more, the last one (the delivery) on a later day than the one before:
            // a chain done all on one day leaves the routing no choice
            boolean later = hops >= 3 && hop + 1 == hops;
            day = hopDays(path.get(hop), path.get(hop + 1), lot.temperature()).nextSetBit(day + (later ? 1 : 0));
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

    /**
     * The days of the month on which some volunteer with room for the class could make the hop on its own:
     * from home to the first site while it is open, on to the second while it is open (service times
     * included), and home again within the slot and the volunteer's longest day. Cached per hop and class.
     */
    private java.util.BitSet hopDays(Site from, Site to, TemperatureClass c) {
        return hopDays.computeIfAbsent(from.id() + "|" + to.id() + "|" + c, k -> {
            var travel = paths.travel();
            int a = travel.indexOf(from.id());
            int b = travel.indexOf(to.id());
            LocalDate origin = network.settings().firstDay();
            int days = network.settings().month().lengthOfMonth();
            java.util.BitSet bits = new java.util.BitSet(days);
            for (int d = 0; d < days; d++) {
                LocalDate date = origin.plusDays(d);
                var openA = from.openOn(date);
                var openB = to.openOn(date);
                if (openA.isEmpty() || openB.isEmpty()) {
                    continue;
                }
                for (DrivingSlot slot : slotsOn(date)) {
                    if (slot.capacity.get(c) <= 0) {
                        continue;
                    }
                    int home = travel.indexOf(slot.homePlaceId);
                    long startA = Math.max(slot.from + travel.millis(home, a), openA.get().fromSecond() * 1000L);
                    long leaveA = startA + from.serviceSeconds() * 1000L;
                    long startB = Math.max(leaveA + travel.millis(a, b), openB.get().fromSecond() * 1000L);
                    long leaveB = startB + to.serviceSeconds() * 1000L;
                    long back = leaveB + travel.millis(b, home);
                    long left = startA - travel.millis(home, a);
                    if (leaveA <= openA.get().toSecond() * 1000L && leaveB <= openB.get().toSecond() * 1000L
                            && back <= slot.to && back - left <= slot.maxMillis) {
                        bits.set(d);
                        break;
                    }
                }
            }
            return bits;
        });
    }

    /**
     * The days on which some volunteer with room for the class could drive from home to {@code a} while it is
     * open, on to {@code b} and then {@code c} while each is open (service times included), and home again within
     * the slot and their longest day. Cached per chain and class.
     */
    private java.util.BitSet chainDays(Site a, Site b, Site c, TemperatureClass cls) {
        return hopDays.computeIfAbsent(a.id() + "|" + b.id() + "|" + c.id() + "|" + cls, k -> {
            var travel = paths.travel();
            Site[] sites = {a, b, c};
            int[] at = {travel.indexOf(a.id()), travel.indexOf(b.id()), travel.indexOf(c.id())};
            LocalDate origin = network.settings().firstDay();
            int days = network.settings().month().lengthOfMonth();
            java.util.BitSet bits = new java.util.BitSet(days);
            for (int d = 0; d < days; d++) {
                LocalDate date = origin.plusDays(d);
                List<org.foodnet.solver.domain.TimeWindow> open = new ArrayList<>();
                for (Site s : sites) {
                    s.openOn(date).ifPresent(open::add);
                }
                if (open.size() < 3) {
                    continue;
                }
                for (DrivingSlot slot : slotsOn(date)) {
                    if (slot.capacity.get(cls) <= 0) {
                        continue;
                    }
                    int home = travel.indexOf(slot.homePlaceId);
                    long left = -1;
                    long t = slot.from;
                    int place = home;
                    boolean ok = true;
                    for (int i = 0; i < 3 && ok; i++) {
                        long start = Math.max(t + travel.millis(place, at[i]), open.get(i).fromSecond() * 1000L);
                        if (i == 0) {
                            left = start - travel.millis(home, at[0]);
                        }
                        t = start + sites[i].serviceSeconds() * 1000L;
                        ok = t <= open.get(i).toSecond() * 1000L;
                        place = at[i];
                    }
                    long back = t + travel.millis(place, home);
                    if (ok && back <= slot.to && back - left <= slot.maxMillis) {
                        bits.set(d);
                        break;
                    }
                }
            }
            return bits;
        });
    }

    /** One volunteer's availability on a day: from home, within [from, to] ms of the day, at most maxMillis. */
    private record DrivingSlot(String homePlaceId, long from, long to, long maxMillis,
                               org.foodnet.solver.domain.ClassAmounts capacity) {
    }

    private List<DrivingSlot> slotsOn(LocalDate date) {
        if (slotsByDate == null) {
            slotsByDate = new HashMap<>();
            var vehicles = network.vehiclesById();
            for (var driver : network.drivers()) {
                var vehicle = vehicles.get(driver.vehicleId());
                if (vehicle == null) {
                    continue;
                }
                for (var slot : driver.slots()) {
                    slotsByDate.computeIfAbsent(slot.date(), k -> new ArrayList<>()).add(new DrivingSlot(
                            driver.homePlaceId(), slot.from().toSecondOfDay() * 1000L, slot.to().toSecondOfDay() * 1000L,
                            driver.maxMinutesPerDay() * 60_000L, vehicle.capacity()));
                }
            }
        }
        return slotsByDate.getOrDefault(date, List.of());
    }

    private Map<LocalDate, List<DrivingSlot>> slotsByDate;
    private final Map<String, java.util.BitSet> hopDays = new HashMap<>();

    private final Map<TemperatureClass, java.util.Set<LocalDate>> drivingDays = new HashMap<>();

    private void prepareDrivingDays() {
        var vehicles = network.vehiclesById();
        for (var driver : network.drivers()) {
            var capacity = vehicles.get(driver.vehicleId()).capacity();
            for (var slot : driver.slots()) {
                for (TemperatureClass c : TemperatureClass.values()) {
                    if (capacity.get(c) > 0) {
                        drivingDays.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(slot.date());
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
        List<LocalDate> days = arrival == null ? List.of() : need.servingDays().stream()
                .filter(d -> !d.isBefore(arrival) && !d.isAfter(last)).toList();
        if (days.isEmpty()) {
            return;
        }
        Demand demand = null;
        for (Demand d : demands.getOrDefault(lot.temperature(), List.of())) {
            if (d.recipient.id().equals(recipient.id())) {
                demand = d;
            }
        }
        // the whole lot, over the serving days it can reach as their storage has room; what does not fit
        // anywhere goes with the first of them
        long left = lot.grams();
        long capacity = recipient.storageCapacity().get(lot.temperature());
        Map<LocalDate, Long> byDay = new LinkedHashMap<>();
        for (LocalDate day : days) {
            Slot slot = demand == null ? null : demand.slot(day);
            long room = Math.max(0, slot == null ? capacity : capacity - slot.allocated);
            long grams = Math.min(left, room);
            if (grams > 0) {
                byDay.merge(day, grams, Long::sum);
                left -= grams;
            }
        }
        if (left > 0) {
            byDay.merge(days.get(0), left, Long::sum);
        }
        for (Map.Entry<LocalDate, Long> e : byDay.entrySet()) {
            if (demand != null) {
                demand.allocated += e.getValue();
                Slot slot = demand.slot(e.getKey());
                if (slot != null) {
                    slot.allocated += e.getValue();
                }
            }
            shares.put(Share.key(lot.id(), recipient.id(), e.getKey()), new Share(lot, recipient, e.getKey(), e.getValue()));
        }
    }
}
