package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The near-place route moves on the demo month after construction: what each move would make of the trips it
 * touches keeps every visit exactly once, every leg's pickup and drop on one trip with the pickup first, and
 * makes the stop the move aims at.
 */
class NearbyMovesTest {

    private static MonthPlan plan;
    private static NearbyMoves nearby;

    @BeforeAll
    static void construct() {
        plan = TestNetworks.constructedDemo();
        nearby = new NearbyMoves(plan);
    }

    @Test
    void orOptKeepsPairsAndPutsTheRunNextToANearVisit() {
        int made = check(nearby::relocate);
        assertThat(made).as("or-opt moves found in 2,000 tries").isGreaterThan(200);
    }

    @Test
    void exchangeKeepsPairs() {
        int made = check(nearby::swap);
        assertThat(made).as("exchanges found in 2,000 tries").isGreaterThan(50);
    }

    @Test
    void twoOptStarKeepsPairsAndSwapsTails() {
        int made = check(nearby::twoOptStar);
        assertThat(made).as("2-opt* moves found in 2,000 tries").isGreaterThan(100);
    }

    @Test
    void twoOptKeepsPairsAndReversesARun() {
        int made = check(nearby::twoOpt);
        assertThat(made).as("2-opt moves found in 2,000 tries").isGreaterThan(50);
    }

    @Test
    void twoOptStarJoinsTheVisitToItsNearNeighbour() {
        Random random = new Random(3);
        int joined = 0;
        for (int k = 0; k < 2000; k++) {
            Visit v = plannedVisit(random);
            RelocateMove move = nearby.twoOptStar(v, random);
            if (move == null || v.isPickup()) {
                // a pickup goes along with its drop when that is in the tail
                continue;
            }
            List<Visit> after = move.preview().get(v.getTrip());
            assertThat(after).as("v keeps its place in its trip's head").contains(v);
            assertThat(after.subList(after.indexOf(v) + 1, after.size()))
                    .as("after v, %s drives on with another trip's visits", move)
                    .anyMatch(x -> x.getTrip() != v.getTrip());
            joined++;
        }
        assertThat(joined).as("2-opt* moves checked").isGreaterThan(50);
    }

    private static int check(BiFunction<Visit, Random, RelocateMove> generator) {
        Random random = new Random(11);
        int made = 0;
        for (int k = 0; k < 2000; k++) {
            Visit v = plannedVisit(random);
            RelocateMove move = generator.apply(v, random);
            if (move == null) {
                continue;
            }
            made++;
            Map<Trip, List<Visit>> after = move.preview();
            Map<Visit, Integer> seen = new IdentityHashMap<>();
            List<Visit> before = new ArrayList<>();
            for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
                before.addAll(e.getKey().getVisits());
                List<Visit> list = e.getValue();
                for (int i = 0; i < list.size(); i++) {
                    assertThat(seen.put(list.get(i), i)).as("%s appears once after %s", list.get(i), move).isNull();
                }
            }
            assertThat(seen.keySet()).as("no visit lost or added by %s", move).containsExactlyInAnyOrderElementsOf(before);
            for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
                List<Visit> list = e.getValue();
                for (int i = 0; i < list.size(); i++) {
                    Visit x = list.get(i);
                    Visit other = x.isPickup() ? x.getLeg().getDrop() : x.getLeg().getPickup();
                    assertThat(list).as("%s has its other end on the same trip after %s", x, move).contains(other);
                    int j = list.indexOf(other);
                    assertThat(x.isPickup() ? i < j : j < i).as("pickup before drop for %s after %s", x, move).isTrue();
                }
            }
            assertThat(after.values().stream().anyMatch(l -> !l.equals(tripsBefore(after, l))))
                    .as("%s changes something", move).isTrue();
        }
        return made;
    }

    private static List<Visit> tripsBefore(Map<Trip, List<Visit>> after, List<Visit> list) {
        for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
            if (e.getValue() == list) {
                return e.getKey().getVisits();
            }
        }
        throw new IllegalStateException();
    }

    private static Visit plannedVisit(Random random) {
        List<Visit> visits = plan.getVisits();
        while (true) {
            Visit v = visits.get(random.nextInt(visits.size()));
            if (v.isPlanned()) {
                return v;
            }
        }
    }
}
