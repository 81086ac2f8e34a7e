package org.foodnet.solver.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
    }

    public List<Share> allocate() {
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
        lots.sort(Comparator.comparing((DonationLot l) -> settings.lastDeliveryDay(l))
                .thenComparing(DonationLot::availableFrom).thenComparing(DonationLot::id));
        Map<String, Share> shares = new LinkedHashMap<>();
        for (DonationLot lot : lots) {
            LocalDate first = lot.availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : lot.availableFrom();
            LocalDate last = settings.lastDeliveryDay(lot).isAfter(settings.lastDay()) ? settings.lastDay()
                    : settings.lastDeliveryDay(lot);
            if (last.isBefore(first)) {
                continue;
            }
            if (lot.earmarkedFor() != null) {
                allocateEarmarked(lot, sites.get(lot.earmarkedFor()), needByRecipient, first, last, demands, shares);
                continue;
            }
            List<Demand> candidates = demands.getOrDefault(lot.temperature(), List.of());
            PriorityQueue<Demand> queue = new PriorityQueue<>(Comparator.comparingDouble(Demand::ratio)
                    .thenComparingInt(d -> d.order));
            queue.addAll(candidates);
            long left = lot.grams();
            List<Demand> skipped = new ArrayList<>();
            while (left > 0 && !queue.isEmpty()) {
                Demand d = queue.poll();
                Slot slot = eligibleSlot(d, lot, first, last);
                if (slot == null) {
                    skipped.add(d);
                    continue;
                }
                long open = d.need - d.allocated;
                long portion = Math.min(Math.min(left, open), PORTION_GRAMS);
                if (left - portion < PORTION_GRAMS / 4 && left <= open) {
                    portion = left;
                }
                d.allocated += portion;
                left -= portion;
                shares.merge(lot.id() + "|" + d.recipient.id() + "|" + slot.day,
                        new Share(lot, d.recipient, slot.day, portion),
                        (a, b) -> new Share(a.lot(), a.recipient(), a.servingDay(), a.grams() + b.grams()));
                queue.add(d);
            }
        }
        return new ArrayList<>(shares.values());
    }

    private Slot eligibleSlot(Demand d, DonationLot lot, LocalDate first, LocalDate last) {
        var path = paths.path(lot, d.recipient);
        if (path.isEmpty()) {
            return null;
        }
        LocalDate earliest = first.plusDays(Math.max(0, path.get().size() - 2));
        for (Slot s : d.slots) {
            if (d.allocated < d.need && !s.day.isBefore(earliest) && !s.day.isAfter(last)) {
                return s;
            }
        }
        return null;
    }

    private void allocateEarmarked(DonationLot lot, Site recipient, Map<String, RecipientNeed> needs, LocalDate first,
                                   LocalDate last, Map<TemperatureClass, List<Demand>> demands, Map<String, Share> shares) {
        RecipientNeed need = needs.get(recipient.id());
        if (need == null || paths.path(lot, recipient).isEmpty()) {
            return;
        }
        LocalDate day = need.servingDays().stream()
                .filter(d -> !d.isBefore(first) && !d.isAfter(last)).findFirst().orElse(null);
        if (day == null) {
            return;
        }
        for (Demand d : demands.getOrDefault(lot.temperature(), List.of())) {
            if (d.recipient.equals(recipient)) {
                d.allocated += lot.grams();
            }
        }
        shares.put(lot.id() + "|" + recipient.id() + "|" + day, new Share(lot, recipient, day, lot.grams()));
    }
}
