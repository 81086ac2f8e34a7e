package org.foodnet.api.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.foodnet.solver.ClassFulfilment;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.Violation;
import org.foodnet.solver.check.ViolationKind;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * A plan's score explained per constraint, in words naming trips, sites, lots and volunteers. Built from the
 * independent checker's report (hard rules) and from the plan itself (medium and soft rules); the solver's own
 * per-constraint justifications are not available for a stored plan yet.
 */
record Explanation(long planId, String score, boolean feasible, String summary, Map<String, Long> weights,
                   List<Rule> constraints, List<Recipient> recipients) {

    /** One rule: its level, weight, how many things it matched, a sentence, and the matches (at most 50). */
    record Rule(String name, String level, long weight, int matches, String summary, List<String> details,
                String title, String what) {

        Rule(String name, String level, long weight, int matches, String summary, List<String> details) {
            this(name, level, weight, matches, summary, details, name, null);
        }
    }

    /**
     * The same explanation with each rule's {@code title} and {@code what} (what the rule does) from the message
     * bundles ({@code rule.<name>.title}, {@code .what}), and its summary and details, in {@code locale}'s language.
     */
    Explanation inWords(org.springframework.context.MessageSource messages, Locale locale) {
        List<Rule> worded = constraints.stream().map(r -> {
            String key = "rule." + ruleKey(r.name());
            return new Rule(r.name(), r.level(), r.weight(), r.matches(),
                    org.foodnet.api.web.Translations.translate(r.summary(), messages, locale),
                    r.details().stream().map(d -> org.foodnet.api.web.Translations.translate(d, messages, locale)).toList(),
                    messages.getMessage(key + ".title", null, r.name(), locale), messages.getMessage(key + ".what", null, null, locale));
        }).toList();
        return new Explanation(planId, score, feasible, summary, weights, worded, recipients);
    }

    /** A rule's name as a bundle key: lower case, every other character than a letter or digit a '-'. */
    static String ruleKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * A recipient's share: need, what the plan delivers, fulfilment 0..1, and per temperature class it needs
     * delivered ÷ that class's need.
     */
    record Recipient(String id, String name, double needKg, double plannedKg, double fulfilment,
                     Map<TemperatureClass, Double> fulfilmentPerClass) {
    }

    private static final int MAX_DETAILS = 50;
    private static final Map<String, String> LEVEL = new HashMap<>();
    private static final Map<ViolationKind, String> RULE_OF = new EnumMap<>(ViolationKind.class);

    static {
        for (String hard : List.of(FoodnetConstraints.PAIR, FoodnetConstraints.PRECEDENCE, FoodnetConstraints.LOT_AVAILABLE,
                FoodnetConstraints.CAPACITY, FoodnetConstraints.OPENING, FoodnetConstraints.AVAILABILITY,
                FoodnetConstraints.DAY_LENGTH, FoodnetConstraints.USE_BY, FoodnetConstraints.SERVING_DAY,
                FoodnetConstraints.STORAGE, FoodnetConstraints.RECIPIENT_STORAGE)) {
            LEVEL.put(hard, "HARD");
        }
        LEVEL.put(FoodnetConstraints.UNDELIVERED, "MEDIUM");
        RULE_OF.put(ViolationKind.UNKNOWN_REFERENCE, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.INCOMPLETE, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.INCONSISTENT_MOVEMENT, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.UNLOAD_NOT_ON_BOARD, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.NOT_EMPTY_AT_END, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.DRIVER_AVAILABILITY, FoodnetConstraints.AVAILABILITY);
        RULE_OF.put(ViolationKind.OVERLAPPING_TRIPS, FoodnetConstraints.AVAILABILITY);
        RULE_OF.put(ViolationKind.DRIVER_MAX_MINUTES, FoodnetConstraints.DAY_LENGTH);
        RULE_OF.put(ViolationKind.TRAVEL_TIME, FoodnetConstraints.OPENING);
        RULE_OF.put(ViolationKind.OPENING_HOURS, FoodnetConstraints.OPENING);
        RULE_OF.put(ViolationKind.SAME_SITE_TWICE, FoodnetConstraints.OPENING);
        RULE_OF.put(ViolationKind.VEHICLE_CAPACITY, FoodnetConstraints.CAPACITY);
        RULE_OF.put(ViolationKind.STOCK, FoodnetConstraints.PRECEDENCE);
        RULE_OF.put(ViolationKind.USE_BY, FoodnetConstraints.USE_BY);
        RULE_OF.put(ViolationKind.SERVING_DAY, FoodnetConstraints.SERVING_DAY);
        RULE_OF.put(ViolationKind.WRONG_RECIPIENT, FoodnetConstraints.SERVING_DAY);
        RULE_OF.put(ViolationKind.STORAGE_CAPACITY, FoodnetConstraints.STORAGE);
        RULE_OF.put(ViolationKind.RECIPIENT_STORAGE, FoodnetConstraints.RECIPIENT_STORAGE);
        RULE_OF.put(ViolationKind.RECIPIENT_HOLDING, FoodnetConstraints.RECIPIENT_STORAGE);
        // rules 10-13 have no constraint of their own (the solver keeps them by construction)
        RULE_OF.put(ViolationKind.FOOD_PATH, FoodnetConstraints.PAIR);
        RULE_OF.put(ViolationKind.PARCEL, FoodnetConstraints.SERVING_DAY);
        RULE_OF.put(ViolationKind.VEHICLE_SHARED, FoodnetConstraints.AVAILABILITY);
        RULE_OF.put(ViolationKind.OUTSIDE_MONTH, FoodnetConstraints.AVAILABILITY);
    }

    static Explanation of(long planId, Network network, Plan plan, CheckReport report, Map<String, Long> weights) {
        Map<String, Site> sites = network.sitesById();
        Map<String, Driver> drivers = network.driversById();
        Map<String, DonationLot> lots = network.lotsById();
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (Violation v : report.violations()) {
            byRule.computeIfAbsent(RULE_OF.getOrDefault(v.kind(), FoodnetConstraints.PAIR), k -> new ArrayList<>())
                    .add(v.kind() + ": " + v.message());
        }
        List<Rule> rules = new ArrayList<>();
        for (String name : FoodnetConstraints.NAMES) {
            long weight = weights.getOrDefault(name, 1L);
            String level = LEVEL.getOrDefault(name, "SOFT");
            if (level.equals("HARD")) {
                List<String> found = byRule.getOrDefault(name, List.of());
                rules.add(new Rule(name, level, weight, found.size(), found.isEmpty()
                        ? "Kept: the independent plan checker finds no breach of this rule."
                        : found.size() + " breach(es) found by the independent plan checker.", cap(found)));
            }
        }
        rules.add(undelivered(plan, sites, lots, weights));
        rules.add(fairShares(network, report, sites, weights));
        rules.addAll(driving(plan, report, sites, drivers, weights));
        rules.add(stranded(plan, sites, lots, weights));
        rules.add(new Rule(FoodnetConstraints.STABILITY, "SOFT", weights.getOrDefault(FoodnetConstraints.STABILITY, 1L), 0,
                "Only for re-plans and resumed jobs: while solving, food carried on another trip than in the plan they"
                        + " start from costs like 30 minutes of driving, so volunteers keep the trips they were told.",
                List.of()));

        List<Recipient> recipients = new ArrayList<>();
        Map<String, Map<TemperatureClass, Double>> perClass = ClassFulfilment.of(network, plan).byRecipient();
        for (RecipientNeed need : network.needs()) {
            Site s = sites.get(need.recipientId());
            long got = report.deliveredGrams(need.recipientId());
            long asked = need.monthlyNeed().totalGrams();
            recipients.add(new Recipient(need.recipientId(), s == null ? need.recipientId() : s.name(), Grams.toKg(asked),
                    Grams.toKg(got), asked == 0 ? 1.0 : Math.round(1000.0 * got / asked) / 1000.0,
                    perClass.getOrDefault(need.recipientId(), Map.of())));
        }
        return new Explanation(planId, plan.score(), report.feasible(), report.summary(), weights, rules, recipients);
    }

    private static Rule undelivered(Plan plan, Map<String, Site> sites, Map<String, DonationLot> lots, Map<String, Long> weights) {
        List<String> details = new ArrayList<>();
        long grams = 0;
        for (Allocation a : plan.allocations()) {
            if (!a.planned()) {
                grams += a.grams();
                DonationLot lot = lots.get(a.lotId());
                details.add(Grams.kgText(a.grams()) + " of lot " + a.lotId()
                        + (lot == null ? "" : " (" + lot.category() + ", " + lot.temperature().word() + ", "
                        + lot.expiryKind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + lot.expiryDate() + ")")
                        + " meant for " + site(sites, a.recipientId()) + " for " + a.servingDay() + " is not delivered");
            }
        }
        String name = FoodnetConstraints.UNDELIVERED;
        return new Rule(name, "MEDIUM", weights.getOrDefault(name, 1L), details.size(), details.isEmpty()
                ? "Every parcel the plan meant to move is delivered."
                : Grams.kgText(grams) + " in " + details.size() + " parcel(s) do not reach people (short-lived food counts more).",
                cap(details));
    }

    private static Rule fairShares(Network network, CheckReport report, Map<String, Site> sites, Map<String, Long> weights) {
        List<Map.Entry<String, Double>> shares = new ArrayList<>(report.fulfilmentByRecipient().entrySet());
        shares.sort(Map.Entry.comparingByValue());
        List<String> details = shares.stream().map(e -> site(sites, e.getKey()) + " gets " + percent(e.getValue())
                + " of its need (" + Grams.kgText(report.deliveredGrams(e.getKey())) + " of "
                + Grams.kgText(need(network, e.getKey())) + ")").toList();
        String name = FoodnetConstraints.FAIR_SHARES;
        String summary = shares.isEmpty() ? "No recipient has a need this month."
                : "Fulfilment ranges from " + percent(report.minFulfilment()) + " to " + percent(report.maxFulfilment())
                + "; the least served recipients count most.";
        return new Rule(name, "SOFT", weights.getOrDefault(name, 1L), shares.size(), summary, cap(details));
    }

    private static List<Rule> driving(Plan plan, CheckReport report, Map<String, Site> sites, Map<String, Driver> drivers,
                                      Map<String, Long> weights) {
        List<String> trips = new ArrayList<>();
        Map<String, Long> minutesByDriver = new LinkedHashMap<>();
        Map<String, Integer> tripsByDriver = new LinkedHashMap<>();
        List<PlannedTrip> sorted = plan.trips().stream().filter(t -> !t.stops().isEmpty())
                .sorted(Comparator.comparing(PlannedTrip::start)).toList();
        for (PlannedTrip t : sorted) {
            long minutes = Duration.between(t.start(), t.end()).toMinutes();
            minutesByDriver.merge(t.driverId(), minutes, Long::sum);
            tripsByDriver.merge(t.driverId(), 1, Integer::sum);
            trips.add("Trip " + t.id() + " of " + driver(drivers, t.driverId()) + " on " + t.date() + ", "
                    + t.start().toLocalTime() + "-" + t.end().toLocalTime() + " (" + minutes + " min door to door): "
                    + String.join(" → ", t.stops().stream().map(s -> site(sites, s.siteId())).toList()));
        }
        List<String> balance = minutesByDriver.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> driver(drivers, e.getKey()) + ": " + tripsByDriver.get(e.getKey()) + " trip(s), "
                        + e.getValue() + " min").toList();
        long drivingMinutes = Math.round(report.drivingMillis() / 60_000.0);
        return List.of(
                new Rule(FoodnetConstraints.DRIVING, "SOFT", weights.getOrDefault(FoodnetConstraints.DRIVING, 1L), sorted.size(),
                        drivingMinutes + " min of driving, " + String.format(Locale.ROOT, "%.1f", report.distanceKm())
                                + " km in " + sorted.size() + " trip(s).", cap(trips)),
                new Rule(FoodnetConstraints.TRIPS, "SOFT", weights.getOrDefault(FoodnetConstraints.TRIPS, 1L), sorted.size(),
                        sorted.size() + " trip(s), each a volunteer's day (counted as 60 min of driving).",
                        cap(tripsByDriver.entrySet().stream().map(e -> driver(drivers, e.getKey()) + ": " + e.getValue()
                                + " trip(s)").toList())),
                new Rule(FoodnetConstraints.BALANCE, "SOFT", weights.getOrDefault(FoodnetConstraints.BALANCE, 1L),
                        minutesByDriver.size(), minutesByDriver.size() + " volunteer(s) drive; the busiest count most.",
                        cap(balance)));
    }

    private static Rule stranded(Plan plan, Map<String, Site> sites, Map<String, DonationLot> lots, Map<String, Long> weights) {
        Map<String, Long> moved = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        Map<String, String> lotOf = new HashMap<>();
        for (PlannedTrip t : plan.trips()) {
            for (PlannedStop s : t.stops()) {
                Site site = sites.get(s.siteId());
                for (Movement m : s.movements()) {
                    if (m.parcelId() == null) {
                        continue;
                    }
                    lotOf.put(m.parcelId(), m.lotId());
                    if (m.kind() == MovementKind.LOAD) {
                        moved.merge(m.parcelId(), m.grams(), Math::max);
                    } else if (site != null && site.role() == SiteRole.RECIPIENT) {
                        delivered.add(m.parcelId());
                    }
                }
            }
        }
        List<String> details = new ArrayList<>();
        long grams = 0;
        for (Map.Entry<String, Long> e : moved.entrySet()) {
            if (!delivered.contains(e.getKey())) {
                grams += e.getValue();
                details.add(Grams.kgText(e.getValue()) + " of lot " + lotOf.get(e.getKey()) + " (parcel " + e.getKey()
                        + ") is moved but not delivered");
            }
        }
        details.sort(Comparator.naturalOrder());
        String name = FoodnetConstraints.STRANDED;
        return new Rule(name, "SOFT", weights.getOrDefault(name, 1L), details.size(), details.isEmpty()
                ? "No food is moved part of the way and left." : Grams.kgText(grams) + " moved part of the way but not delivered.",
                cap(details));
    }

    private static long need(Network network, String recipientId) {
        return network.needs().stream().filter(n -> n.recipientId().equals(recipientId))
                .mapToLong(n -> n.monthlyNeed().totalGrams()).sum();
    }

    private static String site(Map<String, Site> sites, String id) {
        Site s = sites.get(id);
        return s == null ? id : s.name() + " (" + id + ")";
    }

    private static String driver(Map<String, Driver> drivers, String id) {
        Driver d = drivers.get(id);
        return d == null ? id : d.name() + " (" + id + ")";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : Math.round(share * 100) + " %";
    }

    private static List<String> cap(List<String> items) {
        return items.size() <= MAX_DETAILS ? items : items.subList(0, MAX_DETAILS);
    }
}
