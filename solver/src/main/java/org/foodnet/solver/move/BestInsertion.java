package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.construct.Inserter;
import org.foodnet.solver.construct.Nearby;
import org.foodnet.solver.construct.RecipientRoom;
import org.foodnet.solver.construct.Inserter.Insertion;
import org.foodnet.solver.construct.Timeline;
import org.foodnet.solver.insert.CandidateTrips;
import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.insert.InsertionCosts;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Re-plans one parcel the way the construction would, but on the current solution: takes it out of its
 * trips (or its bucket) and puts each leg at the cheapest place that breaks no per-trip rule, given where
 * and when everything else happens now. The result is a {@link RelocateMove}; the score judges it (storage
 * included).
 */
final class BestInsertion {

    static final int CANDIDATE_TRIPS = 8;

    private final MonthPlan plan;
    private final PlanningContext ctx;
    private final List<List<Trip>> byDay;
    private final Inserter inserter;
    // the hypothetical state while one parcel is placed
    private final Map<Trip, List<Visit>> seqs = new IdentityHashMap<>();
    private final Map<Trip, Long> driving = new IdentityHashMap<>();
    private final Map<Visit, Trip> tripOverride = new IdentityHashMap<>();
    private final Map<Visit, long[]> timeOverride = new HashMap<>();
    /** A trip that may not receive anything in the current re-plan (the one a ruin empties), or null. */
    private Trip avoid;
    /** In a perturbation of {@link #minimiseRoutes}: the trip a leg was just taken off (it goes elsewhere), or null. */
    private Trip avoidToo;
    /** In {@link #via}: the hop that must go on {@link #forcedTrip} (its parcel's hops before it on or before that day). */
    private Leg forcedLeg;
    private Trip forcedTrip;
    /** In {@link #eliminate}: legs go only onto trips that are driven now (closing a trip never opens another). */
    private boolean onlyUsedTrips;
    /** Visits looked at so far (trips searched and re-simulated): what the moves built here cost to find. */
    private long work;

    BestInsertion(MonthPlan plan, List<List<Trip>> byDay) {
        this.plan = plan;
        this.ctx = plan.getContext();
        this.byDay = byDay;
        this.inserter = new Inserter(ctx, plan.getVisits().size(), new Timeline() {
            @Override
            public Trip tripOf(Visit v) {
                return tripOverride.containsKey(v) ? tripOverride.get(v) : LIVE.tripOf(v);
            }

            @Override
            public long departure(Visit v) {
                long[] t = timeOverride.get(v);
                return t != null ? t[0] : v.getDeparture();
            }

            @Override
            public long serviceStart(Visit v) {
                long[] t = timeOverride.get(v);
                return t != null ? t[1] : v.getServiceStart();
            }
        });
        if (plan.getWeights() != null) {
            inserter.setNewTripCost(plan.getWeights().newTripMillis());
        }
    }

    /**
     * Ruin and recreate: takes all these parcels out of their trips, then puts them back one by one, in the
     * given order, each leg at its cheapest feasible place given the others placed so far, never on
     * {@code avoid} (the trip a route-elimination ruin tries to empty; may be null). A parcel for which some
     * leg finds no place goes back to its bucket (undelivered), which the score then weighs. Null when taking
     * the parcels out would already break a rule on some trip.
     */
    RelocateMove recreate(List<Parcel> parcels, Trip avoid) {
        reset(avoid);
        List<Visit> own = new ArrayList<>();
        for (Parcel parcel : parcels) {
            for (Leg leg : parcel.getLegs()) {
                own.add(leg.getPickup());
                own.add(leg.getDrop());
            }
        }
        if (!takeOut(own)) {
            return null;
        }
        Moves moves = new Moves();
        for (Parcel parcel : parcels) {
            placeOrLeave(parcel, moves);
        }
        return moves.build();
    }

