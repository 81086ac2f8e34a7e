package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.construct.Nearby;
import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Route moves guided by nearness (the classic vehicle-routing neighbourhoods, restricted to a visit's
 * nearest places so that most tries join two stops that belong together):
 * <ul>
 * <li>{@link #relocate}: a run of one to three drops (with their pickups) moved next to a near visit, on
 * the same trip or another one of a day the drop may travel (or-opt);</li>
 * <li>{@link #swap}: a drop and a near one on another trip change places;</li>
 * <li>{@link #twoOptStar}: two trips of a day swap their tails so that a visit is followed by a near one;</li>
 * <li>{@link #twoOpt}: a trip's run between a visit and a near one is driven the other way round.</li>
 * </ul>
 * Every leg keeps its pickup and drop on one trip, pickup first: a pickup whose drop changes trip goes along
 * into the new trip's part before the drop, next to a stop at the same place when there is one. Everything
 * else (time windows, capacity, precedence along a parcel's chain, storage) is left to the score.
 */
final class NearbyMoves {

    /** Near places looked at per visit. */
    static final int NEAR = 12;

    private final PlanningContext ctx;
    private final int[] places;
    private final Map<Integer, List<Visit>> atPlace = new HashMap<>();
    private final Map<Integer, int[]> nearest = new HashMap<>();

    NearbyMoves(MonthPlan plan) {
        this.ctx = plan.getContext();
        for (Visit v : plan.getVisits()) {
            atPlace.computeIfAbsent(v.getPlace(), k -> new ArrayList<>()).add(v);
        }
        places = atPlace.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Whether these moves were built for this plan's places (the factory keeps them across steps). */
    boolean isFor(MonthPlan plan) {
        return plan.getContext() == ctx;
    }

    /** The {@link #NEAR} places closest to this one (both ways), itself excluded; computed once per place. */
    private int[] nearest(int place) {
        int[] near = nearest.get(place);
        if (near == null) {
            near = Arrays.stream(Nearby.nearest(ctx, place, places, NEAR + 1)).filter(p -> p != place)
                    .limit(NEAR).toArray();
            nearest.put(place, near);
        }
        return near;
    }

    /** The drop of the visit's leg when the visit is planned, else null. */
    private static Visit plannedDrop(Visit v) {
        return v == null || !v.isPlanned() ? null : v.getLeg().getDrop();
    }

    /** A planned visit at a place near {@code v}'s, on a trip of a day {@code v}'s leg may travel; null if none found. */
    private Visit nearVisit(Visit v, Random random, boolean otherTrip) {
        int[] near = nearest(v.getPlace());
        if (near.length == 0) {
            return null;
        }
        int lo = firstDay(v.getLeg());
        int hi = lastDay(v.getLeg());
        for (int tries = 0; tries < 4; tries++) {
            List<Visit> there = atPlace.get(near[random.nextInt(near.length)]);
            for (int t = 0; t < 3; t++) {
                Visit w = there.get(random.nextInt(there.size()));
                if (w.isPlanned() && w.getTrip().getDay() >= lo && w.getTrip().getDay() <= hi
                        && (!otherTrip || w.getTrip() != v.getTrip())) {
                    return w;
                }
            }
        }
        return null;
    }

    private int firstDay(Leg leg) {
        int lo = DayWindow.releaseDay(leg);
        if (leg.getUpstream() != null && leg.getUpstream().getDrop().isPlanned()) {
            lo = Math.max(lo, leg.getUpstream().getDrop().getTrip().getDay());
        }
        return lo;
    }

    private int lastDay(Leg leg) {
        int hi = DayWindow.lastDay(leg, ctx.days());
        if (leg.getDownstream() != null && leg.getDownstream().getPickup().isPlanned()) {
            hi = Math.min(hi, leg.getDownstream().getPickup().getTrip().getDay());
        }
        return hi;
    }

    /**
     * Or-opt towards a near visit: up to three drops in a row from a trip, with their pickups, put right after
     * (or before) a visit at a near place. Null when no such move was found.
     */
    RelocateMove relocate(Visit visit, Random random) {
        Visit v = plannedDrop(visit);
        Visit w = v == null ? null : nearVisit(v, random, false);
        if (w == null) {
            return null;
        }
        Trip from = v.getTrip();
        Trip to = w.getTrip();
        List<Visit> source = from.getVisits();
        int start = v.getIndex();
        int length = 1 + random.nextInt(3);
        List<Visit> run = new ArrayList<>();
        for (int i = start; i < source.size() && run.size() < length; i++) {
            Visit x = source.get(i);
            if (x.isPickup() || x == w) {
                break;
            }
            run.add(x);
        }
        List<Visit> pickups = new ArrayList<>();
        for (Visit x : run) {
            pickups.add(x.getLeg().getPickup());
        }
        if (run.isEmpty() || pickups.contains(w)) {
            return null;
        }
        List<Visit> a = new ArrayList<>(source);
        a.removeAll(run);
        a.removeAll(pickups);
        List<Visit> b = to == from ? a : new ArrayList<>(to.getVisits());
        int at = b.indexOf(w) + (random.nextInt(3) == 0 ? 0 : 1);
        b.addAll(at, run);
        for (Visit p : pickups) {
            placePickup(b, p, at);
            at++;
        }
        return rewrite(from, a, to, b);
    }

    /**
     * Exchange: a drop and a drop at a near place on another trip swap places (each with its pickup), when each
     * may travel on the other's day.
     */
    RelocateMove swap(Visit visit, Random random) {
        Visit v = plannedDrop(visit);
        Visit w = v == null ? null : plannedDrop(nearVisit(v, random, true));
        if (w == null) {
            return null;
        }
        Trip ta = v.getTrip();
        Trip tb = w.getTrip();
        if (ta == tb || ta.getDay() < firstDay(w.getLeg()) || ta.getDay() > lastDay(w.getLeg())) {
            return null;
        }
        return rewrite(ta, replaced(ta.getVisits(), v, w), tb, replaced(tb.getVisits(), w, v));
    }

    /** The list with {@code in} (and its pickup) where {@code out} was, without {@code out}'s pickup. */
    private static List<Visit> replaced(List<Visit> list, Visit out, Visit in) {
        List<Visit> seq = new ArrayList<>(list);
        seq.set(seq.indexOf(out), in);
        seq.remove(out.getLeg().getPickup());
        placePickup(seq, in.getLeg().getPickup(), seq.indexOf(in));
        return seq;
    }

    /**
     * 2-opt*: {@code v}'s trip keeps its part up to {@code v} and continues with a near visit's trip from that
     * visit on; the other trip takes over {@code v}'s old continuation. Same day only.
     */
    RelocateMove twoOptStar(Visit v, Random random) {
        if (v == null || !v.isPlanned()) {
            return null;
        }
        Visit w = nearVisit(v, random, true);
        if (w == null || w.getTrip().getDay() != v.getTrip().getDay()) {
            return null;
        }
        Trip ta = v.getTrip();
        Trip tb = w.getTrip();
        List<Visit> headA = new ArrayList<>(ta.getVisits().subList(0, v.getIndex() + 1));
        List<Visit> tailA = new ArrayList<>(ta.getVisits().subList(v.getIndex() + 1, ta.getVisits().size()));
        List<Visit> headB = new ArrayList<>(tb.getVisits().subList(0, w.getIndex()));
        List<Visit> tailB = new ArrayList<>(tb.getVisits().subList(w.getIndex(), tb.getVisits().size()));
        if (tailA.isEmpty() && headB.isEmpty()) {
            return null;
        }
        List<Visit> toA = pickupsOf(tailB, headB);
        List<Visit> toB = pickupsOf(tailA, headA);
        headA.removeAll(toB);
        headB.removeAll(toA);
        return rewrite(ta, join(headA, toA, tailB), tb, join(headB, toB, tailA));
    }

    /** The pickups in {@code head} of the drops in {@code tail}. */
    private static List<Visit> pickupsOf(List<Visit> tail, List<Visit> head) {
        List<Visit> out = new ArrayList<>();
        for (Visit x : tail) {
            if (!x.isPickup() && head.contains(x.getLeg().getPickup())) {
                out.add(x.getLeg().getPickup());
            }
        }
        return out;
    }

    /** The head, the pickups placed into it, then the tail. */
    private static List<Visit> join(List<Visit> head, List<Visit> pickups, List<Visit> tail) {
        List<Visit> out = new ArrayList<>(head);
        int at = out.size();
        for (Visit p : pickups) {
            placePickup(out, p, at);
            at++;
        }
        out.addAll(tail);
        return out;
    }

    /**
     * 2-opt within a trip: the visits after {@code v} up to a near visit on the same trip are driven in reverse
     * order, so that {@code v} is followed by the near one. Null when the run holds both ends of a leg.
     */
    RelocateMove twoOpt(Visit v, Random random) {
        if (v == null || !v.isPlanned()) {
            return null;
        }
        Trip trip = v.getTrip();
        Visit w = null;
        for (int tries = 0; tries < 3 && w == null; tries++) {
            Visit x = nearVisit(v, random, false);
            if (x != null && x.getTrip() == trip) {
                w = x;
            }
        }
        if (w == null) {
            return null;
        }
        int i = Math.min(v.getIndex(), w.getIndex());
        int j = Math.max(v.getIndex(), w.getIndex());
        if (j <= i + 1) {
            return null;
        }
        List<Visit> seq = new ArrayList<>(trip.getVisits());
        List<Visit> run = seq.subList(i + 1, j + 1);
        Map<Leg, Boolean> seen = new IdentityHashMap<>();
        for (Visit x : run) {
            if (seen.put(x.getLeg(), Boolean.TRUE) != null) {
                return null;
            }
        }
        java.util.Collections.reverse(run);
        return rewrite(trip, seq, trip, seq);
    }

    /** Puts the pickup into the list at or before {@code limit}: right after the last visit at its place before it, else at {@code limit}. */
    private static int placePickup(List<Visit> list, Visit pickup, int limit) {
        int at = limit;
        for (int i = limit - 1; i >= 0; i--) {
            if (list.get(i).getPlace() == pickup.getPlace()) {
                at = i + 1;
                break;
            }
        }
        list.add(at, pickup);
        return at;
    }

    /** A move that gives the trips exactly these lists; null when they are as they were. */
    private static RelocateMove rewrite(Trip ta, List<Visit> a, Trip tb, List<Visit> b) {
        if (a.equals(ta.getVisits()) && b.equals(tb.getVisits())) {
            return null;
        }
        int n = a.size() + (ta == tb ? 0 : b.size());
        Visit[] v = new Visit[n];
        Trip[] t = new Trip[n];
        int[] p = new int[n];
        int k = 0;
        for (int i = 0; i < a.size(); i++, k++) {
            v[k] = a.get(i);
            t[k] = ta;
            p[k] = i;
        }
        if (ta != tb) {
            for (int i = 0; i < b.size(); i++, k++) {
                v[k] = b.get(i);
                t[k] = tb;
                p[k] = i;
            }
        }
        return new RelocateMove(v, t, p);
    }
}
