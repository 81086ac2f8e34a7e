package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random moves that keep every leg's pickup and drop on one trip (the built-in single-element list moves
 * between trips would always break a pair):
 * <ul>
 * <li>move a leg (its pickup and drop) to a trip of a day it may travel, next to a stop at the same site
 * when there is one (consolidation), or anywhere;</li>
 * <li>reorder within a trip: one visit, or a whole stop (the visits at one site in a row);</li>
 * <li>route moves towards near places: or-opt, exchange, 2-opt*, 2-opt ({@link NearbyMoves});</li>
 * <li>ruin and recreate around a spot, or empty a trip into the others;</li>
 * <li>route elimination: empty a small trip into the others, ejecting legs that are in the way into a pool
 * that is re-inserted in turn ({@link BestInsertion#eliminate});</li>
 * <li>re-plan a parcel (most often an undelivered one) at its cheapest feasible places now
 * ({@link BestInsertion});</li>
 * <li>deliver an undelivered parcel: all its legs into trips of suitable days, at random;</li>
 * <li>give up a parcel (all its visits back to its bucket), which frees room for others.</li>
 * </ul>
 * How often each kind is tried adapts to what pays while solving ({@link OperatorMix}).
 */
public class LegMoveFactory implements MoveIteratorFactory<MonthPlan, Move<MonthPlan>> {

    /** Kept across steps: the near places of each place do not change while solving. */
    private NearbyMoves nearbyMoves;
    private StarvedParcels starvedParcels;
    /** Kept across steps: how often each kind of move is tried. */
    private OperatorMix mix;
    private boolean adaptive = true;
    private boolean eliminate = true;
    /** Kept across steps: in a re-plan, the legs that had a trip in the previous plan, and trips by id. */
    private List<Leg> remembered;
    private Map<String, Trip> previousTrips;
    /** Kept across steps: how often each leg (by index) fitted nowhere in a route elimination ({@link BestInsertion#eliminate}). */
    private int[] failures;

    /** Solver config property {@code adaptive}: false keeps the move mix at its base shares (set with move threads). */
    public void setAdaptive(String adaptive) {
        this.adaptive = Boolean.parseBoolean(adaptive);
    }

    /**
     * Solver config property {@code eliminate}: false leaves route elimination ({@link OperatorMix.Kind#ELIMINATE})
     * out of the mix (set in the local search before a route-minimisation phase, {@link RouteMinimisation}).
     */
    public void setEliminate(String eliminate) {
        this.eliminate = Boolean.parseBoolean(eliminate);
    }

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
        BestInsertion bestInsertion = new BestInsertion(plan, byDay);
        if (nearbyMoves == null || !nearbyMoves.isFor(plan)) {
            nearbyMoves = new NearbyMoves(plan);
            starvedParcels = new StarvedParcels(plan);
            remembered = new ArrayList<>();
            previousTrips = new java.util.HashMap<>();
            for (Leg leg : plan.getLegs()) {
                if (leg.getPreviousTripId() != null) {
                    remembered.add(leg);
                }
            }
            for (Trip t : plan.getTrips()) {
                if (!t.isBucket()) {
                    previousTrips.put(t.getId(), t);
                }
            }
            mix = new OperatorMix(adaptive, !remembered.isEmpty(), eliminate);
            failures = new int[plan.getLegs().size()];
        }
        int[] failed = failures;
        List<Leg> rememberedLegs = remembered;
        Map<String, Trip> tripsById = previousTrips;
        NearbyMoves nearby = nearbyMoves;
        StarvedParcels starved = starvedParcels;
        mix.stepStarted((HardMediumSoftLongScore) ((InnerScoreDirector<MonthPlan, ?>) scoreDirector).calculateScore());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !plan.getLegs().isEmpty();
            }

            @Override
            public Move<MonthPlan> next() {
                long work = bestInsertion.work();
                OperatorMix.Kind kind = mix.next(random);
                Move<MonthPlan> move = move(kind);
                mix.cost(kind, bestInsertion.work() - work, touched(move));
                return move;
            }

            private Move<MonthPlan> move(OperatorMix.Kind kind) {
                return switch (kind) {
                    case REPLAN_UNDELIVERED -> replanParcel(plan, bestInsertion, random, starved);
                    case REPLAN_ANY -> replanParcel(plan, bestInsertion, random, null);
                    case RUIN_NEAR -> ruinNeighbours(plan, byDay, bestInsertion, random, starved);
                    case RUIN_TRIP -> ruinTrip(plan, byDay, bestInsertion, random);
                    case ELIMINATE -> eliminateTrip(plan, byDay, bestInsertion, failed, random);
                    case RELOCATE -> relocateLeg(plan, byDay, random);
                    case NEAR_RELOCATE -> orElse(nearby.relocate(randomPlannedVisit(plan, random), random), plan, byDay, random);
                    case NEAR_SWAP -> orElse(nearby.swap(randomPlannedVisit(plan, random), random), plan, byDay, random);
                    case NEAR_TWO_OPT_STAR -> orElse(nearby.twoOptStar(randomPlannedVisit(plan, random), random), plan, byDay, random);
                    case NEAR_TWO_OPT -> orElse(nearby.twoOpt(randomPlannedVisit(plan, random), random), plan, byDay, random);
                    case REORDER_VISIT -> reorderVisit(plan, random);
                    case REORDER_STOP -> reorderStop(plan, random);
                    case DELIVER -> deliverParcel(plan, byDay, random);
                    case DROP -> dropParcel(plan, random);
                    case FAIR_SWAP -> fairSwap(plan, byDay, bestInsertion, random, starved);
                    case RESTORE -> restoreLeg(plan, rememberedLegs, tripsById, bestInsertion, random);
                };
            }
        };
    }

    /**
     * In a re-plan: a leg that now travels on another trip than in the previous plan goes back onto that trip
     * (at its cheapest feasible place there), so food drifts back to what volunteers were told.
     */
    private static Move<MonthPlan> restoreLeg(MonthPlan plan, List<Leg> remembered, Map<String, Trip> tripsById,
                                              BestInsertion bestInsertion, Random random) {
        for (int tries = 0; tries < 20 && !remembered.isEmpty(); tries++) {
            Leg leg = remembered.get(random.nextInt(remembered.size()));
            Trip now = leg.getPickup().getTrip();
            if (now == null || now.isBucket() || !leg.movedFrom(now)) {
                continue;
            }
            Trip previous = tripsById.get(leg.getPreviousTripId());
            if (previous == null) {
                continue;
            }
            RelocateMove move = bestInsertion.restore(leg, previous);
            return move != null ? move : noop(leg.getPickup());
        }
        return reorderVisit(plan, random);
    }

    /** The visits on the trips a move changes (a proxy for what scoring it costs; buckets count as small). */
    private static long touched(Move<MonthPlan> move) {
        long n = 0;
        for (Object e : move.getPlanningEntities()) {
            n += ((Trip) e).getVisits().size();
        }
        return n;
    }

    private static Move<MonthPlan> orElse(Move<MonthPlan> move, MonthPlan plan, List<List<Trip>> byDay, Random random) {
        return move != null ? move : relocateLeg(plan, byDay, random);
    }

    /**
     * An undelivered parcel (drawn by {@code starved}: most often one of a recipient and class that gets least
     * of its need) or, without {@code starved}, any parcel, re-planned at its cheapest feasible places right now.
     */
    private static Move<MonthPlan> replanParcel(MonthPlan plan, BestInsertion bestInsertion, Random random,
                                                StarvedParcels starved) {
        List<Parcel> parcels = plan.getParcels();
        Parcel parcel = starved != null ? starved.pick(plan, random) : parcels.get(random.nextInt(parcels.size()));
        if (parcel == null) {
            return reorderVisit(plan, random);
        }
        RelocateMove move = bestInsertion.replan(parcel);
        return move != null ? move : noop(parcel.getLegs().get(0).getPickup());
    }

    /** Most parcels of richer recipients a fair swap takes off the trip it makes room on. */
    static final int SWAP_MAX = 6;

    /**
     * Food for a recipient and class below its floor: an undelivered parcel of theirs goes onto a trip that could
     * make its scarcest hop alone (few volunteers reach a far depot, few have a freezer box), taking off that trip
     * some parcels of recipients that already get more of their need and stay at or above their floor without
     * them (richest first or at random); those go to
     * their cheapest other places, or stay undelivered when they fit nowhere (the score weighs it).
     */
    private static Move<MonthPlan> fairSwap(MonthPlan plan, List<List<Trip>> byDay, BestInsertion bestInsertion,
                                            Random random, StarvedParcels starved) {
        Parcel parcel = starved.pickBelowFloor(plan, random);
        if (parcel == null) {
            return replanParcel(plan, bestInsertion, random, starved);
        }
        List<Trip> trips = starved.scarceTrips(parcel, byDay, plan.getContext());
        Leg leg = starved.scarceLeg(parcel);
        if (trips.isEmpty() || leg == null) {
            return noop(parcel.getLegs().get(0).getPickup());
        }
        Trip trip = trips.get(random.nextInt(trips.size()));
        double own = starved.ratio(org.foodnet.solver.model.RecipientDemand.keyOf(parcel));
        Map<Parcel, Double> richer = new java.util.LinkedHashMap<>();
        for (Visit v : trip.getVisits()) {
            Parcel p = v.getParcel();
            if (p != parcel && !richer.containsKey(p) && p.isDelivered()) {
                double r = starved.ratio(org.foodnet.solver.model.RecipientDemand.keyOf(p));
                if (r > own && starved.aboveFloorWithout(p)) {
                    richer.put(p, r);
                }
            }
        }
        List<Parcel> ejected = new ArrayList<>(richer.keySet());
        if (random.nextBoolean()) {
            java.util.Collections.shuffle(ejected, random);
        } else {
            ejected.sort(java.util.Comparator.comparingDouble((Parcel p) -> -richer.get(p)));
        }
        int k = ejected.isEmpty() ? 0 : 1 + random.nextInt(Math.min(ejected.size(), SWAP_MAX));
        RelocateMove move = bestInsertion.via(parcel, leg, trip, new ArrayList<>(ejected.subList(0, k)));
        return move != null ? move : noop(parcel.getLegs().get(0).getPickup());
    }

    /** Trips drawn for a route elimination; the one with fewest visits is tried. */
    static final int ELIMINATE_DRAWS = 3;
    /** Most legs ejected in one route elimination: this many per leg of the trip, */
    static final int ELIMINATE_EJECTIONS_PER_LEG = 3;
    /** and this many more. */
    static final int ELIMINATE_EJECTIONS = 20;

    /**
     * Route elimination with an ejection pool: of {@link #ELIMINATE_DRAWS} driven trips (drawn at random), the one
     * with fewest visits is emptied into the other driven trips, legs in the way ejected and re-inserted in turn
     * ({@link BestInsertion#eliminate}); nothing changes when the pool does not empty.
     */
    private static Move<MonthPlan> eliminateTrip(MonthPlan plan, List<List<Trip>> byDay, BestInsertion bestInsertion,
                                                 int[] failures, Random random) {
        List<Trip> driven = new ArrayList<>();
        for (List<Trip> day : byDay) {
            for (Trip t : day) {
                if (!t.getVisits().isEmpty()) {
                    driven.add(t);
                }
            }
        }
        Trip trip = null;
        for (int i = 0; i < ELIMINATE_DRAWS && !driven.isEmpty(); i++) {
            Trip t = driven.get(random.nextInt(driven.size()));
            if (trip == null || t.getVisits().size() < trip.getVisits().size()) {
                trip = t;
            }
        }
        if (trip == null) {
            return noop(plan.getVisits().get(0));
        }
        int legs = trip.getVisits().size() / 2;
        RelocateMove move = bestInsertion.eliminate(trip, failures,
                ELIMINATE_EJECTIONS_PER_LEG * legs + ELIMINATE_EJECTIONS, random);
        return move != null ? move : noop(trip.getVisits().get(0));
    }

    /** Most parcels a ruin takes out at once. */
    static final int RUIN_MAX = 12;

    /**
     * Route elimination: all legs on one trip (the smaller of two drawn) moved to their cheapest places on
     * other trips, so the trip is not driven; nothing changes when one of them fits nowhere else.
     */
    private static Move<MonthPlan> ruinTrip(MonthPlan plan, List<List<Trip>> byDay, BestInsertion bestInsertion,
                                            Random random) {
        Visit a = randomPlannedVisit(plan, random);
        Visit b = randomPlannedVisit(plan, random);
        if (a == null) {
            return noop(plan.getVisits().get(0));
        }
        Trip trip = b != null && b.getTrip().getVisits().size() < a.getTrip().getVisits().size() ? b.getTrip() : a.getTrip();
        List<Leg> legs = new ArrayList<>();
        for (Visit v : trip.getVisits()) {
            if (v.isPickup()) {
                legs.add(v.getLeg());
            }
        }
        if (random.nextBoolean()) {
            java.util.Collections.shuffle(legs, random);
        } else {
            legs.sort(java.util.Comparator.comparingLong(Leg::dueMillis));
        }
        legs.sort(java.util.Comparator.comparingInt((Leg l) -> l.getParcel().getLegs().indexOf(l))); // stable: upstream hops first
        RelocateMove move = bestInsertion.relocateLegs(legs, trip);
        return move != null ? move : noop(legs.get(0).getPickup());
    }

    /**
     * Takes out a planned parcel and the parcels delivered closest to it on the same day (up to
     * {@link #RUIN_MAX}), and puts them back at their cheapest places one by one.
     */
    private static Move<MonthPlan> ruinNeighbours(MonthPlan plan, List<List<Trip>> byDay, BestInsertion bestInsertion,
                                                  Random random, StarvedParcels starved) {
        Parcel undelivered = random.nextBoolean() ? starved.pick(plan, random) : null;
        int at;
        int day;
        if (undelivered != null) {
            // make room for food that is not delivered yet: near its recipient, on a day it may arrive
            Leg last = undelivered.lastLeg();
            at = last.getToPlace();
            int lo = DayWindow.releaseDay(undelivered);
            int hi = DayWindow.lastDay(undelivered, plan.getContext().days());
            if (hi < lo) {
                return noop(last.getDrop());
            }
            day = lo + random.nextInt(hi - lo + 1);
        } else {
            Visit anchor = randomPlannedVisit(plan, random);
            if (anchor == null) {
                return noop(plan.getVisits().get(0));
            }
            at = anchor.getPlace();
            day = anchor.getTrip().getDay();
        }
        PlanningContext ctx = plan.getContext();
        Map<Parcel, Long> closest = new java.util.LinkedHashMap<>();
        for (Trip t : byDay.get(day)) {
            for (Visit v : t.getVisits()) {
                long d = ctx.travelMillis(at, v.getPlace()) + ctx.travelMillis(v.getPlace(), at);
                closest.merge(v.getParcel(), d, Math::min);
            }
        }
        List<Parcel> near = new ArrayList<>(closest.keySet());
        near.sort(java.util.Comparator.comparingLong(closest::get));
        int k = Math.min(near.size(), (undelivered != null ? 1 : 2) + random.nextInt(RUIN_MAX - 1));
        List<Parcel> ruined = new ArrayList<>(near.subList(0, k));
        if (undelivered != null) {
            ruined.add(undelivered);
        }
        return recreate(ruined, null, bestInsertion, random);
    }

    /**
     * Puts the parcels back in random order, or tightest deadline first; undelivered ones first (a ruin made
     * room for them).
     */
    private static Move<MonthPlan> recreate(List<Parcel> parcels, Trip avoid, BestInsertion bestInsertion,
                                            Random random) {
        if (random.nextBoolean()) {
            java.util.Collections.shuffle(parcels, random);
        } else {
            parcels.sort(java.util.Comparator.comparingLong((Parcel p) -> p.lastLeg().dueMillis())
                    .thenComparing(Parcel::getId));
        }
        parcels.sort(java.util.Comparator.comparing(Parcel::isDelivered)); // stable: keeps the order within each
        RelocateMove move = bestInsertion.recreate(parcels, avoid);
        return move != null ? move : noop(parcels.get(0).getLegs().get(0).getPickup());
    }

    private static Move<MonthPlan> relocateLeg(MonthPlan plan, List<List<Trip>> byDay, Random random) {
        Leg leg = plan.getLegs().get(random.nextInt(plan.getLegs().size()));
        if (!leg.getPickup().isPlanned()) {
            return deliverParcel(plan, byDay, random);
        }
        Trip target = randomTrip(leg, plan, byDay, random);
        if (target == null) {
            return noop(leg.getPickup());
        }
        return insertLegs(new Leg[] {leg}, new Trip[] {target}, random);
    }

    private static Move<MonthPlan> reorderVisit(MonthPlan plan, Random random) {
        Visit v = randomPlannedVisit(plan, random);
        if (v == null) {
            return noop(plan.getVisits().get(0));
        }
        List<Visit> rest = new ArrayList<>(v.getTrip().getVisits());
        rest.remove(v);
        int at = position(rest, v.getPlace(), 0, random);
        return new RelocateMove(new Visit[] {v}, new Trip[] {v.getTrip()}, new int[] {at});
    }

    private static Move<MonthPlan> reorderStop(MonthPlan plan, Random random) {
        Visit v = randomPlannedVisit(plan, random);
        if (v == null) {
            return noop(plan.getVisits().get(0));
        }
        List<Visit> list = v.getTrip().getVisits();
        int from = v.getIndex();
        int to = from;
        while (from > 0 && list.get(from - 1).getPlace() == v.getPlace()) {
            from--;
        }
        while (to + 1 < list.size() && list.get(to + 1).getPlace() == v.getPlace()) {
            to++;
        }
        int size = to - from + 1;
        int remaining = list.size() - size;
        int at = random.nextInt(remaining + 1);
        Visit[] vs = new Visit[size];
        Trip[] ts = new Trip[size];
        int[] ps = new int[size];
        for (int i = 0; i < size; i++) {
            vs[i] = list.get(from + i);
            ts[i] = v.getTrip();
            ps[i] = at + i;
        }
        return new RelocateMove(vs, ts, ps);
    }

    private static Visit randomPlannedVisit(MonthPlan plan, Random random) {
        List<Visit> visits = plan.getVisits();
        for (int tries = 0; tries < 10; tries++) {
            Visit v = visits.get(random.nextInt(visits.size()));
            if (v.isPlanned() && v.getTrip().getVisits().size() > 1) {
                return v;
            }
        }
        return null;
    }

    private static Move<MonthPlan> deliverParcel(MonthPlan plan, List<List<Trip>> byDay, Random random) {
        List<Parcel> parcels = plan.getParcels();
        Parcel parcel = null;
        for (int tries = 0; tries < 20 && parcel == null; tries++) {
            Parcel p = parcels.get(random.nextInt(parcels.size()));
            if (!p.isDelivered()) {
                parcel = p;
            }
        }
        if (parcel == null) {
            return reorderVisit(plan, random);
        }
        Leg[] l = parcel.getLegs().toArray(new Leg[0]);
        Trip[] targets = new Trip[l.length];
        int lo = DayWindow.releaseDay(parcel);
        int hi = DayWindow.lastDay(parcel, plan.getContext().days());
        if (hi < lo) {
            return noop(l[0].getPickup());
        }
        if (random.nextBoolean()) {
            // the whole chain on one volunteer's trip
            Trip t = randomTripOn(byDay, lo + random.nextInt(hi - lo + 1), l[0], random);
            if (t == null) {
                return noop(l[0].getPickup());
            }
            java.util.Arrays.fill(targets, t);
        } else {
            int day = lo;
            for (int i = 0; i < l.length; i++) {
                int d = day + random.nextInt(Math.max(1, (hi - day) / Math.max(1, l.length - i) + 1));
                Trip t = randomTripOn(byDay, Math.min(d, hi), l[i], random);
                if (t == null) {
                    t = randomTripOn(byDay, day, l[i], random);
                }
                if (t == null) {
                    return noop(l[0].getPickup());
                }
                targets[i] = t;
                day = t.getDay();
            }
        }
        return insertLegs(l, targets, random);
    }

    private static Move<MonthPlan> dropParcel(MonthPlan plan, Random random) {
        Leg leg = plan.getLegs().get(random.nextInt(plan.getLegs().size()));
        Parcel parcel = leg.getParcel();
        if (!leg.getPickup().isPlanned()) {
            return noop(leg.getPickup());
        }
        List<Leg> legs = parcel.getLegs();
        Visit[] v = new Visit[legs.size() * 2];
        Trip[] t = new Trip[v.length];
        int[] p = new int[v.length];
        for (int i = 0; i < legs.size(); i++) {
            v[2 * i] = legs.get(i).getPickup();
            v[2 * i + 1] = legs.get(i).getDrop();
        }
        for (int i = 0; i < v.length; i++) {
            t[i] = parcel.getBucket();
            p[i] = i;
        }
        return new RelocateMove(v, t, p);
    }

    private static Move<MonthPlan> insertLegs(Leg[] legs, Trip[] targets, Random random) {
        Visit[] v = new Visit[legs.length * 2];
        Trip[] t = new Trip[v.length];
        int[] p = new int[v.length];
        // the target lists as they will be once the moved visits are out of them
        Map<Trip, List<Visit>> after = new java.util.LinkedHashMap<>();
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
                    same.add(i + random.nextInt(2));
                }
            }
            if (!same.isEmpty()) {
                return same.get(random.nextInt(same.size()));
            }
        }
        return min + random.nextInt(list.size() - min + 1);
    }

    private static Trip randomTrip(Leg leg, MonthPlan plan, List<List<Trip>> byDay, Random random) {
        int lo = Math.max(DayWindow.releaseDay(leg),
                leg.getUpstream() == null ? 0 : dayOf(leg.getUpstream().getDrop(), 0));
        int hi = DayWindow.lastDay(leg, plan.getContext().days());
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

    private static Move<MonthPlan> noop(Visit v) {
        return new RelocateMove(new Visit[] {v}, new Trip[] {v.getTrip()},
                new int[] {v.getIndex() == null ? 0 : v.getIndex()});
    }
}