    /**
     * Puts the parcel's legs in chain order at their cheapest feasible places; when one finds none, undoes the
     * legs placed so far and leaves the parcel in its bucket (undelivered).
     */
    private void placeOrLeave(Parcel parcel, Moves moves) {
        Map<Trip, List<Visit>> before = new java.util.LinkedHashMap<>();
        int mark = moves.size();
        for (Leg leg : parcel.getLegs()) {
            if (!place(leg, moves, before)) {
                undo(parcel, moves, mark, before);
                return;
            }
        }
    }

    private void undo(Parcel parcel, Moves moves, int mark, Map<Trip, List<Visit>> before) {
        moves.truncate(mark);
        for (Leg leg : parcel.getLegs()) {
            tripOverride.put(leg.getPickup(), null);
            tripOverride.put(leg.getDrop(), null);
        }
        for (Map.Entry<Trip, List<Visit>> e : before.entrySet()) {
            resimulate(e.getKey(), e.getValue());
        }
        int at = 0;
        for (Leg leg : parcel.getLegs()) {
            moves.add(leg.getPickup(), parcel.getBucket(), at++);
            moves.add(leg.getDrop(), parcel.getBucket(), at++);
        }
    }

    /**
     * Makes room for a starved parcel on a trip that can carry its scarcest hop: takes the parcel and
     * {@code ejected} (parcels on that trip) out, puts the parcel's hops in chain order at their cheapest feasible
     * places with {@code leg} on {@code trip} (and the hops before it on or before that trip's day), then puts
     * each ejected parcel back at its cheapest places, or in its bucket (undelivered) when it fits nowhere. Null
     * when the starved parcel does not fit that way or taking the parcels out would break a rule.
     */
    RelocateMove via(Parcel parcel, Leg leg, Trip trip, List<Parcel> ejected) {
        reset(null);
        List<Visit> own = new ArrayList<>();
        for (Parcel p : ejected) {
            for (Leg l : p.getLegs()) {
                own.add(l.getPickup());
                own.add(l.getDrop());
            }
        }
        for (Leg l : parcel.getLegs()) {
            own.add(l.getPickup());
            own.add(l.getDrop());
        }
        if (!takeOut(own)) {
            return null;
        }
        Moves moves = new Moves();
        forcedLeg = leg;
        forcedTrip = trip;
        try {
            for (Leg l : parcel.getLegs()) {
                if (!place(l, moves, null)) {
                    return null;
                }
            }
        } finally {
            forcedLeg = null;
            forcedTrip = null;
        }
        List<Parcel> rest = new ArrayList<>(ejected);
        rest.remove(parcel);
        for (Parcel p : rest) {
            placeOrLeave(p, moves);
        }
        return moves.build();
    }

    /** Takes both visits of each leg out of its trip (see {@link #takeOut}); false when that cannot be done. */
    private boolean takeOutLegs(List<Leg> legs) {
        List<Visit> own = new ArrayList<>();
        for (Leg leg : legs) {
            own.add(leg.getPickup());
            own.add(leg.getDrop());
        }
        return takeOut(own);
    }

    /**
     * Route elimination: takes these legs (all on {@code avoid}) out and puts each, chain order first, at its
     * cheapest feasible place on another trip; the other legs of their parcels stay where they are. Null when
     * some leg finds no place (the trip then stays as it is).
     */
    RelocateMove relocateLegs(List<Leg> legs, Trip avoid) {
        reset(avoid);
        if (!takeOutLegs(legs)) {
            return null;
        }
        Moves moves = new Moves();
        for (Leg leg : legs) {
            if (!place(leg, moves, null)) {
                return null;
            }
        }
        return moves.build();
    }

    /**
     * Puts the leg at its cheapest feasible place in the hypothetical state and adds it to the move; with
     * {@code before}, first keeps the target trip's sequence as it was (to undo). False when it fits nowhere.
     */
    private boolean place(Leg leg, Moves moves, Map<Trip, List<Visit>> before) {
        Insertion best = best(leg);
        if (best == null) {
            return false;
        }
        List<Visit> seq = new ArrayList<>(seqOf(best.trip()));
        if (before != null) {
            before.putIfAbsent(best.trip(), new ArrayList<>(seq));
        }
        seq.add(best.pickupAt(), leg.getPickup());
        seq.add(best.dropAt(), leg.getDrop());
        if (!resimulate(best.trip(), seq)) {
            return false;
        }
        moves.add(leg.getPickup(), best.trip(), best.pickupAt());
        moves.add(leg.getDrop(), best.trip(), best.dropAt());
        return true;
    }

