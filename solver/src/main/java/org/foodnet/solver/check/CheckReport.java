package org.foodnet.solver.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link PlanChecker} found: every violated hard rule, and totals recomputed from the plan's own trips
 * (never from the solver's score).
 *
 * @param violations                every broken hard rule, in the order found (trips in plan order, then
 *                                  overlaps, stock and storage)
 * @param deliveredGramsByRecipient grams unloaded at each recipient site (every recipient site of the
 *                                  network, 0 when nothing arrives), whether or not the unload is allowed
 * @param plannedGrams              the sum of {@code deliveredGramsByRecipient}
 * @param drivingMillis             the sum over trips of the travel times home, stop 1, ..., home
 * @param distanceKm                the same paths in kilometres
 * @param trips                     trips with at least one stop
 * @param fulfilmentByRecipient     delivered grams / total monthly need, for every recipient with a need
 *                                  above zero
 */
public record CheckReport(List<Violation> violations, Map<String, Long> deliveredGramsByRecipient, long plannedGrams,
                          long drivingMillis, double distanceKm, int trips, Map<String, Double> fulfilmentByRecipient) {

    public CheckReport {
        violations = List.copyOf(violations);
        deliveredGramsByRecipient = Collections.unmodifiableMap(new LinkedHashMap<>(deliveredGramsByRecipient));
        fulfilmentByRecipient = Collections.unmodifiableMap(new LinkedHashMap<>(fulfilmentByRecipient));
    }

    /** True when the plan breaks no hard rule. */
    public boolean feasible() {
        return violations.isEmpty();
    }

    /** The violations of one kind. */
    public List<Violation> violations(ViolationKind kind) {
        Objects.requireNonNull(kind, "kind");
        return violations.stream().filter(v -> v.kind() == kind).toList();
    }

    /** How many violations of each kind (kinds without violations are absent). */
    public Map<ViolationKind, Integer> countByKind() {
        Map<ViolationKind, Integer> counts = new EnumMap<>(ViolationKind.class);
        for (Violation v : violations) {
            counts.merge(v.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** Grams unloaded at a recipient (0 for any other id). */
    public long deliveredGrams(String recipientId) {
        return deliveredGramsByRecipient.getOrDefault(recipientId, 0L);
    }

    /**
     * Delivered grams / total monthly need of a recipient; {@code NaN} for a recipient without need (or an id
     * that is not a recipient).
     */
    public double fulfilment(String recipientId) {
        return fulfilmentByRecipient.getOrDefault(recipientId, Double.NaN);
    }

    /** The lowest fulfilment over recipients with a need; {@code NaN} when no recipient has a need. */
    public double minFulfilment() {
        return fulfilmentByRecipient.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The highest fulfilment over recipients with a need; {@code NaN} when no recipient has a need. */
    public double maxFulfilment() {
        return fulfilmentByRecipient.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** One line for logs and the command line. */
    public String summary() {
        return (feasible() ? "feasible" : "INFEASIBLE (" + violations.size() + " violations: " + countByKind() + ")")
                + "; " + trips + " trips, " + Words.duration(drivingMillis) + " driving, "
                + String.format(java.util.Locale.ROOT, "%.1f", distanceKm) + " km, "
                + Words.kg(plannedGrams) + " delivered";
    }
}
