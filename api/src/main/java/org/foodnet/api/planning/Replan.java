package org.foodnet.api.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.foodnet.data.network.NetworkRepository.LedgerMonth;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Re-planning the rest of a month after a change. The published plan's trips dated up to {@code fixedThrough}
 * (today) are kept exactly; the problem handed to the solver is the month as it is now (volunteers' current
 * availability, donations logged meanwhile) with
 * <ul>
 *   <li>food where the fixed trips leave it (a part of a lot moved to a depot becomes a lot at that depot,
 *       available from the day it arrived), and what they delivered subtracted from the recipients' needs;</li>
 *   <li>no availability on or before {@code fixedThrough} (no new trips in the past or today);</li>
 *   <li>serving days on or before {@code fixedThrough} dropped.</li>
 * </ul>
 * {@link #merge} then puts the fixed trips and the new ones into one plan whose lots are the month's own ids,
 * so the independent checker can follow every kilogram through both parts.
 *
 * <p>A fresh plan for a month in which food was already moved ({@link #fromLedger}) starts the same way from the
 * stock ledger instead of from fixed trips: lots where the ledger has them, the month's confirmed deliveries
 * subtracted from the needs, nothing planned on or before today.
 */
final class Replan {

    private static final String PART = "~";

    private final Network problem;
    private final List<PlannedTrip> fixedTrips;
    private final List<Allocation> fixedAllocations;
    private final Map<String, String> originalLot;
    private final String prefix;

    private Replan(Network problem, List<PlannedTrip> fixedTrips, List<Allocation> fixedAllocations,
                   Map<String, String> originalLot, String prefix) {
        this.problem = problem;
        this.fixedTrips = fixedTrips;
        this.fixedAllocations = fixedAllocations;
        this.originalLot = originalLot;
        this.prefix = prefix;
    }

    /** A fresh plan: nothing fixed. */
    static Replan none(Network month) {
        return new Replan(month, List.of(), List.of(), Map.of(), "");
    }

    static Replan of(Network month, Plan published, LocalDate fixedThrough, long newPlanId) {
        Map<String, Site> sites = month.sitesById();
        List<PlannedTrip> fixed = published.trips().stream().filter(t -> !t.date().isAfter(fixedThrough))
                .sorted(Comparator.comparing(PlannedTrip::start)).toList();

        // food per (month lot id, site), moved by the fixed trips in time order
        Map<String, DonationLot> lots = month.lotsById();
        Map<String, Map<String, Long>> parts = new LinkedHashMap<>();
        Map<String, LocalDate> arrived = new HashMap<>();
        for (DonationLot lot : month.lots()) {
            parts.computeIfAbsent(lot.id(), k -> new LinkedHashMap<>()).merge(lot.siteId(), lot.grams(), Long::sum);
        }
        Map<String, ClassAmounts> delivered = new HashMap<>();
        // food the fixed trips left at a recipient for a serving day after fixedThrough is still in its fridge or
        // freezer on the first day of the re-plan (rule 9): the new trips get only the room that is left
        Map<String, LocalDate> servingDayOf = new HashMap<>();
        published.allocations().forEach(a -> servingDayOf.put(a.parcelId(), a.servingDay()));
        Map<String, ClassAmounts> stillHeld = new HashMap<>();
        Set<String> fixedParcels = new HashSet<>();
        for (PlannedTrip trip : fixed) {
            for (PlannedStop stop : trip.stops()) {
                Site site = sites.get(stop.siteId());
                for (Movement m : stop.movements()) {
                    if (m.parcelId() != null) {
                        fixedParcels.add(m.parcelId());
                    }
                    if (!lots.containsKey(m.lotId()) || site == null || m.kind() == MovementKind.PASS) {
                        continue; // PASS: the food stays on board, it is at no site
                    }
                    Map<String, Long> at = parts.get(m.lotId());
                    if (m.kind() == MovementKind.LOAD) {
                        at.merge(stop.siteId(), -m.grams(), Long::sum);
                    } else if (site.role() == SiteRole.RECIPIENT) {
                        ClassAmounts d = delivered.getOrDefault(site.id(), ClassAmounts.ZERO);
                        delivered.put(site.id(), d.with(m.temperature(), d.get(m.temperature()) + m.grams()));
                        LocalDate servingDay = servingDayOf.get(m.parcelId());
                        if (servingDay != null && servingDay.isAfter(fixedThrough)) {
                            ClassAmounts h = stillHeld.getOrDefault(site.id(), ClassAmounts.ZERO);
                            stillHeld.put(site.id(), h.with(m.temperature(), h.get(m.temperature()) + m.grams()));
                        }
                    } else {
                        at.merge(stop.siteId(), m.grams(), Long::sum);
                        arrived.merge(m.lotId() + PART + stop.siteId(), trip.date(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
        List<DonationLot> newLots = new ArrayList<>();
        Map<String, String> originalLot = new HashMap<>();
        parts.forEach((lotId, bySite) -> {
            DonationLot lot = lots.get(lotId);
            bySite.forEach((siteId, grams) -> {
                if (grams <= 0) {
                    return;
                }
                String id = siteId.equals(lot.siteId()) ? lotId : lotId + PART + siteId;
                LocalDate from = lot.availableFrom();
                LocalDate arrival = arrived.get(lotId + PART + siteId);
                if (arrival != null && arrival.isAfter(from)) {
                    from = arrival;
                }
                newLots.add(new DonationLot(id, lot.donorId(), siteId, lot.category(), lot.temperature(), grams,
                        lot.expiryDate(), lot.expiryKind(), from, lot.earmarkedFor()));
                originalLot.put(id, lotId);
            });
        });

        Network problem = withRoomLeft(fromDay(month, newLots, delivered, fixedThrough), stillHeld);
        List<Allocation> fixedAllocations = published.allocations().stream()
                .filter(a -> fixedParcels.contains(a.parcelId())).toList();
        return new Replan(problem, fixed, fixedAllocations, originalLot, "r" + newPlanId + "-");
    }

    /**
     * A fresh plan for a month in which food was already moved: the problem is the month as the stock ledger has
     * it ({@code atLedger}: lots where they are now, what recipients got), from the day after {@code today} on.
     * Nothing is fixed; the new trips get ids of their own ("f" + plan id), so that none repeats the id of a trip
     * of an earlier plan, whose ledger operation ids it would otherwise share.
     */
    static Replan fromLedger(LedgerMonth atLedger, LocalDate today, long newPlanId) {
        Network month = atLedger.network();
        return new Replan(fromDay(month, month.lots(), atLedger.delivered(), today), List.of(), List.of(), Map.of(),
                "f" + newPlanId + "-");
    }

    /**
     * The month from the day after {@code fixedThrough} on, with these lots: no availability and no serving
     * days on or before that day, and each recipient's need less what it got ({@code delivered}).
     */
    private static Network fromDay(Network month, List<DonationLot> lots, Map<String, ClassAmounts> delivered,
                                   LocalDate fixedThrough) {
        List<Driver> drivers = month.drivers().stream().map(d -> new Driver(d.id(), d.name(), d.contact(), d.home(),
                d.maxMinutesPerDay(), d.vehicleId(), d.slots().stream().filter(s -> s.date().isAfter(fixedThrough)).toList()))
                .toList();
        List<RecipientNeed> needs = new ArrayList<>();
        for (RecipientNeed need : month.needs()) {
            ClassAmounts got = delivered.getOrDefault(need.recipientId(), ClassAmounts.ZERO);
            ClassAmounts left = new ClassAmounts(Math.max(0, need.monthlyNeed().ambientGrams() - got.ambientGrams()),
                    Math.max(0, need.monthlyNeed().chilledGrams() - got.chilledGrams()),
                    Math.max(0, need.monthlyNeed().frozenGrams() - got.frozenGrams()));
            List<LocalDate> days = need.servingDays().stream().filter(d -> d.isAfter(fixedThrough)).toList();
            needs.add(days.isEmpty() ? new RecipientNeed(need.recipientId(), ClassAmounts.ZERO, List.of())
                    : new RecipientNeed(need.recipientId(), left, days));
        }
        return new Network(month.name(), month.settings(), month.sites(), needs, lots, month.vehicles(), drivers,
                month.travelMatrix());
    }

    /**
     * The network with each recipient's storage less what it still holds from the fixed trips (per class, never
     * below 0). What is held shrinks as its serving days pass; taking the room left on the first day for the whole
     * re-plan is on the safe side.
     */
    private static Network withRoomLeft(Network network, Map<String, ClassAmounts> stillHeld) {
        if (stillHeld.isEmpty()) {
            return network;
        }
        List<Site> sites = network.sites().stream().map(site -> {
            ClassAmounts held = stillHeld.get(site.id());
            if (held == null) {
                return site;
            }
            ClassAmounts cap = site.storageCapacity();
            ClassAmounts left = new ClassAmounts(Math.max(0, cap.ambientGrams() - held.ambientGrams()),
                    Math.max(0, cap.chilledGrams() - held.chilledGrams()), Math.max(0, cap.frozenGrams() - held.frozenGrams()));
            return new Site(site.id(), site.name(), site.kind(), site.municipality(), site.address(), site.contact(),
                    site.location(), site.openingHours(), site.closedDates(), site.serviceSeconds(), left,
                    site.servingDepotId());
        }).toList();
        return new Network(network.name(), network.settings(), sites, network.needs(), network.lots(), network.vehicles(),
                network.drivers(), network.travelMatrix());
    }

    /** The problem to solve. */
    Network problem() {
        return problem;
    }

    /** The fixed trips followed by the solved ones (renamed so that no trip or parcel id repeats). */
    Plan merge(Plan solved) {
        if (prefix.isEmpty()) {
            return solved;
        }
        List<PlannedTrip> trips = new ArrayList<>(fixedTrips);
        for (PlannedTrip t : solved.trips()) {
            trips.add(new PlannedTrip(prefix + t.id(), t.driverId(), t.vehicleId(), t.date(), t.start(), t.end(),
                    t.stops().stream().map(s -> new PlannedStop(s.siteId(), s.arrival(), s.serviceStart(), s.departure(),
                            s.movements().stream().map(m -> new Movement(m.kind(), lot(m.lotId()), m.temperature(), m.grams(),
                                    m.parcelId() == null ? null : prefix + m.parcelId(), m.recipientId())).toList())).toList()));
        }
        // a fixed parcel is planned when the fixed trips deliver it whole (rule 11); one they moved part of the way
        // hands its food on to the solved parcels of the lot's part where it is now
        Map<String, Long> delivered = new HashMap<>();
        for (PlannedTrip t : fixedTrips) {
            for (PlannedStop s : t.stops()) {
                for (Movement m : s.movements()) {
                    if (m.kind() == MovementKind.UNLOAD && s.siteId().equals(m.recipientId())) {
                        delivered.merge(m.parcelId(), m.grams(), Long::sum);
                    }
                }
            }
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Allocation a : fixedAllocations) {
            allocations.add(new Allocation(a.parcelId(), a.lotId(), a.recipientId(), a.servingDay(), a.grams(),
                    delivered.getOrDefault(a.parcelId(), 0L) == a.grams()));
        }
        for (Allocation a : solved.allocations()) {
            allocations.add(new Allocation(prefix + a.parcelId(), lot(a.lotId()), a.recipientId(), a.servingDay(), a.grams(),
                    a.planned()));
        }
        return new Plan(solved.networkName(), solved.month(), solved.score(), trips, allocations, solved.travelSource());
    }

    private String lot(String id) {
        return originalLot.getOrDefault(id, id);
    }
}