    /** The visits a move takes, where to, in order. */
    private static final class Moves {
        private final List<Visit> visits = new ArrayList<>();
        private final List<Trip> targets = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();

        void add(Visit v, Trip t, int position) {
            visits.add(v);
            targets.add(t);
            positions.add(position);
        }

        int size() {
            return visits.size();
        }

        void truncate(int size) {
            visits.subList(size, visits.size()).clear();
            targets.subList(size, targets.size()).clear();
            positions.subList(size, positions.size()).clear();
        }

        RelocateMove build() {
            return new RelocateMove(visits.toArray(new Visit[0]), targets.toArray(new Trip[0]),
                    positions.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Rule 9: the first day the recipient has room for a final leg every day until it is served. */
    private int recipientFirstDay(Leg leg) {
        if (!leg.isFinal()) {
            return 0;
        }
        if (recipientRoom == null) {
            recipientRoom = new RecipientRoom(plan);
        }
        return recipientRoom.firstDay(leg, this::tripOf);
    }

    /** The trip a visit is on in the hypothetical state (null: not delivered). */
    private Trip tripOf(Visit v) {
        return tripOverride.containsKey(v) ? tripOverride.get(v) : Timeline.LIVE.tripOf(v);
    }

    private void reset(Trip avoid) {
        onlyUsedTrips = false;
        avoidToo = null;
        seqs.clear();
        driving.clear();
        tripOverride.clear();
        timeOverride.clear();
        this.avoid = avoid;
    }

    /** Takes the visits out of their trips in the hypothetical state; false when a trip left behind breaks a rule. */
    private boolean takeOut(List<Visit> own) {
        for (Visit v : own) {
            tripOverride.put(v, null);
        }
        for (Visit v : own) {
            Trip t = v.getTrip();
            if (t != null && !t.isBucket() && !seqs.containsKey(t)) {
                List<Visit> rest = new ArrayList<>(t.getVisits());
                rest.removeAll(own);
                if (!resimulate(t, rest)) {
                    return false;
                }
            }
        }
        return true;
    }

    long work() {
        return work;
    }

    /**
     * A re-plan: the leg back on the trip that carried it in the previous plan, at its cheapest feasible
     * place there; null when it does not fit there now (or the trip's day no longer suits the food).
     */
    RelocateMove restore(Leg leg, Trip previous) {
        reset(null);
        if (!fits(leg, previous) || !dayAllowed(leg, previous.getDay())) {
            return null;
        }
        if (!takeOut(List.of(leg.getPickup(), leg.getDrop())) || previous.getDay() < recipientFirstDay(leg)) {
            return null;
        }
        long d = drivingOf(previous);
        if (d < 0) {
            return null;
        }
        work += seqOf(previous).size() + 1;
        Insertion ins = inserter.bestInTrip(leg, previous, seqOf(previous), d, 0);
        if (ins == null) {
            return null;
        }
        Moves moves = new Moves();
        moves.add(leg.getPickup(), previous, ins.pickupAt());
        moves.add(leg.getDrop(), previous, ins.dropAt());
        return moves.build();
    }

    /** Whether the leg may travel on this day: within {@link #firstDay}..{@link #lastDay}, not after its downstream hop. */
    private boolean dayAllowed(Leg leg, int day) {
        int lo = firstDay(leg);
        if (lo < 0 || day < lo || day > lastDay(leg)) {
            return false;
        }
        Trip down = leg.getDownstream() == null ? null : tripOf(leg.getDownstream().getPickup());
        return down == null || down.getDay() >= day;
    }

    /** The first day the leg may travel in the hypothetical state (see {@link DayWindow#firstDay}); -1: upstream not planned. */
    private int firstDay(Leg leg) {
        return DayWindow.firstDay(leg, this::tripOf);
    }

    /** The last day the leg may travel (its parcel due). */
    private int lastDay(Leg leg) {
        return DayWindow.lastDay(leg, ctx.days());
    }

    /** The move re-placing the parcel, or null when some leg finds no feasible place. */
    RelocateMove replan(Parcel parcel) {
        return relocateLegs(parcel.getLegs(), null);
    }

    private List<Visit> seqOf(Trip t) {
        List<Visit> seq = seqs.get(t);
        return seq != null ? seq : t.getVisits();
    }

    private long drivingOf(Trip t) {
        Long d = driving.get(t);
        if (d == null) {
            List<Visit> seq = t.getVisits();
            d = inserter.simulate(t, seq.toArray(new Visit[0]), seq.size());
            driving.put(t, d);
        }
        return d;
    }

    /** Records a trip's hypothetical sequence and the times it gives; false when it breaks a rule. */
    private boolean resimulate(Trip t, List<Visit> seq) {
        work += seq.size();
        long d = inserter.simulate(t, seq.toArray(new Visit[0]), seq.size());
        if (d < 0) {
            return false;
        }
        seqs.put(t, seq);
        driving.put(t, d);
        for (Visit v : seq) {
            tripOverride.put(v, t);
            timeOverride.put(v, new long[] {inserter.simulatedDeparture(v), inserter.simulatedStart(v)});
        }
        return true;
    }

    /** Legs the last {@link #eliminate} ejected (for tests). */
    int lastEjections;

    /** In {@link #eliminate}: the closest trips (by {@link Inserter#closeness}) always searched for a leg to eject. */
    static final int EJECT_TRIPS = 2;
    /** In {@link #eliminate}: trips examined in full for a leg's cheapest insertion (more than {@link #CANDIDATE_TRIPS}). */
    static final int ELIMINATE_CANDIDATE_TRIPS = 16;

    /**
     * Route elimination with an ejection pool (after Nagata and Bräysy's route minimisation for PDPTW): takes all
     * legs of {@code trip} out into a pool and puts them back one at a time at their cheapest feasible places on
     * other trips that are driven now (never on an empty one). A leg that fits nowhere is placed on one of the
     * trips closest to it by ejecting one leg from there (two when one is not enough), the leg that has failed
     * least often so far ({@code failures}, by leg index, kept across moves; it counts here each time a leg fits
     * nowhere), then the cheapest such insertion; the ejected legs join the pool (next to be placed). A leg is
     * never ejected by the leg it ejected (no ping-pong); the failure counts steer the chain away from cycles, and
     * at most {@code maxEjections} happen. The move empties the trip when the pool empties; null when it does
     * not (nothing changes then).
     * The other legs of the parcels stay where they are; the score judges the move (storage included).
     */
    RelocateMove eliminate(Trip trip, int[] failures, int maxEjections, java.util.Random random) {
        List<Leg> legs = emptying(trip, failures, random);
        return legs == null ? null
                : ejectionChain(legs, failures, maxEjections, 4 * (legs.size() + maxEjections), Long.MAX_VALUE, 0, random);
    }

    /**
     * Route minimisation after Nagata and Bräysy (2009) and Nagata and Kobayashi (2010, pickup and delivery): as
     * {@link #eliminate}, but the ejection pool is worked on until it empties or {@code deadline} ({@link
     * System#nanoTime}) passes, with no limit on ejections, and after each ejection the plan is perturbed: {@code
     * perturbations} legs drawn at random, each moved off its trip to another driven trip drawn at random (at its
     * cheapest feasible place there), so that the next insertions meet other room. A leg that fits nowhere even by
     * ejecting goes to the back of the pool (after a perturbation). All of this in the hypothetical state: the move
     * empties the trip when the pool empties (every leg moved, perturbed or not, at its new place); null when it does
     * not.
     */
    RelocateMove minimiseRoutes(Trip trip, int[] failures, long deadline, int perturbations, java.util.Random random) {
        List<Leg> legs = emptying(trip, failures, random);
        return legs == null ? null
                : ejectionChain(legs, failures, Integer.MAX_VALUE, Integer.MAX_VALUE, deadline, perturbations, random);
    }

    /**
     * Starts emptying a trip into the other driven ones: its legs taken out in the hypothetical state, in the order
     * the pool takes them (the legs that failed most often first, placed while the other trips have most room;
     * upstream hops before the hops that follow them); null when it has none or taking them out breaks a rule.
     */
    private List<Leg> emptying(Trip trip, int[] failures, java.util.Random random) {
        reset(trip);
        lastEjections = 0;
        onlyUsedTrips = true;
        List<Leg> legs = new ArrayList<>();
        for (Visit v : trip.getVisits()) {
            if (v.isPickup()) {
                legs.add(v.getLeg());
            }
        }
        if (legs.isEmpty()) {
            return null;
        }
        java.util.Collections.shuffle(legs, random);
        legs.sort(java.util.Comparator.comparingInt((Leg l) -> -failures[l.getIndex()]));
        legs.sort(java.util.Comparator.comparingInt((Leg l) -> l.getParcel().getLegs().indexOf(l)));
        return takeOutLegs(legs) ? legs : null;
    }

    /**
     * The ejection pool of {@link #eliminate} and {@link #minimiseRoutes}: these legs (taken out already) placed one
     * at a time, a leg that fits nowhere by ejecting one or two legs that then join the pool; with {@code
     * perturbations} (see {@link #minimiseRoutes}) a leg that cannot be placed even so waits at the back of the
     * pool, else the chain fails. The move when the pool empties within {@code maxRounds} pool draws and {@code
     * deadline}, else null.
     */
    private RelocateMove ejectionChain(List<Leg> legs, int[] failures, int maxEjections, int maxRounds, long deadline,
                                       int perturbations, java.util.Random random) {
        java.util.Set<Leg> inMove = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inMove.addAll(legs);
        java.util.ArrayDeque<Leg> pool = new java.util.ArrayDeque<>(legs);
        Map<Leg, Leg> ejector = new IdentityHashMap<>();
        int ejections = 0;
        int rounds = 0;
        while (!pool.isEmpty()) {
            if (++rounds > maxRounds || (deadline != Long.MAX_VALUE && System.nanoTime() > deadline)) {
                return null;
            }
            Leg leg = pool.pollFirst();
            Leg up = leg.getUpstream();
            if (up != null && inMove.contains(up) && tripOf(up.getPickup()) == null) {
                pool.addLast(leg); // its food is not placed yet: after the hop before it
                continue;
            }
            Insertion best = best(leg);
            if (best != null) {
                if (!insert(leg, best, List.of())) {
                    return null;
                }
                continue;
            }
            failures[leg.getIndex()]++;
            if (ejections >= maxEjections) {
                return null;
            }
            justEjectedBy = ejector.get(leg);
            Ejection e = bestEjection(leg, failures, false);
            if (e == null && ejections + 2 <= maxEjections) {
                e = bestEjection(leg, failures, true);
            }
            if (e == null && perturbations > 0) {
                pool.addLast(leg);
                perturb(perturbations, random);
                continue;
            }
            if (e == null || !insert(leg, e.insertion(), e.ejected())) {
                return null;
            }
            ejections += e.ejected().size();
            lastEjections = ejections;
            for (Leg x : e.ejected()) {
                inMove.add(x);
                ejector.put(x, leg);
                pool.addFirst(x);
            }
            if (perturbations > 0) {
                perturb(perturbations, random);
            }
        }
        // every touched trip's final sequence: the moved visits at their final positions, ascending per trip
        // (RelocateMove takes them all out first, then inserts them in order); after perturbations every visit
        // of a touched trip counts as moved
        java.util.Set<Visit> moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Leg leg : inMove) {
            moved.add(leg.getPickup());
            moved.add(leg.getDrop());
        }
        if (perturbations > 0) {
            for (List<Visit> seq : seqs.values()) {
                moved.addAll(seq);
            }
        }
        List<Trip> touched = new ArrayList<>(seqs.keySet());
        touched.sort(java.util.Comparator.comparing(Trip::getId));
        Moves moves = new Moves();
        for (Trip t : touched) {
            List<Visit> seq = seqs.get(t);
            for (int i = 0; i < seq.size(); i++) {
                if (moved.contains(seq.get(i))) {
                    moves.add(seq.get(i), t, i);
                }
            }
        }
        return moves.size() == moved.size() ? moves.build() : null;
    }

    /**
     * {@code times} legs drawn at random from the driven trips, each moved to another driven trip drawn at random
     * among those that can take it, at its cheapest place there ({@link #anywhere}; left where it is when there is
     * none); only food that travels in one hop (a hop of a longer path sets the times of the others).
     */
    private void perturb(int times, java.util.Random random) {
        List<Trip> trips = plan.getTrips();
        for (int i = 0; i < times; i++) {
            Trip t = trips.get(random.nextInt(trips.size()));
            List<Visit> seq = seqOf(t);
            if (t.isBucket() || t == avoid || seq.isEmpty()) {
                continue;
            }
            Leg leg = seq.get(random.nextInt(seq.size())).getLeg();
            if (leg.getUpstream() != null || leg.getDownstream() != null) {
                continue; // a hop of a longer path: moving it would move the times its other hops depend on
            }
            List<Visit> rest = new ArrayList<>(seq);
            rest.remove(leg.getPickup());
            rest.remove(leg.getDrop());
            if (!resimulate(t, rest)) {
                resimulate(t, seq);
                continue;
            }
            tripOverride.put(leg.getPickup(), null);
            tripOverride.put(leg.getDrop(), null);
            avoidToo = t;
            Insertion ins = anywhere(leg, random);
            avoidToo = null;
            if (ins == null || !insert(leg, ins, List.of())) {
                resimulate(t, seq);
            }
        }
    }

    /**
     * The leg's cheapest place on a driven trip drawn at random among those that can take it (the candidate trips
     * of {@link #candidates}, but not {@link #avoid} or {@link #avoidToo}); null when none can. A perturbation
     * that always took the cheapest place would move legs back and forth between the same few trips.
     */
    private Insertion anywhere(Leg leg, java.util.Random random) {
        List<Trip> candidates = new ArrayList<>(candidates(leg));
        java.util.Collections.shuffle(candidates, random);
        for (Trip t : candidates) {
            Insertion ins = cheapestOn(leg, t);
            if (ins != null) {
                return ins;
            }
        }
        return null;
    }

    /** Legs to take off a trip so that another fits there at {@code insertion} (its positions without the ejected legs). */
    private record Ejection(List<Leg> ejected, Insertion insertion, int failures) {
    }

    /**
     * Puts the leg into the trip at the insertion's positions in the hypothetical state, after taking
     * {@code ejected} (on that trip; may be null) out of it; false when the trip then breaks a rule.
     */
    private boolean insert(Leg leg, Insertion ins, List<Leg> ejected) {
        List<Visit> seq = new ArrayList<>(seqOf(ins.trip()));
        for (Leg e : ejected) {
            seq.remove(e.getPickup());
            seq.remove(e.getDrop());
            tripOverride.put(e.getPickup(), null);
            tripOverride.put(e.getDrop(), null);
        }
        seq.add(ins.pickupAt(), leg.getPickup());
        seq.add(ins.dropAt(), leg.getDrop());
        return resimulate(ins.trip(), seq);
    }

    /**
     * For a leg that fits nowhere as the trips are: on the candidate trips closest to it (see
     * {@link #EJECT_VISITS}, {@link #EJECT_PAIR_VISITS}), the leg (with {@code pairs}: the two legs, among the
     * {@link #EJECT_PAIR_LEGS} that failed least often on the trip) whose ejection lets it in and that failed
     * least often (in sum), then the cheapest insertion; never the leg that ejected this one
     * ({@link #justEjectedBy}) nor one whose neighbouring hops would then break a rule. Null when there is none.
     */
    private Ejection bestEjection(Leg leg, int[] failures, boolean pairs) {
        List<Trip> candidates = candidates(leg);
        long[] rank = new long[candidates.size()];
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            rank[i] = Inserter.closeness(seqOf(candidates.get(i)), candidates.get(i), leg);
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> rank[i]));
        Ejection best = null;
        int budget = pairs ? EJECT_PAIR_VISITS : EJECT_VISITS;
        for (int k = 0; k < order.length && (k < EJECT_TRIPS || budget > 0); k++) {
            Trip t = candidates.get(order[k]);
            List<Visit> seq = seqOf(t);
            budget -= seq.size();
            List<Leg> on = new ArrayList<>();
            for (Visit p : seq) {
                if (p.isPickup() && p.getLeg() != justEjectedBy) {
                    on.add(p.getLeg());
                }
            }
            if (!pairs) {
                for (Leg e : on) {
                    best = tryEjection(leg, t, seq, List.of(e), failures[e.getIndex()], best);
                }
                continue;
            }
            on.sort(java.util.Comparator.comparingInt(l -> failures[l.getIndex()]));
            int n = Math.min(on.size(), EJECT_PAIR_LEGS);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    Leg a = on.get(i);
                    Leg b = on.get(j);
                    best = tryEjection(leg, t, seq, List.of(a, b), failures[a.getIndex()] + failures[b.getIndex()], best);
                }
            }
        }
        return best;
    }

    /** In {@link #bestEjection}: after the {@link #EJECT_TRIPS} closest trips, further ones until this many visits are looked at; */
    static final int EJECT_VISITS = 240;
    /** for pairs, until this many; */
    static final int EJECT_PAIR_VISITS = 60;
    /** ... among this many legs of each (those that failed least often). */
    static final int EJECT_PAIR_LEGS = 14;
    /** In {@link #bestEjection}: the leg that ejected the one being placed (never ejected by it in turn). */
    private Leg justEjectedBy;

    /** {@code best}, or ejecting {@code ejected} from trip t (now {@code seq}) for the leg when that is better. */
    private Ejection tryEjection(Leg leg, Trip t, List<Visit> seq, List<Leg> ejected, int failed, Ejection best) {
        if (best != null && failed > best.failures()) {
            return best;
        }
        List<Visit> rest = new ArrayList<>(seq);
        for (Leg e : ejected) {
            rest.remove(e.getPickup());
            rest.remove(e.getDrop());
        }
        if (!Inserter.recipientFits(leg, rest)) {
            return best;
        }
        work += 4L * (rest.size() + 1);
        long d = inserter.simulate(t, rest.toArray(new Visit[0]), rest.size());
        if (d < 0) {
            return best;
        }
        long dayCost = InsertionCosts.dayCost(leg, t) + InsertionCosts.stability(leg, t);
        Insertion ins = inserter.bestInTrip(leg, t, rest, d, dayCost);
        if (ins != null && (best == null || failed < best.failures() || ins.cost() < best.insertion().cost())) {
            return new Ejection(ejected, ins, failed);
        }
        return best;
    }

    /** {@link #candidates(Leg, int, int)} over the leg's whole day window (none when it has no day). */
    private List<Trip> candidates(Leg leg) {
        int lo = firstDay(leg);
        if (lo < 0) {
            return List.of();
        }
        lo = Math.max(lo, recipientFirstDay(leg));
        int hi = lastDay(leg);
        return hi < lo ? List.of() : candidates(leg, lo, hi);
    }

    /** Candidate trips gathered per leg before ranking (a window with no more trips is looked at whole). */
    static final int GATHER = CandidateTrips.GATHER;
    private Nearby nearby;
    private RecipientRoom recipientRoom;
    private int[] gathered;
    private int gatherStamp;

    /**
     * The trips of days lo..hi that could take the leg (not the avoided one, room for its class, both ends
     * open that day, the recipient's room allows it), in day order. When those days hold more than
     * {@link #GATHER} trips, a day with many trips gives only those that stop near either end of the leg
     * (as of the last rebuild of the stop index) or start near one, and no further day is looked at once
     * {@link #GATHER} are found.
     */
    private List<Trip> candidates(Leg leg, int lo, int hi) {
        List<Trip> candidates = new ArrayList<>();
        int from = leg.getFromPlace();
        int to = leg.getToPlace();
        int inWindow = 0;
        for (int d = lo; d <= hi && inWindow <= GATHER; d++) {
            inWindow += byDay.get(d).size();
        }
        if (inWindow <= GATHER) {
            for (int d = lo; d <= hi; d++) {
                if (DayWindow.bothEndsOpen(ctx, leg, d)) {
                    for (Trip t : byDay.get(d)) {
                        if (fits(leg, t)) {
                            candidates.add(t);
                        }
                    }
                }
            }
            return candidates;
        }
        if (nearby == null) {
            nearby = Nearby.of(plan);
            gathered = new int[plan.getTrips().size()];
        }
        Nearby.Stops stops = nearby.stopsOf(plan);
        int stamp = ++gatherStamp;
        List<Trip> all = plan.getTrips();
        for (int d = lo; d <= hi && candidates.size() < GATHER; d++) {
            if (!DayWindow.bothEndsOpen(ctx, leg, d)) {
                continue;
            }
            if (byDay.get(d).size() <= Nearby.SMALL_DAY) {
                for (Trip t : byDay.get(d)) {
                    if (fits(leg, t)) {
                        candidates.add(t);
                    }
                }
                continue;
            }
            for (int[] near : new int[][] {nearby.nearSites(from), nearby.nearSites(to)}) {
                for (int place : near) {
                    for (int i : stops.at(d, place)) {
                        gather(leg, i, all, stamp, candidates);
                    }
                }
            }
            for (int[] near : new int[][] {nearby.nearHomes(from), nearby.nearHomes(to)}) {
                for (int home : near) {
                    for (int i : nearby.tripsFromHome(d, home)) {
                        gather(leg, i, all, stamp, candidates);
                    }
                }
            }
        }
        return candidates;
    }

    private void gather(Leg leg, int position, List<Trip> all, int stamp, List<Trip> candidates) {
        if (gathered[position] == stamp) {
            return;
        }
        gathered[position] = stamp;
        Trip t = all.get(position);
        if (fits(leg, t)) {
            candidates.add(t);
        }
    }

    private boolean fits(Leg leg, Trip t) {
        return t != avoid && t != avoidToo && !(onlyUsedTrips && t.getVisits().isEmpty()) && CandidateTrips.fits(leg, t, seqOf(t));
    }

    private Insertion best(Leg leg) {
        int lo = firstDay(leg);
        if (lo < 0) {
            return null;
        }
        lo = Math.max(lo, recipientFirstDay(leg));
        int hi = lastDay(leg);
        List<Trip> candidates;
        if (forcedLeg != null && leg == forcedLeg) {
            int day = forcedTrip.getDay();
            candidates = day >= lo && day <= hi && DayWindow.bothEndsOpen(ctx, leg, day)
                    && fits(leg, forcedTrip) ? List.of(forcedTrip) : List.of();
        } else {
            if (forcedLeg != null && forcedLeg.getParcel() == leg.getParcel()
                    && leg.getParcel().getLegs().indexOf(leg) < leg.getParcel().getLegs().indexOf(forcedLeg)) {
                hi = Math.min(hi, forcedTrip.getDay());
            }
            candidates = candidates(leg, lo, hi);
        }
        return CandidateTrips.cheapest(candidates,
                t -> Inserter.closeness(seqOf(t), t, leg) - InsertionCosts.keptBonus(leg, t),
                onlyUsedTrips ? ELIMINATE_CANDIDATE_TRIPS : CANDIDATE_TRIPS,
                onlyUsedTrips ? ELIMINATE_CANDIDATE_TRIPS : CANDIDATE_TRIPS, t -> true, t -> seqOf(t).isEmpty(),
                t -> cheapestOn(leg, t));
    }

    /** The leg's cheapest feasible place on trip t as it is in the hypothetical state; null when it has none. */
    private Insertion cheapestOn(Leg leg, Trip t) {
        long d = drivingOf(t);
        if (d < 0) {
            return null;
        }
        work += seqOf(t).size() + 1;
        long dayCost = InsertionCosts.dayCost(leg, t) + InsertionCosts.stability(leg, t);
        return inserter.bestInTrip(leg, t, seqOf(t), d, dayCost);
    }
}