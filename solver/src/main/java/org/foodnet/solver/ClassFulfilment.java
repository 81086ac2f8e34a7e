package org.foodnet.solver;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Fair shares per temperature class, recomputed from a plan's movements: for each recipient and class with a
 * need, delivered ÷ need, where delivered is every UNLOAD at that recipient's site of a lot of that class
 * (the lot's class as the network has it; the movement's when the lot is unknown).
 *
 * @param deliveredGrams recipient id → class → grams unloaded there (every recipient with a need)
 * @param needGrams      recipient id → class → monthly need (classes with a need only)
 */
public record ClassFulfilment(Map<String, Map<TemperatureClass, Long>> deliveredGrams,
                              Map<String, Map<TemperatureClass, Long>> needGrams) {

    public static ClassFulfilment of(Network network, Plan plan) {
        Map<String, Site> sites = network.sitesById();
        Map<String, DonationLot> lots = network.lotsById();
        Map<String, Map<TemperatureClass, Long>> delivered = new HashMap<>();
        for (PlannedTrip trip : plan.trips()) {
            for (PlannedStop stop : trip.stops()) {
                Site site = sites.get(stop.siteId());
                if (site == null || site.role() != SiteRole.RECIPIENT) {
                    continue;
                }
                for (Movement m : stop.movements()) {
                    if (m.kind() == MovementKind.UNLOAD) {
                        DonationLot lot = lots.get(m.lotId());
                        TemperatureClass c = lot != null ? lot.temperature() : m.temperature();
                        delivered.computeIfAbsent(site.id(), k -> new EnumMap<>(TemperatureClass.class))
                                .merge(c, m.grams(), Long::sum);
                    }
                }
            }
        }
        Map<String, Map<TemperatureClass, Long>> got = new LinkedHashMap<>();
        Map<String, Map<TemperatureClass, Long>> need = new LinkedHashMap<>();
        for (RecipientNeed n : network.needs()) {
            Map<TemperatureClass, Long> asked = new EnumMap<>(TemperatureClass.class);
            Map<TemperatureClass, Long> given = new EnumMap<>(TemperatureClass.class);
            for (TemperatureClass c : TemperatureClass.values()) {
                if (n.monthlyNeed().get(c) > 0) {
                    asked.put(c, n.monthlyNeed().get(c));
                    given.put(c, delivered.getOrDefault(n.recipientId(), Map.of()).getOrDefault(c, 0L));
                }
            }
            need.put(n.recipientId(), Collections.unmodifiableMap(asked));
            got.put(n.recipientId(), Collections.unmodifiableMap(given));
        }
        return new ClassFulfilment(Collections.unmodifiableMap(got), Collections.unmodifiableMap(need));
    }

    /** Recipient id → class → delivered ÷ need (3 decimals), for every recipient and class with a need. */
    public Map<String, Map<TemperatureClass, Double>> byRecipient() {
        Map<String, Map<TemperatureClass, Double>> result = new LinkedHashMap<>();
        needGrams.forEach((r, needs) -> {
            Map<TemperatureClass, Double> f = new EnumMap<>(TemperatureClass.class);
            needs.forEach((c, n) -> f.put(c, round3((double) deliveredGrams.get(r).get(c) / n)));
            result.put(r, f);
        });
        return result;
    }

    /** Per class, the lowest delivered ÷ need over recipients with a need of that class (classes nobody needs left out). */
    public Map<TemperatureClass, Double> minPerClass() {
        Map<TemperatureClass, Double> min = new EnumMap<>(TemperatureClass.class);
        needGrams.forEach((r, needs) -> needs.forEach((c, n) ->
                min.merge(c, (double) deliveredGrams.get(r).get(c) / n, Math::min)));
        min.replaceAll((c, v) -> round3(v));
        return min;
    }

    /**
     * The network's fulfilment of a class: F_c = Σ_r min(delivered_rc, need_rc) ÷ Σ_r need_rc; NaN when no
     * recipient needs the class.
     */
    public double networkFulfilment(TemperatureClass c) {
        long covered = 0;
        long needed = 0;
        for (var e : needGrams.entrySet()) {
            Long n = e.getValue().get(c);
            if (n != null) {
                needed += n;
                covered += Math.min(n, deliveredGrams.get(e.getKey()).get(c));
            }
        }
        return needed == 0 ? Double.NaN : (double) covered / needed;
    }

    /**
     * The lowest, over recipients r and classes c with a need, of min(1, delivered_rc ÷ need_rc) ÷ F_c (classes
     * with F_c = 0 left out); NaN when nothing is left.
     */
    public double minRelativePerClass() {
        double min = Double.NaN;
        for (var e : needGrams.entrySet()) {
            for (var need : e.getValue().entrySet()) {
                double f = networkFulfilment(need.getKey());
                if (!(f > 0)) {
                    continue;
                }
                double own = Math.min(1.0, (double) deliveredGrams.get(e.getKey()).get(need.getKey()) / need.getValue());
                double relative = own / f;
                min = Double.isNaN(min) ? relative : Math.min(min, relative);
            }
        }
        return Double.isNaN(min) ? min : round3(min);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
