package org.foodnet.solver.insert;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.foodnet.solver.construct.Inserter;
import org.foodnet.solver.construct.Inserter.Insertion;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Which trips an insertion looks at and in what order, shared by construction and the insertion moves: a trip
 * is a candidate when it has room for the leg's class and the recipient fits (see {@link #fits}); candidates are
 * ranked and the closest examined in full (see {@link #cheapest}).
 */
public final class CandidateTrips {

    /** Candidate trips gathered per leg before ranking (a small month never reaches it). */
    public static final int GATHER = 256;

    /** Ranking trips by closeness: an empty trip counts as this much further away (a volunteer's extra trip). */
    public static final long EMPTY_TRIP = 30 * PlanningContext.MINUTE;

    private CandidateTrips() {
    }

    /** Whether the trip, now holding {@code seq}, has room for the leg's class and its recipient fits. */
    public static boolean fits(Leg leg, Trip t, List<Visit> seq) {
        return t.capacity(leg.classIndex()) >= leg.getGrams() && Inserter.recipientFits(leg, seq);
    }

    /**
     * The cheapest insertion into these candidate trips, taken in order of {@code rank} (lowest first; equal
     * ranks keep the candidates' order). The first {@code near} examined trips may be any; after them only
     * trips for which {@code atSite} holds count, up to {@code limit} examined in all; beyond those, one empty
     * trip more ({@code empty}), only when nothing fitted so far. {@code evaluate} gives a trip's cheapest
     * insertion or null when the leg does not fit there. Null when nothing fits.
     */
    public static Insertion cheapest(List<Trip> candidates, ToLongFunction<Trip> rank, int near, int limit,
                                     Predicate<Trip> atSite, Predicate<Trip> empty, Function<Trip, Insertion> evaluate) {
        long[] ranks = new long[candidates.size()];
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            ranks[i] = rank.applyAsLong(candidates.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ranks[i]));
        Insertion best = null;
        int examined = 0;
        boolean emptyTried = false;
        for (Integer i : order) {
            Trip t = candidates.get(i);
            boolean isEmpty = empty.test(t);
            if (examined >= limit && (best != null || emptyTried)) {
                break; // nothing further would be examined
            }
            if (examined >= limit || (examined >= near && !atSite.test(t))) {
                // beyond the closest trips: one empty trip more, only when nothing fitted so far
                if (best != null || emptyTried || !isEmpty) {
                    continue;
                }
            }
            examined++;
            emptyTried |= isEmpty;
            Insertion ins = evaluate.apply(t);
            if (ins != null && (best == null || ins.cost() < best.cost())) {
                best = ins;
            }
        }
        return best;
    }
}
