package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Takes some visits out of wherever they are and puts them into trips at given positions, in order (each
 * position counts after the removals and the insertions before it). Moving a leg's pickup and drop
 * together keeps the pair on one trip, which the built-in single-element list moves cannot.
 */
public final class RelocateMove extends AbstractMove<MonthPlan> {

    private final Visit[] visits;
    private final Trip[] targets;
    private final int[] positions;

    public RelocateMove(Visit[] visits, Trip[] targets, int[] positions) {
        this.visits = visits;
        this.targets = targets;
        this.positions = positions;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<MonthPlan> scoreDirector) {
        for (int i = 0; i < visits.length; i++) {
            if (visits[i].getTrip() != targets[i] || visits[i].getIndex() == null
                    || visits[i].getIndex() != positions[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected AbstractMove<MonthPlan> createUndoMove(ScoreDirector<MonthPlan> scoreDirector) {
        Integer[] order = new Integer[visits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // re-inserting in ascending original position per trip restores every list exactly
        Arrays.sort(order, Comparator.comparing((Integer i) -> visits[i].getTrip().getId())
                .thenComparingInt(i -> visits[i].getIndex()));
        Visit[] v = new Visit[visits.length];
        Trip[] t = new Trip[visits.length];
        int[] p = new int[visits.length];
        for (int k = 0; k < order.length; k++) {
            v[k] = visits[order[k]];
            t[k] = v[k].getTrip();
            p[k] = v[k].getIndex();
        }
        return new RelocateMove(v, t, p);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<MonthPlan> sd) {
        // work out every touched list's new content first, then tell the score director once per list
        // with the smallest changed range (queued notifications must describe one consistent change)
        for (var entry : preview().entrySet()) {
            Trip trip = entry.getKey();
            List<Visit> now = trip.getVisits();
            List<Visit> next = entry.getValue();
            int from = 0;
            while (from < now.size() && from < next.size() && now.get(from) == next.get(from)) {
                from++;
            }
            int tailNow = now.size();
            int tailNext = next.size();
            while (tailNow > from && tailNext > from && now.get(tailNow - 1) == next.get(tailNext - 1)) {
                tailNow--;
                tailNext--;
            }
            if (from == tailNow && from == tailNext) {
                continue;
            }
            sd.beforeListVariableChanged(trip, "visits", from, tailNow);
            List<Visit> changed = now.subList(from, tailNow);
            changed.clear();
            changed.addAll(next.subList(from, tailNext));
            sd.afterListVariableChanged(trip, "visits", from, tailNext);
        }
    }

    /** Every touched trip's visits as they are after this move (the trips themselves are not changed). */
    java.util.Map<Trip, List<Visit>> preview() {
        java.util.Map<Trip, List<Visit>> lists = new java.util.LinkedHashMap<>();
        for (int i = 0; i < visits.length; i++) {
            lists.computeIfAbsent(visits[i].getTrip(), t -> new ArrayList<>(t.getVisits()));
            lists.computeIfAbsent(targets[i], t -> new ArrayList<>(t.getVisits()));
        }
        for (Visit v : visits) {
            lists.get(v.getTrip()).remove(v);
        }
        for (int i = 0; i < visits.length; i++) {
            List<Visit> list = lists.get(targets[i]);
            list.add(Math.min(positions[i], list.size()), visits[i]);
        }
        return lists;
    }

    @Override
    public RelocateMove rebase(ScoreDirector<MonthPlan> destination) {
        Visit[] v = new Visit[visits.length];
        Trip[] t = new Trip[visits.length];
        for (int i = 0; i < visits.length; i++) {
            v[i] = destination.lookUpWorkingObject(visits[i]);
            t[i] = destination.lookUpWorkingObject(targets[i]);
        }
        return new RelocateMove(v, t, positions.clone());
    }

    @Override
    public Collection<?> getPlanningEntities() {
        LinkedHashSet<Object> entities = new LinkedHashSet<>();
        for (int i = 0; i < visits.length; i++) {
            entities.add(visits[i].getTrip());
            entities.add(targets[i]);
        }
        entities.remove(null);
        return new ArrayList<>(entities);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return Arrays.asList(visits);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RelocateMove";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelocateMove other && Arrays.equals(visits, other.visits)
                && Arrays.equals(targets, other.targets) && Arrays.equals(positions, other.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(visits), Arrays.hashCode(targets), Arrays.hashCode(positions));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < visits.length; i++) {
            sb.append(visits[i]).append(" -> ").append(targets[i]).append('[').append(positions[i]).append("] ");
        }
        return sb.toString().trim();
    }
}
