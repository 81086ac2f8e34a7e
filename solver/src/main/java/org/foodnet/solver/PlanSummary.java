package org.foodnet.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.allocation.Allocator;
import org.foodnet.solver.allocation.FoodPaths;
import org.foodnet.solver.allocation.UnreachableNeed;

import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.Travel;

/**
 * The figures a coordinator (and the acceptance tests) look at first. {@code feasible} and
 * {@code violations} come from the independent {@link org.foodnet.solver.check.PlanChecker}, the kilograms
 * and kilometres are recomputed from the plan, only the three scores are the solver's own.
 *
 * @param deliverableKg the lesser of the total need and the supply usable in the month (available before
 *                      its last delivery day, inside the month)
 * @param plannedKg     delivered to recipients by the plan
 * @param unplannedKg   usable supply the plan does not deliver
 * @param expiredKg     food whose last delivery day falls in the month and that the plan does not deliver
 * @param minFulfilmentPerClass per class, the lowest delivered ÷ need over recipients with a need of that class
 * @param minRelativeFulfilmentPerClass the lowest, over recipients r and classes c with a need, of
 *                      min(1, delivered_rc ÷ need_rc) ÷ F_c, F_c = Σ_r min(delivered_rc, need_rc) ÷ Σ_r need_rc
 *                      (classes with F_c = 0 left out; 0 when none is left)
 * @param fulfilmentPerRecipientClass recipient id → temperature class → delivered ÷ need, for every class
 *                      the recipient needs (see {@link ClassFulfilment})
 * @param unreachableNeeds the needs (recipient and class) that no lot can reach on any serving day, so that no
 *                      plan delivers any of them (see {@link Allocator#unreachableNeeds}); looked for only among
 *                      the recipients and classes this plan delivers nothing to
 */
public record PlanSummary(long hardScore, long mediumScore, long softScore, boolean feasible, int violations,
                          double deliverableKg, double plannedKg, double unplannedKg, double expiredKg, int trips,
                          long drivingMinutes, double distanceKm, long msToFirstFeasible, long msTotal,
                          double minFulfilment, double maxFulfilment, Map<TemperatureClass, Double> minFulfilmentPerClass,
                          double minRelativeFulfilmentPerClass,
                          Map<String, Map<TemperatureClass, Double>> fulfilmentPerRecipientClass,
                          List<Unreachable> unreachableNeeds) {

    /**
     * A need no plan can deliver to: {@code reason} is {@link UnreachableNeed.Reason}'s name, {@code detail} the
     * same in a sentence naming the sites.
     */
    public record Unreachable(String recipientId, TemperatureClass temperature, double needKg, String reason,
                              String detail) {
    }

    public static PlanSummary of(Network network, SolveResult result, CheckReport report) {
        PlanningSettings settings = network.settings();
        long usable = 0;
        long expiring = 0;
        Map<String, Long> deliveredByLot = deliveredByLot(network, result.plan());
        for (DonationLot lot : network.lots()) {
            var first = lot.availableFrom().isBefore(settings.firstDay()) ? settings.firstDay() : lot.availableFrom();
            var last = settings.lastDeliveryDay(lot);
            if (!last.isBefore(first) && !first.isAfter(settings.lastDay())) {
                usable += lot.grams();
                if (!last.isAfter(settings.lastDay())) {
                    expiring += lot.grams() - deliveredByLot.getOrDefault(lot.id(), 0L);
                }
            }
        }
        long need = network.needs().stream().map(RecipientNeed::monthlyNeed).mapToLong(a -> a.totalGrams()).sum();
        long deliverable = Math.min(need, usable);
        ClassFulfilment perClass = ClassFulfilment.of(network, result.plan());
        return new PlanSummary(result.hard(), result.medium(), result.soft(), report.feasible(),
                report.violations().size(), kg(deliverable), kg(report.plannedGrams()),
                kg(Math.max(0, usable - report.plannedGrams())), kg(Math.max(0, expiring)), report.trips(),
                Math.round(report.drivingMillis() / 60_000.0), Math.round(report.distanceKm() * 10) / 10.0,
                result.msToFirstFeasible(), result.msTotal(), round3(report.minFulfilment()),
                round3(report.maxFulfilment()), perClass.minPerClass(), round3(perClass.minRelativePerClass()),
                perClass.byRecipient(), unreachable(network, perClass));
    }

    /** The needs of the recipients and classes the plan delivers nothing to that no plan could reach. */
    private static List<Unreachable> unreachable(Network network, ClassFulfilment perClass) {
        java.util.Set<String> empty = new java.util.HashSet<>();
        perClass.deliveredGrams().forEach((r, byClass) -> byClass.forEach((c, g) -> {
            if (g <= 0) {
                empty.add(r + "|" + c);
            }
        }));
        if (empty.isEmpty()) {
            return List.of();
        }
        Allocator allocator = new Allocator(network, new FoodPaths(network, Travel.of(network)));
        List<Unreachable> out = new ArrayList<>();
        for (UnreachableNeed u : allocator.unreachableNeeds((r, c) -> empty.contains(r + "|" + c))) {
            out.add(new Unreachable(u.recipientId(), u.temperature(), kg(u.needGrams()), u.reason().name(), u.detail()));
        }
        return List.copyOf(out);
    }

    private static Map<String, Long> deliveredByLot(Network network, Plan plan) {
        Map<String, Long> delivered = new HashMap<>();
        var sites = network.sitesById();
        for (PlannedTrip trip : plan.trips()) {
            for (PlannedStop stop : trip.stops()) {
                var site = sites.get(stop.siteId());
                if (site == null || site.role() != org.foodnet.solver.domain.SiteRole.RECIPIENT) {
                    continue;
                }
                for (Movement m : stop.movements()) {
                    if (m.kind() == MovementKind.UNLOAD) {
                        delivered.merge(m.lotId(), m.grams(), Long::sum);
                    }
                }
            }
        }
        return delivered;
    }

    private static double kg(long grams) {
        return Grams.toKg(grams);
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? 0.0 : Math.round(v * 1000) / 1000.0;
    }
}
