package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Trip;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * A phase between two parts of local search that drives fewer trips (route minimisation after Nagata and Bräysy
 * 2009, Nagata and Kobayashi 2010): again and again, one of a few driven trips drawn at random (the one with fewest
 * stops) is emptied by {@link BestInsertion#minimiseRoutes}: an ejection pool worked on with perturbations until it
 * empties or the attempt's time ({@link #ATTEMPT_SHARE} of the phase) is up. A move that empties its trip is kept
 * when the plan's score is better for it (so it stays feasible and delivers as much; a trip fewer outweighs the
 * driving it adds unless the weights say otherwise), else undone. The phase runs only on a feasible plan that
 * delivers everything it can (medium score 0): while food is left undelivered, room on the trips is better used for
 * it (see {@link OperatorMix#stepStarted}). It ends after its time, or after {@link #GIVE_UP} attempts in a row
 * failed; local search goes on from there. Local search before this phase leaves route elimination
 * ({@link OperatorMix.Kind#ELIMINATE}) out; after it, route elimination goes on (see FoodnetSolver).
 */
public final class RouteMinimisation implements CustomPhaseCommand<MonthPlan> {

    /**
     * Legs moved off their trips after each ejection, each to a trip drawn at random (Nagata and Bräysy make many
     * random moves; 8, each to its cheapest place, emptied no trip where a few long trips are driven).
     */
    static final int PERTURBATIONS = 30;
    /**
     * Attempts in a row that may fail before the phase ends early: a failed attempt has used its whole time, and the
     * local search makes better use of what is left (the distance it drives).
     */
    static final int GIVE_UP = 2;
    /** The longest one attempt may take, as a share of the phase's time. */
    static final double ATTEMPT_SHARE = 0.25;
    /** Trips drawn for an attempt; the one with fewest visits is emptied. */
    static final int DRAWS = 3;

    private final long millis;
    private final long seed;
    /** Trips emptied and attempts made (for tests and the debug line). */
    private int emptied;
    private int attempts;

    /** A phase of at most {@code millis} milliseconds, its draws from {@code seed}. */
    public RouteMinimisation(long millis, long seed) {
        this.millis = millis;
        this.seed = seed;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<MonthPlan> scoreDirector) {
        @SuppressWarnings("unchecked")
        InnerScoreDirector<MonthPlan, HardMediumSoftLongScore> sd = (InnerScoreDirector<MonthPlan, HardMediumSoftLongScore>) scoreDirector;
        HardMediumSoftLongScore score = sd.calculateScore();
        if (millis <= 0 || !score.isSolutionInitialized() || score.hardScore() < 0 || score.mediumScore() < 0) {
            return;
        }
        long begin = System.nanoTime();
        long end = begin + millis * 1_000_000;
        long attemptNanos = (long) (millis * 1_000_000 * ATTEMPT_SHARE);
        MonthPlan plan = sd.getWorkingSolution();
        Random random = new Random(seed);
        int[] failures = new int[plan.getLegs().size()];
        int failedInRow = 0;
        while (System.nanoTime() < end) {
            List<List<Trip>> byDay = new ArrayList<>();
            for (int d = 0; d < plan.getContext().days(); d++) {
                byDay.add(new ArrayList<>());
            }
            List<Trip> driven = new ArrayList<>();
            for (Trip t : plan.getTrips()) {
                if (!t.isBucket()) {
                    byDay.get(t.getDay()).add(t);
                    if (!t.getVisits().isEmpty()) {
                        driven.add(t);
                    }
                }
            }
            if (driven.size() <= 1 || failedInRow >= GIVE_UP) {
                break;
            }
            Trip trip = null;
            for (int i = 0; i < DRAWS; i++) {
                Trip t = driven.get(random.nextInt(driven.size()));
                if (trip == null || t.getVisits().size() < trip.getVisits().size()) {
                    trip = t;
                }
            }
            attempts++;
            long deadline = Math.min(end, System.nanoTime() + attemptNanos);
            RelocateMove move = new BestInsertion(plan, byDay).minimiseRoutes(trip, failures, deadline, PERTURBATIONS, random);
            if (move == null || !move.isMoveDoable(sd)) {
                failedInRow++;
                continue;
            }
            var undo = move.doMove(sd);
            HardMediumSoftLongScore after = sd.calculateScore();
            if (after.compareTo(score) <= 0) {
                undo.doMove(sd);
                sd.calculateScore();
                failedInRow++;
                continue;
            }
            score = after;
            emptied++;
            failedInRow = 0;
        }
        if (Boolean.getBoolean("foodnet.debug")) {
            System.err.printf("route minimisation: %d trips emptied in %d attempts, %d ms%n", emptied, attempts,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    int emptied() {
        return emptied;
    }
}
