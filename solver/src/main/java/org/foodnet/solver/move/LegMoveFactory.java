package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random moves that keep legs whole:
 * <ul>
 * <li>move a delivered leg (its pickup and drop) to another trip on a day it may travel, next to a stop
 * at the same site when there is one (consolidation) or anywhere;</li>
 * <li>deliver an undelivered parcel: all its legs into trips of suitable days;</li>
 * <li>give up a delivered parcel (all its legs back to the unplanned bucket), which frees room.</li>
 * </ul>
 */
public class LegMoveFactory implements MoveIteratorFactory<MonthPlan, Move<MonthPlan>> {

    @Override
    public long getSize(ScoreDirector<MonthPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getLegs().size() * 10L;
    }

    @Override
    public Iterator<Move<MonthPlan>> createOriginalMoveIterator(ScoreDirector<MonthPlan> scoreDirector) {
        throw new UnsupportedOperationException("LegMoveFactory only supports random selection");
    }

    @Override
    public Iterator<Move<MonthPlan>> createRandomMoveIterator(ScoreDirector<MonthPlan> scoreDirector, Random random) {
        MonthPlan plan = scoreDirector.getWorkingSolution();
        List<List<Trip>> byDay = new ArrayList<>();
        for (int d = 0; d < plan.getContext().days(); d++) {
            byDay.add(new ArrayList<>());
        }
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket()) {
                byDay.get(t.getDay()).add(t);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !plan.getLegs().isEmpty();
            }

