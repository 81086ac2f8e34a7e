package org.foodnet.solver.insert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foodnet.solver.construct.Inserter.Insertion;
import org.foodnet.solver.model.Trip;
import org.junit.jupiter.api.Test;

class CandidateTripsTest {

    /** Ten trips; trip i has rank 10 - i (the last is the closest) and, when it fits, insertion cost cost[i]. */
    private final List<Trip> trips = new ArrayList<>();
    private final Map<Trip, Integer> index = new IdentityHashMap<>();
    private final List<Integer> examined = new ArrayList<>();

    CandidateTripsTest() {
        for (int i = 0; i < 10; i++) {
            Trip t = new Trip();
            trips.add(t);
            index.put(t, i);
        }
    }

    private Insertion run(int near, int limit, Set<Integer> atSite, Set<Integer> empty, long[] cost) {
        examined.clear();
        return CandidateTrips.cheapest(trips, t -> 10 - index.get(t), near, limit,
                t -> atSite.contains(index.get(t)), t -> empty.contains(index.get(t)),
                t -> {
                    int i = index.get(t);
                    examined.add(i);
                    return cost[i] < 0 ? null : new Insertion(t, 0, 1, cost[i]);
                });
    }

    @Test
    void examinesTheClosestUpToTheLimitAndKeepsTheCheapest() {
        long[] cost = {1, 1, 1, 1, 1, 50, 40, 60, 70, 80};
        Insertion best = run(3, 3, Set.of(), Set.of(), cost);
        assertEquals(List.of(9, 8, 7), examined);
        assertSame(trips.get(7), best.trip());
        assertEquals(60, best.cost());
    }

    @Test
    void afterTheNearOnesOnlyTripsAtTheSiteCount() {
        long[] cost = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        run(2, 4, Set.of(6, 3, 0), Set.of(), cost);
        assertEquals(List.of(9, 8, 6, 3), examined);
    }

    @Test
    void oneEmptyTripBeyondTheLimitOnlyWhenNothingFitted() {
        long[] none = {-1, 7, -1, 3, -1, -1, -1, -1, -1, -1};
        Insertion best = run(2, 2, Set.of(), Set.of(3, 1), none);
        assertEquals(List.of(9, 8, 3), examined);
        assertEquals(3, best.cost());

        long[] fits = {-1, 7, -1, 3, -1, -1, -1, -1, 9, -1};
        best = run(2, 2, Set.of(), Set.of(3, 1), fits);
        assertEquals(List.of(9, 8), examined);
        assertEquals(9, best.cost());
    }

    @Test
    void equalRanksKeepTheCandidatesOrderAndNothingFitsGivesNull() {
        examined.clear();
        Insertion best = CandidateTrips.cheapest(trips, t -> 0, 4, 4, t -> true, t -> false, t -> {
            examined.add(index.get(t));
            return null;
        });
        assertEquals(List.of(0, 1, 2, 3), examined);
        assertNull(best);
    }
}
