package org.foodnet.solver.move;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.check.Violation;
import org.foodnet.solver.check.ViolationKind;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanExport;
import org.foodnet.solver.model.Shadows;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route elimination with an ejection pool ({@link BestInsertion#eliminate}) on the demo month after construction:
 * a move it builds empties the chosen trip, puts every leg on a trip that is driven already, keeps every visit
 * exactly once and both ends of every leg on one trip, and breaks none of the rules it is built to keep (the
 * checker finds nothing but the storage rules, which the score judges); some eliminations need ejections.
 */
class RouteEliminationTest {

    /** Storage over days is judged by the score, not by the move (see BestInsertion). */
    private static final Set<ViolationKind> SCORED = EnumSet.of(ViolationKind.STORAGE_CAPACITY,
            ViolationKind.RECIPIENT_STORAGE, ViolationKind.RECIPIENT_HOLDING);

    private static Network network;
    private static MonthPlan plan;
    private static List<List<Trip>> byDay;

    @BeforeAll
    static void construct() {
        network = DemoNetworkGenerator.generate(1, 1);
        SolveOptions options = SolveOptions.of(Duration.ofSeconds(30)).withStepLimit(1);
        plan = SolverFactory.<MonthPlan>create(FoodnetSolver.solverConfig(options)).buildSolver()
                .solve(FoodnetSolver.model(network, options));
        byDay = new ArrayList<>();
        for (int d = 0; d < plan.getContext().days(); d++) {
            byDay.add(new ArrayList<>());
        }
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket()) {
                byDay.get(t.getDay()).add(t);
            }
        }
    }

    @Test
    void anEliminationEmptiesItsTripOntoDrivenTripsAndBreaksNoTripRule() {
        assertThat(unscoredViolations()).as("the constructed month").isEmpty();
        int[] failures = new int[plan.getLegs().size()];
        Random random = new Random(3);
        List<Trip> driven = drivenSmallestFirst();
        int made = 0;
        int withEjections = 0;
        int checked = 0;
        for (Trip trip : driven) {
            BestInsertion insertion = new BestInsertion(plan, byDay);
            RelocateMove move = insertion.eliminate(trip, failures, trip.getVisits().size() / 2 + 10, random);
            if (move == null) {
                continue;
            }
            made++;
            if (insertion.lastEjections > 0) {
                withEjections++;
            }
            if (keepsEveryRule(move, trip, checked < 6)) {
                checked++;
            }
        }
        assertThat(made).as("eliminations found on the demo month").isPositive();
        assertThat(withEjections).as("eliminations that needed ejections (of %d)", made).isPositive();
        assertThat(java.util.Arrays.stream(failures).sum()).as("legs that fitted nowhere are counted").isPositive();
    }

    /**
     * Long route minimisation ({@link BestInsertion#minimiseRoutes}): the ejection pool worked on with perturbations
     * until a deadline; a move it builds empties its trip and keeps the same rules as a plain elimination, though
     * the perturbations move other legs between driven trips too.
     */
    @Test
    void routeMinimisationEmptiesItsTripAndBreaksNoTripRule() {
        int[] failures = new int[plan.getLegs().size()];
        Random random = new Random(5);
        List<Trip> driven = drivenSmallestFirst();
        int made = 0;
        int perturbedToo = 0;
        for (Trip trip : driven.subList(0, Math.min(12, driven.size()))) {
            BestInsertion insertion = new BestInsertion(plan, byDay);
            RelocateMove move = insertion.minimiseRoutes(trip, failures, System.nanoTime() + 300_000_000L,
                    RouteMinimisation.PERTURBATIONS, random);
            if (move == null) {
                continue;
            }
            made++;
            int ownVisits = trip.getVisits().size();
            if (move.getPlanningEntities().size() > 1 && countMoved(move) > ownVisits) {
                perturbedToo++;
            }
            keepsEveryRule(move, trip, made <= 4);
        }
        assertThat(made).as("route minimisations that emptied one of the 12 smallest trips").isPositive();
        assertThat(perturbedToo).as("moves that moved other legs besides the trip's own (of %d)", made).isPositive();
    }

    /** The driven trips, fewest visits first. */
    private static List<Trip> drivenSmallestFirst() {
        List<Trip> driven = new ArrayList<>();
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket() && !t.getVisits().isEmpty()) {
                driven.add(t);
            }
        }
        driven.sort(java.util.Comparator.comparingInt((Trip t) -> t.getVisits().size()).thenComparing(Trip::getId));
        return driven;
    }

    /** Visits whose trip or position the move changes. */
    private static int countMoved(RelocateMove move) {
        int n = 0;
        for (Map.Entry<Trip, List<Visit>> e : move.preview().entrySet()) {
            List<Visit> now = e.getKey().getVisits();
            for (int i = 0; i < e.getValue().size(); i++) {
                if (i >= now.size() || now.get(i) != e.getValue().get(i)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The move empties {@code trip}, keeps every visit exactly once and both ends of every leg on one trip, puts
     * nothing on a trip that was not driven and nothing in a bucket; with {@code apply}, the plan after it breaks no
     * rule the move is built to keep (it is applied and put back). Returns whether it was applied.
     */
    private static boolean keepsEveryRule(RelocateMove move, Trip trip, boolean apply) {
        Map<Trip, List<Visit>> after = move.preview();
        assertThat(after.get(trip)).as("the trip is emptied").isEmpty();
        Map<Visit, Trip> where = MovePreviews.placesAfter(after);
        for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
            if (e.getKey() != trip && !e.getValue().isEmpty()) {
                assertThat(e.getKey().getVisits()).as("%s was driven before", e.getKey()).isNotEmpty();
            }
        }
        for (Map.Entry<Visit, Trip> e : where.entrySet()) {
            assertThat(e.getValue().isBucket()).as("%s stays delivered", e.getKey()).isFalse();
        }
        if (apply) {
            // apply it, check the plan, put it back
            Map<Trip, List<Visit>> saved = new java.util.LinkedHashMap<>();
            for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
                saved.put(e.getKey(), new ArrayList<>(e.getKey().getVisits()));
                e.getKey().getVisits().clear();
                e.getKey().getVisits().addAll(e.getValue());
            }
            Shadows.rebuild(plan);
            List<Violation> broken = unscoredViolations();
            for (Map.Entry<Trip, List<Visit>> e : saved.entrySet()) {
                e.getKey().getVisits().clear();
                e.getKey().getVisits().addAll(e.getValue());
            }
            Shadows.rebuild(plan);
            assertThat(broken).as("eliminating %s", trip).isEmpty();
            return true;
        }
        return false;
    }

    private static List<Violation> unscoredViolations() {
        CheckReport report = PlanChecker.check(network, PlanExport.toPlan(plan));
        return report.violations().stream().filter(v -> !SCORED.contains(v.kind())).toList();
    }
}