            @Override
            public Move<MonthPlan> next() {
                int kind = random.nextInt(10);
                if (kind < 7) {
                    return relocateLeg(plan, byDay, random);
                } else if (kind < 9) {
                    return deliverParcel(plan, byDay, random);
                }
                return dropParcel(plan, random);
            }
        };
    }

    private static Move<MonthPlan> relocateLeg(MonthPlan plan, List<List<Trip>> byDay, Random random) {
        Leg leg = plan.getLegs().get(random.nextInt(plan.getLegs().size()));
        Trip target = randomTrip(leg, plan, byDay, random);
        if (target == null) {
            return noop(leg);
        }
        return insertLegs(new Leg[] {leg}, new Trip[] {target}, random);
    }

    private static Move<MonthPlan> deliverParcel(MonthPlan plan, List<List<Trip>> byDay, Random random) {
        List<Visit> bucket = plan.bucket().getVisits();
        if (bucket.isEmpty()) {
            return relocateLeg(plan, byDay, random);
        }
        Parcel parcel = bucket.get(random.nextInt(bucket.size())).getParcel();
        List<Leg> legs = parcel.getLegs();
        Leg[] l = legs.toArray(new Leg[0]);
        Trip[] targets = new Trip[l.length];
        // one trip for the whole chain when a volunteer can do it in one go, else a trip per leg in day order
        int lo = PlanningContext.dayOf(l[0].getReleaseMillis());
        int hi = Math.min(plan.getContext().days() - 1, PlanningContext.dayOf(parcel.lastLeg().dueMillis() - 1));
        if (hi < lo) {
            return noop(l[0]);
        }
        int day = lo;
        for (int i = 0; i < l.length; i++) {
            int d = day + random.nextInt(Math.max(1, (hi - day) / Math.max(1, l.length - i) + 1));
            Trip t = randomTripOn(byDay, Math.min(d, hi), l[i], random);
            if (t == null) {
                t = randomTripOn(byDay, day, l[i], random);
            }
            if (t == null) {
                return noop(l[0]);
            }
            targets[i] = t;
            day = t.getDay();
        }
        if (random.nextBoolean()) {
            Trip same = targets[0];
            for (int i = 0; i < l.length; i++) {
                targets[i] = same;
            }
        }
        return insertLegs(l, targets, random);
    }

    private static Move<MonthPlan> dropParcel(MonthPlan plan, Random random) {
        Leg leg = plan.getLegs().get(random.nextInt(plan.getLegs().size()));
        List<Leg> legs = leg.getParcel().getLegs();
        Visit[] v = new Visit[legs.size() * 2];
        Trip[] t = new Trip[v.length];
        int[] p = new int[v.length];
        Trip bucket = plan.bucket();
        for (int i = 0; i < legs.size(); i++) {
            v[2 * i] = legs.get(i).getPickup();
            v[2 * i + 1] = legs.get(i).getDrop();
        }
        for (int i = 0; i < v.length; i++) {
            t[i] = bucket;
            p[i] = Integer.MAX_VALUE;
        }
        return new RelocateMove(v, t, p);
    }

    private static Move<MonthPlan> insertLegs(Leg[] legs, Trip[] targets, Random random) {
        Visit[] v = new Visit[legs.length * 2];
        Trip[] t = new Trip[v.length];
        int[] p = new int[v.length];
        // sizes of the target lists once the moved visits are out of them
        java.util.Map<Trip, List<Visit>> after = new java.util.IdentityHashMap<>();
        for (Leg leg : legs) {
            for (Visit x : new Visit[] {leg.getPickup(), leg.getDrop()}) {
                after.computeIfAbsent(x.getTrip(), k -> new ArrayList<>(k.getVisits()));
            }
        }
        for (Trip target : targets) {
            after.computeIfAbsent(target, k -> new ArrayList<>(k.getVisits()));
        }
        for (Leg leg : legs) {
            after.get(leg.getPickup().getTrip()).remove(leg.getPickup());
            after.get(leg.getDrop().getTrip()).remove(leg.getDrop());
        }
        int lastPos = -1;
        Trip lastTrip = null;
        for (int i = 0; i < legs.length; i++) {
            List<Visit> list = after.get(targets[i]);
            int min = targets[i] == lastTrip ? lastPos + 1 : 0;
            int pickupAt = position(list, legs[i].getPickup().getPlace(), min, random);
            list.add(pickupAt, legs[i].getPickup());
            int dropAt = position(list, legs[i].getDrop().getPlace(), pickupAt + 1, random);
            list.add(dropAt, legs[i].getDrop());
            v[2 * i] = legs[i].getPickup();
            t[2 * i] = targets[i];
            p[2 * i] = pickupAt;
            v[2 * i + 1] = legs[i].getDrop();
            t[2 * i + 1] = targets[i];
            p[2 * i + 1] = dropAt;
            lastTrip = targets[i];
            lastPos = dropAt;
        }
        return new RelocateMove(v, t, p);
    }

    /** Next to a visit at the same place when there is one at or after {@code min}, else anywhere from min. */
    private static int position(List<Visit> list, int place, int min, Random random) {
        if (random.nextInt(4) != 0) {
            List<Integer> same = new ArrayList<>();
            for (int i = min; i < list.size(); i++) {
                if (list.get(i).getPlace() == place) {
                    same.add(i + 1);
                }
            }
            if (!same.isEmpty()) {
                return same.get(random.nextInt(same.size()));
            }
        }
        return min + random.nextInt(list.size() - min + 1);
    }

    private static Trip randomTrip(Leg leg, MonthPlan plan, List<List<Trip>> byDay, Random random) {
        int lo = leg.getUpstream() == null ? PlanningContext.dayOf(leg.getReleaseMillis())
                : dayOf(leg.getUpstream().getDrop(), PlanningContext.dayOf(leg.getReleaseMillis()));
        int hi = Math.min(plan.getContext().days() - 1,
                PlanningContext.dayOf(leg.getParcel().lastLeg().dueMillis() - 1));
        if (leg.getDownstream() != null) {
            hi = Math.min(hi, dayOf(leg.getDownstream().getPickup(), hi));
        }
        lo = Math.max(0, lo);
        if (hi < lo) {
            return null;
        }
        return randomTripOn(byDay, lo + random.nextInt(hi - lo + 1), leg, random);
    }

    private static int dayOf(Visit v, int otherwise) {
        return v.isPlanned() ? v.getTrip().getDay() : otherwise;
    }

    private static Trip randomTripOn(List<List<Trip>> byDay, int day, Leg leg, Random random) {
        if (day < 0 || day >= byDay.size()) {
            return null;
        }
        List<Trip> trips = byDay.get(day);
        if (trips.isEmpty()) {
            return null;
        }
        for (int tries = 0; tries < 4; tries++) {
            Trip t = trips.get(random.nextInt(trips.size()));
            if (t.capacity(leg.classIndex()) >= leg.getGrams()) {
                return t;
            }
        }
        return null;
    }

    private static Move<MonthPlan> noop(Leg leg) {
        Visit v = leg.getPickup();
        return new RelocateMove(new Visit[] {v}, new Trip[] {v.getTrip()},
                new int[] {v.getIndex() == null ? 0 : v.getIndex()});
    }
}
