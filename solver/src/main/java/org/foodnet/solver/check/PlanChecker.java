package org.foodnet.solver.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * The independent proof that a month plan is feasible: it checks a {@link Plan} against every hard rule of
 * {@code docs/planning-rules.md} and lists each violation in plain words.
 *
 * <p>The checker shares nothing with the solver but the domain, the plan records and {@code Travel}: it never
 * reads the solver's score, its constraints or any OptaPlanner class, and it recomputes everything (what is
 * on board, where each lot is, storage levels, totals) from the plan's trips, stops and movements alone. A
 * plan the checker accepts can be handed to volunteers whatever produced it; a disagreement with the solver's
 * score points at a bug in one of them.
 *
 * <p>How it works: each trip is checked on its own (driver, driving, opening hours, on-board food,
 * deliveries; {@link TripRules}); then the trips of each driver are checked for overlaps; finally all loads
 * and unloads of all trips are sorted once and replayed in time order to prove stock and precedence across
 * trips and days and the daily storage levels of the hub and depots ({@link StockLedger}); then each
 * parcel's path, in time order, is matched against the allowed paths ({@link FoodPathRules}). Times are local
 * date-times of the network, compared in milliseconds with no tolerance, exactly as the rules state them.
 * Where a plan names something the network lacks, that is reported and left out of the other checks.
 * Work grows with the number of movements (plus trips x availability slots of their driver and sites x
 * days of the month), so a month at ten times Tottori's size (about 2,500 trips, 50,000 movements) takes
 * well under a second.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    /** Checks the plan against the network; never throws for a plan that is merely wrong. */
    public static CheckReport check(Network network, Plan plan) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(plan, "plan");
        CheckContext ctx = new CheckContext(network, plan);
        checkMonth(ctx);
        checkParcels(ctx);
        StockLedger ledger = new StockLedger(ctx);
        Totals totals = new Totals(ctx);
        TripRules tripRules = new TripRules(ctx, ledger, totals);
        for (PlannedTrip trip : plan.trips()) {
            tripRules.check(trip);
        }
        checkOverlaps(ctx);
        checkSharedVehicles(ctx);
        ledger.check();
        new RecipientStorage(ctx).check();
        checkPlannedFlags(ctx, totals);
        FoodPathRules.check(ctx);
        return totals.report();
    }

    /** The plan must be for the month the network describes. */
    private static void checkMonth(CheckContext ctx) {
        if (!ctx.network.settings().month().equals(ctx.plan.month())) {
            ctx.report(ViolationKind.UNKNOWN_REFERENCE, "The plan is for " + ctx.plan.month() + ", but network "
                    + ctx.network.name() + " is planned for " + ctx.network.settings().month());
        }
    }

    /**
     * Every parcel belongs to a lot and a recipient of the network, under an id of its own; rule 11: its serving
     * day is one of the recipient's and not after the lot's last delivery day, and a lot's parcels fit the lot.
     */
    private static void checkParcels(CheckContext ctx) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> allocatedByLot = new LinkedHashMap<>();
        Map<String, Set<java.time.LocalDate>> servingDays = new HashMap<>();
        for (RecipientNeed need : ctx.network.needs()) {
            servingDays.put(need.recipientId(), new HashSet<>(need.servingDays()));
        }
        // a parcel whose food the trips move part of the way but do not deliver has handed its food on (re-plans
        // carry it on as a new parcel from where it is): it does not count against its lot
        Set<String> moved = new HashSet<>();
        ctx.plan.trips().forEach(t -> t.stops().forEach(s -> s.movements().forEach(m -> moved.add(m.parcelId()))));
        for (Allocation parcel : ctx.plan.allocations()) {
            DonationLot lot = ctx.lots.get(parcel.lotId());
            boolean handedOn = !parcel.planned() && moved.contains(parcel.parcelId());
            if (lot != null && !seen.contains(parcel.parcelId()) && !handedOn) {
                allocatedByLot.merge(lot.id(), parcel.grams(), Long::sum);
            }
            if (parcel.servingDay() != null && ctx.sites.containsKey(parcel.recipientId())
                    && !servingDays.getOrDefault(parcel.recipientId(), Set.of()).contains(parcel.servingDay())) {
                ctx.report(ViolationKind.PARCEL, "Parcel " + parcel.parcelId() + " is for " + parcel.servingDay()
                        + ", which is not one of the serving days of " + Words.site(ctx.sites.get(parcel.recipientId())));
            }
            if (lot != null && parcel.servingDay() != null
                    && parcel.servingDay().isAfter(ctx.network.settings().lastDeliveryDay(lot))) {
                ctx.report(ViolationKind.PARCEL, "Parcel " + parcel.parcelId() + " of " + Words.lot(lot) + " is for "
                        + parcel.servingDay() + ", after the lot's last delivery day "
                        + ctx.network.settings().lastDeliveryDay(lot));
            }
            if (!seen.add(parcel.parcelId())) {
                ctx.report(ViolationKind.UNKNOWN_REFERENCE, "Parcel id " + parcel.parcelId()
                        + " appears more than once in the plan; its movements are read as the first one");
            }
            if (!ctx.lots.containsKey(parcel.lotId())) {
                ctx.report(ViolationKind.UNKNOWN_REFERENCE, "Parcel " + parcel.parcelId() + " is part of lot "
                        + parcel.lotId() + ", which is not a lot of the network");
            }
            Site recipient = ctx.sites.get(parcel.recipientId());
            if (recipient == null || recipient.role() != SiteRole.RECIPIENT) {
                ctx.report(ViolationKind.UNKNOWN_REFERENCE, "Parcel " + parcel.parcelId() + " is for "
                        + parcel.recipientId() + ", which is not a recipient of the network");
            }
            if (parcel.grams() <= 0) {
                ctx.report(ViolationKind.PARCEL, "Parcel " + parcel.parcelId() + " has " + parcel.grams()
                        + " g; a parcel has more than 0 g");
            }
        }
        for (Map.Entry<String, Long> entry : allocatedByLot.entrySet()) {
            DonationLot lot = ctx.lots.get(entry.getKey());
            if (entry.getValue() > lot.grams()) {
                ctx.report(ViolationKind.PARCEL, "The parcels of " + Words.lot(lot) + " add up to "
                        + Words.kg(entry.getValue()) + ", but the lot has " + Words.kg(lot.grams()));
            }
        }
    }

    /**
     * Rule 11: a planned parcel is unloaded at its recipient in full by the trips, a parcel not planned not at
     * all.
     */
    private static void checkPlannedFlags(CheckContext ctx, Totals totals) {
        Set<String> seen = new HashSet<>();
        for (Allocation parcel : ctx.plan.allocations()) {
            if (!seen.add(parcel.parcelId())) {
                continue;
            }
            long delivered = totals.delivered(parcel.parcelId(), parcel.recipientId());
            if (parcel.planned() && delivered != parcel.grams()) {
                ctx.report(ViolationKind.PARCEL, "Parcel " + parcel.parcelId() + " (" + Words.kg(parcel.grams())
                        + ") is marked planned, but the trips unload " + Words.kg(delivered) + " of it at its recipient "
                        + ctx.siteName(parcel.recipientId()));
            } else if (!parcel.planned() && delivered != 0) {
                ctx.report(ViolationKind.PARCEL, "Parcel " + parcel.parcelId() + " is marked not planned, but the trips"
                        + " unload " + Words.kg(delivered) + " of it at its recipient " + ctx.siteName(parcel.recipientId()));
            }
        }
    }

    /** Rule 12: trips of different drivers never use one vehicle at overlapping times. */
    private static void checkSharedVehicles(CheckContext ctx) {
        Map<String, List<PlannedTrip>> byVehicle = new LinkedHashMap<>();
        for (PlannedTrip trip : ctx.plan.trips()) {
            if (trip.vehicleId() != null && trip.start() != null && trip.end() != null && trip.date() != null) {
                byVehicle.computeIfAbsent(trip.vehicleId(), id -> new ArrayList<>()).add(trip);
            }
        }
        for (List<PlannedTrip> trips : byVehicle.values()) {
            trips.sort(Comparator.comparing(PlannedTrip::start).thenComparing(PlannedTrip::end));
            List<PlannedTrip> running = new ArrayList<>();
            for (PlannedTrip trip : trips) {
                running.removeIf(r -> !trip.start().isBefore(r.end()));
                for (PlannedTrip other : running) {
                    if (!Objects.equals(other.driverId(), trip.driverId())) {
                        ctx.report(ViolationKind.VEHICLE_SHARED, "Trips " + other.id() + " of "
                                + ctx.driverName(other.driverId()) + " (" + span(other) + ") and " + trip.id() + " of "
                                + ctx.driverName(trip.driverId()) + " (" + span(trip) + ") both use vehicle "
                                + trip.vehicleId() + " at the same time");
                    }
                }
                running.add(trip);
            }
        }
    }

    /** Rule 1: a driver's trips never overlap (one may start the instant the other ends). */
    private static void checkOverlaps(CheckContext ctx) {
        Map<String, List<PlannedTrip>> byDriver = new LinkedHashMap<>();
        for (PlannedTrip trip : ctx.plan.trips()) {
            if (trip.driverId() != null && trip.start() != null && trip.end() != null && trip.date() != null) {
                byDriver.computeIfAbsent(trip.driverId(), id -> new ArrayList<>()).add(trip);
            }
        }
        for (List<PlannedTrip> trips : byDriver.values()) {
            trips.sort(Comparator.comparing(PlannedTrip::start).thenComparing(PlannedTrip::end));
            PlannedTrip latest = null;
            for (PlannedTrip trip : trips) {
                if (latest != null && trip.start().isBefore(latest.end())) {
                    ctx.report(ViolationKind.OVERLAPPING_TRIPS, "Trips " + latest.id() + " (" + span(latest) + ") and "
                            + trip.id() + " (" + span(trip) + ") of " + ctx.driverName(trip.driverId()) + " overlap");
                }
                if (latest == null || trip.end().isAfter(latest.end())) {
                    latest = trip;
                }
            }
        }
    }

    private static String span(PlannedTrip trip) {
        return trip.start().toLocalDate() + " " + Words.clock(trip.start().toLocalTime()) + "-"
                + (trip.end().toLocalDate().equals(trip.start().toLocalDate()) ? "" : trip.end().toLocalDate() + " ")
                + Words.clock(trip.end().toLocalTime());
    }
}
