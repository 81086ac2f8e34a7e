package org.foodnet.solver.construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.construct.Inserter.Insertion;
import org.foodnet.solver.insert.CandidateTrips;
import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.insert.InsertionCosts;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.StorageDay;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Builds a first plan that breaks no hard rule: parcels in order of their deadline (recipients that close
 * early first), each parcel's legs in path order, each leg at the cheapest feasible place in a trip of a
 * suitable day (extra driving, an hour for a volunteer who would not drive otherwise, a little for every day
 * later a hop happens). A parcel that cannot be placed whole is tried again with the hops before its delivery
 * no later than the last day the delivery can be made and the hop into the last hub/depot as close to that day
 * as it fits (hubs and depots do not fill up with food that waits for a late serving day), then once more
 * moving its food on at the earliest; if that fails too it is left undelivered. Per-trip rules are checked by {@link Inserter}; storage
 * at the hub and depots is tracked here day by day, what recipients hold by {@link RecipientRoom}. Each
 * recipient's floor of each class (see {@code FoodnetConstraints.FLOOR_SHARE}) is placed before the rest, a
 * parcel per recipient and class a round, those with the fewest days their delivery can be made first; and
 * a delivery close to its serving day is preferred (the recipient holds it for fewer days). Last, recipients and
 * classes still far below their floor get parcels placed by clearing trips for them (see {@link #repair}).
 *
 * <p>With a time limit, construction places parcels only until {@link #TIME_SHARE} of it is spent; the parcels
 * not tried by then stay unplanned (a plan that breaks no hard rule) and local search gets the rest of the time.
 * Run as {@link #steps()}, the plan after the floor rounds (or after {@link #FIRST_SHARE} of the time limit, if
 * sooner) and the plan at the end are each written into the working solution, so the solver reports each as its
 * best so far.
 */
public class GreedyConstruction implements CustomPhaseCommand<MonthPlan> {

    /** Trips examined in full per leg, after ranking by closeness (twice as many when they already stop at the site). */
    static final int CANDIDATE_TRIPS = 14;
    /**
     * Candidate trips gathered per leg before ranking: days are taken earliest first and no further day once
     * this many are found (a small month never reaches it: every trip of the leg's days is ranked).
     */
    static final int GATHER = CandidateTrips.GATHER;
    /** When nothing near fits: every trip of the leg's days, earliest first, no further day once this many. */
    static final int WIDE = 4 * GATHER;
    /**
     * Indexed, per day at most this many trips that stop near the leg's ends and as many that start near them,
     * nearest sites and homes first (only a large network has more).
     */
    static final int DAY_SHARE = GATHER / 2;

    private MonthPlan plan;
    private PlanningContext ctx;
    private Inserter inserter;
    private Map<Trip, Route> routes;
    private List<List<Trip>> tripsByDay;
    /** Per day: place -> the routes that stop there now (kept up to date by {@link Route#refresh}). */
    private List<Map<Integer, java.util.LinkedHashSet<Route>>> stops;
    private Nearby nearby;
    private RecipientRoom recipientRoom;
    private int gatherStamp;
    private Trip[] tripOf;
    private long[] startOf;
    private long[] depOf;
    /** The last {@link Route#version} given out. */
    private long versions;
        /** Whether the visit is in a list of the working solution (see {@link #write}). */
    private boolean[] assigned;
    private long[][][] level;
    private long[][][] room;
    private boolean earliest;
    /** Second try: the hop into the last hub/depot close to the serving day (see {@link #place}). */
    private boolean late;
    private final Map<String, Integer> failures = new TreeMap<>();
    /** The solve's time limit in ms (0: none); see {@link #TIME_SHARE}. */
    private final long timeLimitMillis;
    /** Parcels not tried because construction's share of the time limit was spent (set by the last step). */
    private int skipped;
    private long begin;
    /** Nanoseconds of the wall clock (tests give a clock of their own). */
    java.util.function.LongSupplier clock = System::nanoTime;
    /** The parcels in the order they are placed: the floor rounds, then the rest (see {@link #floorFirst}). */
    private List<Parcel> order;
    /** The index in {@link #order} of the next parcel to try. */
    private int next;

    /**
     * The share of the solve's time limit construction may use: once it is spent, the parcels not yet placed
     * are left unplaced (in their buckets, a plan that breaks no hard rule) and local search gets the rest.
     */
    public static final double TIME_SHARE = 0.5;
    /**
     * The share of the time limit after which construction's first step ends even if the floor rounds are not
     * done (its plan is then reported as the first best so far: a large network gets a feasible plan early).
     */
    public static final double FIRST_SHARE = 0.2;

    /** Without a time limit: construction places everything it can. */
    public GreedyConstruction() {
        this(0);
    }

    /** With the solve's time limit in ms (0: none); construction uses {@link #TIME_SHARE} of it. */
    public GreedyConstruction(long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    /** Parcels the last run left untried because its share of the time limit was spent. */
    public int skipped() {
        return skipped;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<MonthPlan> scoreDirector) {
        first(scoreDirector, false);
        rest(scoreDirector);
    }

    /**
     * The construction as two steps of the phase, each ending in a plan that breaks no hard rule written into
     * the working solution (so that the solver reports it as the best so far): first every recipient's floor
     * of each class (see {@link #floorFirst}), or as much of it as fits in {@link #FIRST_SHARE} of the time
     * limit, then the rest until {@link #TIME_SHARE} of it is spent.
     */
    public List<CustomPhaseCommand<MonthPlan>> steps() {
        return List.of(sd -> first(sd, true), this::rest);
    }

    /** The parcels of the floor rounds, in order; written into the working solution when {@code write} is set. */
    private void first(ScoreDirector<MonthPlan> scoreDirector, boolean write) {
        begin = clock.getAsLong();
        plan = scoreDirector.getWorkingSolution();
        prepare();
        if (ctx.previousPlan() != null) {
            warmStart(ctx.previousPlan());
        }
        List<Parcel> parcels = new ArrayList<>(plan.getParcels());
        parcels.sort(Comparator.comparingLong((Parcel p) -> p.lastLeg().dueMillis())
                .thenComparingLong(this::closingOfRecipient)
                .thenComparing(p -> -p.getUrgency())
                .thenComparing(Parcel::getId));
        // fair first: each recipient's floor of each class (see FoodnetConstraints.FLOOR_SHARE) before the rest
        List<List<Parcel>> rounds = floorFirst(parcels);
        order = new ArrayList<>(parcels.size());
        for (List<Parcel> round : rounds) {
            order.addAll(round);
        }
        next = 0;
        placeUntil(order.size() - rounds.get(rounds.size() - 1).size(), FIRST_SHARE);
        if (write) {
            write(scoreDirector);
        }
    }

    /** The parcels not placed by {@link #first}; then the whole plan into the working solution. */
    private void rest(ScoreDirector<MonthPlan> scoreDirector) {
        placeUntil(order.size(), TIME_SHARE);
        skipped = order.size() - next;
        if (ctx.previousPlan() == null) {
            repairStarved(order);
        }
        if (Boolean.getBoolean("foodnet.debug")) {
            System.err.println("construction failures by leg: " + failures + ", parcels tried " + next
                    + ", left untried (time): " + skipped + ", construction ms: " + (clock.getAsLong() - begin) / 1_000_000);
        }
        write(scoreDirector);
    }

    /**
     * Places the parcels of {@link #order} from {@link #next} up to {@code end} (exclusive), each whole or not at
     * all, while less than {@code share} of the time limit has passed since construction began.
     */
    private void placeUntil(int end, double share) {
        long budget = timeLimitMillis > 0 ? (long) (timeLimitMillis * share * 1_000_000L) : Long.MAX_VALUE;
        while (next < end && clock.getAsLong() - begin <= budget) {
            Parcel parcel = order.get(next++);
            placeAnyhow(parcel);
        }
    }

    /** Whether {@code share} of the time limit has passed since construction began (never without a limit). */
    private boolean timeIsUp(double share) {
        return timeLimitMillis > 0 && clock.getAsLong() - begin > (long) (timeLimitMillis * share * 1_000_000L);
    }

    /** Parcels tried by the last run (placed or found not to fit). */
    public int tried() {
        return next;
    }

    /**
     * The parcels in rounds, each in the given order: first, per recipient and class, those that make up its
     * floor ({@link FoodnetConstraints#FLOOR_SHARE} of what it was allocated, up to its need), a parcel per
     * recipient and class a round (round k holds the k-th floor parcel of each), so that everyone's first parcel
     * finds trips and storage before anyone's second; then the rest.
     */
    private List<List<Parcel>> floorFirst(List<Parcel> parcels) {
        Map<Long, Long> floor = floors;
        Map<Long, Long> taken = new java.util.HashMap<>();
        Map<Long, Integer> count = new java.util.HashMap<>();
        List<List<Parcel>> rounds = new ArrayList<>();
        List<Parcel> rest = new ArrayList<>();
        for (Parcel p : parcels) {
            long key = org.foodnet.solver.model.RecipientDemand.keyOf(p);
            long before = taken.getOrDefault(key, 0L);
            if (before < floor.getOrDefault(key, 0L)) {
                int k = count.merge(key, 1, Integer::sum) - 1;
                while (rounds.size() <= k) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(k).add(p);
                taken.put(key, before + p.getGrams());
            } else {
                rest.add(p);
            }
        }
        // within a round, the parcels whose delivery has the fewest days to choose from first (stable: then by deadline)
        for (List<Parcel> round : rounds) {
            Map<Parcel, Integer> days = new IdentityHashMap<>();
            for (Parcel p : round) {
                days.put(p, deliveryDays(p));
            }
            round.sort(Comparator.comparingInt(days::get));
        }
        rounds.add(rest);
        return rounds;
    }

    /** The three tries of {@link #place}; whether the parcel is placed. */
    private boolean placeAnyhow(Parcel parcel) {
        return place(parcel, false, false) || place(parcel, false, true) || place(parcel, true, false);
    }

    // ------------------------------------------------------------------ repair: room for the starved

    /** Parcels tried per recipient and class in {@link #repairStarved}. */
    static final int REPAIR_PARCELS = 3;
    /** Share of its floor below which a recipient and class is repaired. */
    static final double REPAIR_BELOW = 0.5;
    /** Trips cleared per parcel in {@link #repair} (a hop per clearing: a chain of three hops needs up to three). */
    static final int REPAIR_CLEARS = 4;

    /** Repairs per construction at most (a big network's least served first; a month at scale 1 needs ~20). */
    static final int REPAIR_MAX = 200;

    /**
     * After the rounds, every recipient and class still below {@link #REPAIR_BELOW} of its floor (see
     * {@code FoodnetConstraints.FLOOR_SHARE}), the least served first (delivered ÷ floor), gets up to
     * {@link #REPAIR_PARCELS} of its undelivered parcels (in placing order) placed by {@link #repair}, until it is
     * no longer that far below; {@link #REPAIR_MAX} repairs in all.
     */
    private void repairStarved(List<Parcel> parcels) {
        Map<Long, List<Parcel>> undelivered = new java.util.LinkedHashMap<>();
        for (Parcel p : parcels) {
            if (!placed(p)) {
                undelivered.computeIfAbsent(org.foodnet.solver.model.RecipientDemand.keyOf(p), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Long, Long> delivered = deliveredByKey();
        List<Long> keys = new ArrayList<>();
        for (Long key : undelivered.keySet()) {
            if (delivered.getOrDefault(key, 0L) < REPAIR_BELOW * floors.getOrDefault(key, 0L)) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparingDouble((Long k) -> delivered.getOrDefault(k, 0L) / (double) floors.get(k))
                .thenComparingLong(k -> k));
        int repairs = 0;
        for (Long key : keys) {
            int tried = 0;
            for (Parcel p : undelivered.get(key)) {
                if (tried++ >= REPAIR_PARCELS || repairs >= REPAIR_MAX || timeIsUp(TIME_SHARE)
                        || deliveredByKey().getOrDefault(key, 0L) >= REPAIR_BELOW * floors.get(key)) {
                    break;
                }
                repair(p);
                repairs++;
            }
        }
    }

    /** Grams of delivered parcels per recipient and class ({@code RecipientDemand.keyOf}). */
    private Map<Long, Long> deliveredByKey() {
        Map<Long, Long> delivered = new java.util.HashMap<>();
        for (Parcel p : plan.getParcels()) {
            if (placed(p)) {
                delivered.merge(org.foodnet.solver.model.RecipientDemand.keyOf(p), p.getGrams(), Long::sum);
            }
        }
        return delivered;
    }

    private boolean placed(Parcel p) {
        return tripOf[p.lastLeg().getDrop().getNumber()] != null;
    }

    /**
     * Places a starved recipient's parcel by making room. While it does not fit (after the three tries of
     * {@link #placeAnyhow}), a trip is cleared of every other recipient's parcels (see {@link #clear}): the earliest
     * that could make the hop that failed alone, or, when there is none but the one that took the hop before, the
     * latest that could make that hop a day before; at most {@link #REPAIR_CLEARS} trips. Then the parcels taken off
     * are placed again, the least served recipients' first. The change is kept only when the parcel is placed and
     * every parcel that found no place again belongs to a recipient and class still better served (delivered ÷ need)
     * than the starved one was before (the least served of them all is better off); otherwise every trip gets back
     * what it had. So a far depot that only a few volunteer-days reach, their days full of food that other trips
     * could carry, takes a starved recipient's food on both hops of its chain, on two such trips.
     */
    private void repair(Parcel parcel) {
        long key = org.foodnet.solver.model.RecipientDemand.keyOf(parcel);
        long gotP = deliveredByKey().getOrDefault(key, 0L);
        java.util.Set<Trip> cleared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Parcel> evicted = new ArrayList<>();
        journal = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            failedLeg = null;
            if (placeAnyhow(parcel) || failedLeg == null || attempt >= REPAIR_CLEARS) {
                break;
            }
            // the earliest trip that could make the failed hop (not the one that took the hop before it); when there
            // is none, the latest that could make the hop before it, a day before the failed hop's first day
            Trip target = null;
            for (int d = Math.max(0, failedLo); d <= failedHi && target == null; d++) {
                for (Trip t : tripsByDay.get(d)) {
                    if (!cleared.contains(t) && t != failedUp && Inserter.carriesAlone(ctx, t, failedLeg)) {
                        target = t;
                        break;
                    }
                }
            }
            for (int d = Math.min(failedLo, ctx.days()) - 1; d >= 0 && target == null && failedLeg.getUpstream() != null; d--) {
                for (Trip t : tripsByDay.get(d)) {
                    if (!cleared.contains(t) && Inserter.carriesAlone(ctx, t, failedLeg.getUpstream())) {
                        target = t;
                        break;
                    }
                }
            }
            if (target == null) {
                break;
            }
            cleared.add(target);
            evicted.addAll(clear(target, parcel));
        }
        boolean ok = placed(parcel);
        // the parcels taken off go back the least served (delivered ÷ need) first, then in placing order
        Map<Long, Long> now = deliveredByKey();
        evicted.sort(Comparator.comparingDouble((Parcel p) -> {
            long k = org.foodnet.solver.model.RecipientDemand.keyOf(p);
            return now.getOrDefault(k, 0L) / (double) Math.max(1, needs.getOrDefault(k, 0L));
        }));
        for (Parcel p : evicted) {
            placeAnyhow(p);
        }
        // kept only when every parcel that found no place again belongs to a recipient and class still better served
        // (delivered ÷ need) than the starved one was before: the least served of them all is better off
        Map<Long, Long> delivered = deliveredByKey();
        long needP = Math.max(1, needs.getOrDefault(key, 0L));
        for (Parcel p : evicted) {
            long k = org.foodnet.solver.model.RecipientDemand.keyOf(p);
            long need = needs.getOrDefault(k, 0L);
            if (ok && !placed(p) && (need <= 0 || delivered.getOrDefault(k, 0L) * (double) needP <= gotP * (double) need)) {
                ok = false;
            }
        }
        List<Object[]> done = journal;
        journal = null;
        if (!ok) {
            undo(done);
        }
    }

    /**
     * Takes off the trip the parcels of every other recipient and class (all their hops, last first); a parcel whose
     * delivery cannot come off (the trip would break a rule without it) stays, and so do hops before a hop that cannot
     * come off (the food waits where they bring it and is placed again from there). The parcels taken off.
     */
    private List<Parcel> clear(Trip trip, Parcel starved) {
        long exceptKey = org.foodnet.solver.model.RecipientDemand.keyOf(starved);
        java.util.Set<Parcel> onTrip = new java.util.LinkedHashSet<>();
        for (Visit v : routes.get(trip).seq) {
            onTrip.add(v.getParcel());
        }
        List<Parcel> off = new ArrayList<>();
        for (Parcel p : onTrip) {
            long key = org.foodnet.solver.model.RecipientDemand.keyOf(p);
            if (key == exceptKey || !placed(p) || !removable(p.lastLeg())) {
                continue;
            }
            for (int i = p.getLegs().size() - 1; i >= 0; i--) {
                Leg l = p.getLegs().get(i);
                if (tripOf[l.getPickup().getNumber()] != null) {
                    if (!removable(l)) {
                        break; // the hops before stay: the food waits where they bring it (placed again from there)
                    }
                    remove(l);
                }
            }
            off.add(p);
        }
        return off;
    }

    /** What {@link #commit} and {@link #remove} did during a {@link #repair}, in order; null: not recorded. */
    private List<Object[]> journal;

    /** Undoes what the journal recorded, last first: every trip gets back its visits in their old order. */
    private void undo(List<Object[]> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Object[] e = done.get(i);
            Leg leg = (Leg) e[0];
            if (e[1] == null) {
                remove(leg);
            } else {
                int[] at = (int[]) e[1];
                Trip trip = (Trip) e[2];
                Route route = routes.get(trip);
                route.seq.add(at[0], leg.getPickup());
                route.seq.add(at[1], leg.getDrop());
                route.refresh();
                holding(leg, trip, 1);
            }
        }
    }

    /**
     * The leg that last failed to find a place (see {@link #repair}: after the three tries of {@link #placeAnyhow},
     * the one that moves food on at the earliest), and the days it was looked for on.
     */
    private Leg failedLeg;
    private int failedLo;
    private int failedHi;
    /** The trip that took the hop before the failed one, if any. */
    private Trip failedUp;

    /** When the recipient closes on the parcel's serving day: tight windows first, as in VRPTW insertion. */
    private long closingOfRecipient(Parcel p) {
        Leg last = p.lastLeg();
        return ctx.openTo(last.getToPlace(), DayWindow.servingDay(p));
    }

    /** Per recipient and class ({@code RecipientDemand.key}), its floor (see {@code FoodnetConstraints.FLOOR_SHARE}). */
    private final Map<Long, Long> floors = new java.util.HashMap<>();
    /** Per recipient and class, its monthly need. */
    private final Map<Long, Long> needs = new java.util.HashMap<>();

    private void prepare() {
        ctx = plan.getContext();
        for (org.foodnet.solver.model.RecipientDemand d : plan.getRecipientDemands()) {
            floors.put(d.key(), d.floorGrams(FoodnetConstraints.FLOOR_SHARE));
            needs.put(d.key(), d.needGrams());
        }
        int n = plan.getVisits().size();
        tripOf = new Trip[n];
        startOf = new long[n];
        depOf = new long[n];
        assigned = new boolean[n];
        inserter = new Inserter(ctx, n, new Timeline() {
            @Override
            public Trip tripOf(Visit v) {
                return tripOf[v.getNumber()];
            }

            @Override
            public long departure(Visit v) {
                return depOf[v.getNumber()];
            }

            @Override
            public long serviceStart(Visit v) {
                return startOf[v.getNumber()];
            }
        });
        if (plan.getWeights() != null) {
            inserter.setNewTripCost(plan.getWeights().newTripMillis());
        }
        routes = new IdentityHashMap<>();
        tripsByDay = new ArrayList<>();
        stops = new ArrayList<>();
        for (int d = 0; d < ctx.days(); d++) {
            tripsByDay.add(new ArrayList<>());
            stops.add(new java.util.HashMap<>());
        }
        nearby = Nearby.of(plan);
        recipientRoom = new RecipientRoom(plan);
        for (Trip t : plan.getTrips()) {
            routes.put(t, new Route(t));
            if (!t.isBucket()) {
                tripsByDay.get(t.getDay()).add(t);
            }
        }
        int storages = 0;
        for (StorageDay sd : plan.getStorageDays()) {
            storages = Math.max(storages, (int) (sd.key() / 64 / 4) + 1);
        }
        level = new long[storages][3][ctx.days()];
        room = new long[storages][3][ctx.days()];
        for (StorageDay sd : plan.getStorageDays()) {
            room[(int) (sd.key() / 64 / 4)][sd.temperature().ordinal()][sd.day()] = sd.roomGrams();
        }
        // stock already at a hub/depot stays there until loaded out: counted until discarded for now
        for (Leg leg : plan.getLegs()) {
            if (leg.getFromStorage() >= 0 && leg.getUpstream() == null) {
                addLevel(leg.getFromStorage(), leg.classIndex(), leg.getStockDay(), leg.getDiscardDay(), leg.getGrams());
            }
        }
    }

    private void addLevel(int storage, int cls, int from, int to, long grams) {
        for (int d = Math.max(0, from); d <= Math.min(ctx.days() - 1, to); d++) {
            level[storage][cls][d] += grams;
        }
    }

    // ------------------------------------------------------------------ placing parcels

    private boolean place(Parcel parcel, boolean earliest, boolean late) {
        this.earliest = earliest;
        this.late = late;
        List<Leg> placed = new ArrayList<>(parcel.getLegs().size());
        List<Leg> kept = new ArrayList<>();
        for (Leg leg : parcel.getLegs()) {
            if (tripOf[leg.getPickup().getNumber()] != null) {
                placed.add(leg); // kept from the previous plan
                kept.add(leg);
                continue;
            }
            Insertion best = bestInsertion(leg);
            if (best == null) {
                failures.merge("leg " + (placed.size() + 1) + "/" + parcel.getLegs().size() + " "
                        + leg.getFrom().role() + ">" + leg.getTo().role(), 1, Integer::sum);
                if (Boolean.getBoolean("foodnet.debug")) {
                    Trip up = leg.getUpstream() == null ? null : tripOf[leg.getUpstream().getDrop().getNumber()];
                    System.err.println("FAIL " + parcel.getId() + " " + leg.getTo().id() + " " + leg.getTemperature() + " leg "
                            + (placed.size() + 1) + "/" + parcel.getLegs().size() + " earliest=" + earliest
                            + " release=" + PlanningContext.dayOf(leg.getReleaseMillis()) + " up=" + (up == null ? -1 : up.getDay())
                            + " room=" + recipientRoom.firstDay(leg, v -> tripOf[v.getNumber()])
                            + " due=" + PlanningContext.dayOf(leg.getParcel().lastLeg().dueMillis() - 1)
                            + " prev=" + placed.stream().map(l -> tripOf[l.getPickup().getNumber()].getDay() + "").toList());
                }
                // legs committed here come out in reverse order, which restores trips that worked; a leg kept
                // from the previous plan comes out only if its trip still works without it (taking a stop out
                // can make a later one too early for its food, or the working day longer)
                for (int i = placed.size() - 1; i >= 0; i--) {
                    Leg l = placed.get(i);
                    if (!kept.contains(l) || removable(l)) {
                        remove(l);
                    }
                }
                return false;
            }
            commit(leg, best);
            placed.add(leg);
        }
        return true;
    }

    private Insertion bestInsertion(Leg leg) {
        int lo = DayWindow.firstDay(leg, v -> tripOf[v.getNumber()]);
        if (lo < 0) {
            return null;
        }
        // rule 9: no earlier than the recipient has room for it every day until it is served
        lo = Math.max(lo, recipientRoom.firstDay(leg, v -> tripOf[v.getNumber()]));
        int hi = DayWindow.lastDay(leg, ctx.days());
        boolean[] partial = {false};
        Insertion best = bestOf(leg, gather(leg, lo, hi, true, partial));
        if (best == null && partial[0]) {
            // nothing near fitted: every trip of the leg's days (up to WIDE), as without the index
            best = bestOf(leg, gather(leg, lo, hi, false, partial));
            failures.merge(best == null ? "widened, in vain" : "widened, found", 1, Integer::sum);
        }
        if (best == null) {
            failedLeg = leg;
            failedLo = lo;
            failedHi = hi;
            failedUp = leg.getUpstream() == null ? null : tripOf[leg.getUpstream().getDrop().getNumber()];
        }
        return best;
    }

    /**
     * The trips of days lo..hi that could take the leg (room for its class, both ends open that day, storage
     * and the recipient's room allow it; storage is checked once per day), in day order. With {@code indexed}, a day with many trips gives only
     * those that stop near either end of the leg or start near one, and no further day is looked at once
     * {@link #GATHER} are found; {@code partial[0]} then tells whether anything was left out. Without, every
     * trip of a day counts and no further day is looked at once {@link #WIDE} are found.
     */
    private List<Trip> gather(Leg leg, int lo, int hi, boolean indexed, boolean[] partial) {
        List<Trip> candidates = new ArrayList<>();
        int stamp = ++gatherStamp;
        int from = leg.getFromPlace();
        int to = leg.getToPlace();
        for (int d = lo; d <= hi; d++) {
            if (!DayWindow.bothEndsOpen(ctx, leg, d)) {
                continue;
            }
            if (candidates.size() >= (indexed ? GATHER : WIDE)) {
                partial[0] = true;
                break;
            }
            if (!storageFits(leg, d)) {
                break; // nor on any later day
            }
            List<Trip> day = tripsByDay.get(d);
            if (!indexed || day.size() <= Nearby.SMALL_DAY) {
                for (Trip t : day) {
                    consider(leg, routes.get(t), stamp, candidates);
                }
                continue;
            }
            partial[0] = true;
            // at most DAY_SHARE of a day's trips that stop near either end, and as many that start near one
            // (a day of a large network has hundreds that stop at the hub)
            int cap = candidates.size() + DAY_SHARE;
            Map<Integer, java.util.LinkedHashSet<Route>> stopsOfDay = stops.get(d);
            sites:
            for (int[] near : new int[][] {nearby.nearSites(from), nearby.nearSites(to)}) {
                for (int place : near) {
                    java.util.LinkedHashSet<Route> there = stopsOfDay.get(place);
                    if (there != null) {
                        for (Route r : there) {
                            if (candidates.size() >= cap) {
                                break sites;
                            }
                            consider(leg, r, stamp, candidates);
                        }
                    }
                }
            }
            cap = candidates.size() + DAY_SHARE;
            homes:
            for (int[] near : new int[][] {nearby.nearHomes(from), nearby.nearHomes(to)}) {
                for (int home : near) {
                    for (int i : nearby.tripsFromHome(d, home)) {
                        if (candidates.size() >= cap) {
                            break homes;
                        }
                        consider(leg, routes.get(plan.getTrips().get(i)), stamp, candidates);
                    }
                }
            }
        }
        return candidates;
    }

    private void consider(Leg leg, Route route, int stamp, List<Trip> candidates) {
        if (route.gathered == stamp) {
            return;
        }
        route.gathered = stamp;
        Trip t = route.trip;
        if (CandidateTrips.fits(leg, t, route.seq)) {
            candidates.add(t);
        }
    }

    /**
     * The cheapest insertion into the closest of these trips, or null: the {@link #CANDIDATE_TRIPS} closest, then
     * up to as many more that already stop at the leg's pickup site (see {@link CandidateTrips#cheapest}).
     */
    private Insertion bestOf(Leg leg, List<Trip> candidates) {
        return CandidateTrips.cheapest(candidates,
                t -> routes.get(t).closeness(leg)
                        + (earliest ? t.getDay() * PlanningContext.DAY : 0)
                        + Math.max(0, lateCost(leg, t))
                        - InsertionCosts.keptBonus(leg, t),
                CANDIDATE_TRIPS, 2 * CANDIDATE_TRIPS,
                t -> routes.get(t).stopsAt(leg.getFromPlace()),
                t -> routes.get(t).seq.isEmpty(),
                t -> {
                    Route route = routes.get(t);
                    long dayCost = (earliest ? t.getDay() * PlanningContext.DAY
                            : lateCost(leg, t) >= 0 ? lateCost(leg, t)
                            : InsertionCosts.dayCost(leg, t))
                            + InsertionCosts.stability(leg, t);
                    return inserter.bestInTrip(leg, t, route.seq, route.driving, dayCost, route.version);
                });
    }

    /**
     * In the second try ({@link #late}), the last day a hop before the delivery should be made: the last day up
     * to the serving day on which both ends of the delivery are open (the food then waits at the last hub/depot
     * as briefly as it can, and the delivery can follow that day); -1 for the delivery itself, in the other
     * tries, or when there is no such day.
     */
    private int lateTarget(Leg leg) {
        if (!late || leg.isFinal()) {
            return -1;
        }
        return lastDeliveryDay(leg.getParcel());
    }

    /** The last day up to the parcel's serving day on which both ends of its delivery are open, or -1. */
    private int lastDeliveryDay(Parcel parcel) {
        if (parcel != lastDeliveryOf) { // asked for every candidate trip of a leg: the last answer is kept
            lastDeliveryOf = parcel;
            lastDelivery = computeLastDeliveryDay(parcel);
        }
        return lastDelivery;
    }

    private Parcel lastDeliveryOf;
    private int lastDelivery;

    private int computeLastDeliveryDay(Parcel parcel) {
        Leg last = parcel.lastLeg();
        for (int d = DayWindow.lastDay(parcel, ctx.days()); d >= 0; d--) {
            if (DayWindow.bothEndsOpen(ctx, last, d)) {
                return d;
            }
        }
        return -1;
    }

    /**
     * The days on which the parcel's delivery could be made (both its ends open, from the food's release to the
     * serving day): the fewer, the earlier the parcel is placed in its round.
     */
    private int deliveryDays(Parcel parcel) {
        Leg last = parcel.lastLeg();
        int lo = DayWindow.releaseDay(parcel);
        int hi = DayWindow.lastDay(parcel, ctx.days());
        int n = 0;
        for (int d = lo; d <= hi; d++) {
            if (DayWindow.bothEndsOpen(ctx, last, d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * For a hop before the delivery in the second try: ten days' worth of cost per day after {@link #lateTarget}
     * (the delivery could not follow); up to it, the hop into the last hub/depot a day's worth per day before
     * the target (the food waits there as briefly as it can), earlier hops as in the first try. Otherwise -1.
     */
    private long lateCost(Leg leg, Trip t) {
        int target = lateTarget(leg);
        if (target < 0) {
            return -1;
        }
        int day = t.getDay();
        if (day > target) {
            return 10L * (day - target) * PlanningContext.DAY;
        }
        List<Leg> legs = leg.getParcel().getLegs();
        return legs.get(legs.size() - 2) == leg ? (target - day) * PlanningContext.DAY : day * InsertionCosts.LATE_HOP;
    }

    static boolean visitsPlace(List<Visit> seq, int place) {
        for (Visit v : seq) {
            if (v.getPlace() == place) {
                return true;
            }
        }
        return false;
    }

    /** The holding at a hub/depot between the upstream drop and this pickup fits every day. */
    private boolean storageFits(Leg leg, Trip trip) {
        return storageFits(leg, trip.getDay());
    }

    /**
     * The same for a pickup on this day. Holding longer only adds days, so once it fails for a day it fails
     * for every later day too.
     */
    private boolean storageFits(Leg leg, int day) {
        if (leg.getFromStorage() < 0 || leg.getUpstream() == null) {
            return true;
        }
        int from = tripOf[leg.getUpstream().getDrop().getNumber()].getDay();
        int s = leg.getFromStorage();
        int c = leg.classIndex();
        for (int d = from; d <= day; d++) {
            if (level[s][c][d] + leg.getGrams() > room[s][c][d]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ warm start from a previous plan

    /**
     * Re-creates the previous plan's trips, stop by stop in their old order, with the legs that carry the
     * same food (lot, site, recipient) as before; a trip that no longer works (a cancelled day, changed
     * times) keeps the longest part of it that still does. What is left is then placed as usual.
     */
    private void warmStart(org.foodnet.solver.plan.Plan previous) {
        Map<String, Trip> tripsById = new java.util.HashMap<>();
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket()) {
                tripsById.put(t.getId(), t);
            }
        }
        Map<String, List<Leg>> legsByKey = new java.util.HashMap<>();
        for (Leg leg : plan.getLegs()) {
            if (leg.getPreviousTripId() != null) {
                legsByKey.computeIfAbsent(key(leg), k -> new ArrayList<>()).add(leg);
            }
        }
        List<org.foodnet.solver.plan.PlannedTrip> trips = new ArrayList<>(previous.trips());
        trips.sort(Comparator.comparing(org.foodnet.solver.plan.PlannedTrip::start));
        for (org.foodnet.solver.plan.PlannedTrip old : trips) {
            Trip trip = tripsById.get(old.id());
            if (trip == null) {
                continue;
            }
            List<Visit> seq = new ArrayList<>();
            List<Leg> onBoard = new ArrayList<>();
            for (org.foodnet.solver.plan.PlannedStop stop : old.stops()) {
                for (org.foodnet.solver.plan.Movement m : stop.movements()) {
                    // PASS: the food stays on board, i.e. one leg's drop and the next leg's pickup at this stop
                    if (m.kind() != org.foodnet.solver.plan.MovementKind.LOAD) {
                        for (Leg leg : onBoard) {
                            if (leg.getTo().id().equals(stop.siteId()) && leg.getParcel().getLot().id().equals(m.lotId())
                                    && leg.getParcel().getRecipient().id().equals(m.recipientId())) {
                                seq.add(leg.getDrop());
                                onBoard.remove(leg);
                                break;
                            }
                        }
                    }
                    if (m.kind() != org.foodnet.solver.plan.MovementKind.UNLOAD) {
                        Leg leg = takeLeg(legsByKey, m.lotId() + "|" + stop.siteId() + "|" + m.recipientId(), old.id());
                        if (leg != null) {
                            seq.add(leg.getPickup());
                            onBoard.add(leg);
                        }
                    }
                }
            }
            for (Leg leg : onBoard) {
                seq.remove(leg.getPickup()); // never unloaded on this trip: placed as usual later
            }
            keepFeasiblePrefix(trip, seq);
        }
    }

    private static String key(Leg leg) {
        return leg.getParcel().getLot().id() + "|" + leg.getFrom().id() + "|" + leg.getParcel().getRecipient().id();
    }

    private Leg takeLeg(Map<String, List<Leg>> legsByKey, String key, String tripId) {
        List<Leg> legs = legsByKey.get(key);
        if (legs == null) {
            return null;
        }
        for (Leg leg : legs) {
            boolean upstreamThere = leg.getUpstream() == null || tripOf[leg.getUpstream().getDrop().getNumber()] != null;
            if (tripId.equals(leg.getPreviousTripId()) && upstreamThere && tripOf[leg.getPickup().getNumber()] == null) {
                legs.remove(leg);
                return leg;
            }
        }
        return null;
    }

    /** Commits the longest run of whole legs from the start of {@code seq} that breaks no rule. */
    private void keepFeasiblePrefix(Trip trip, List<Visit> seq) {
        Route route = routes.get(trip);
        while (!seq.isEmpty()) {
            // the pickups together must fit their storage: each one's holding counts for the next
            boolean storageOk = true;
            List<Leg> held = new ArrayList<>();
            for (Visit v : seq) {
                if (v.isPickup()) {
                    if (!storageFits(v.getLeg(), trip)) {
                        storageOk = false;
                        break;
                    }
                    holding(v.getLeg(), trip, 1);
                    held.add(v.getLeg());
                }
            }
            for (Leg leg : held) {
                holding(leg, trip, -1);
            }
            // and what the recipients hold, with the rest of this trip's deliveries
            java.util.Set<Visit> inSeq = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            inSeq.addAll(seq);
            for (Visit v : seq) {
                if (storageOk && v.isDrop() && v.getLeg().isFinal() && trip.getDay() < recipientRoom.firstDay(v.getLeg(),
                        o -> inSeq.contains(o) ? trip : tripOf[o.getNumber()])) {
                    storageOk = false;
                }
            }
            if (storageOk && inserter.simulate(trip, seq.toArray(new Visit[0]), seq.size()) >= 0) {
                break;
            }
            // drop the last leg started in the sequence (its pickup and drop)
            Visit lastPickup = null;
            for (Visit v : seq) {
                if (v.isPickup()) {
                    lastPickup = v;
                }
            }
            seq.remove(lastPickup);
            seq.remove(lastPickup.partner());
        }
        if (seq.isEmpty()) {
            return;
        }
        route.seq.addAll(seq);
        route.refresh();
        for (Visit v : seq) {
            if (v.isPickup()) {
                holding(v.getLeg(), trip, 1);
            }
        }
    }

    // ------------------------------------------------------------------ committing

    private void commit(Leg leg, Insertion ins) {
        if (journal != null) {
            journal.add(new Object[] {leg, null});
        }
        Route route = routes.get(ins.trip());
        route.seq.add(ins.pickupAt(), leg.getPickup());
        route.seq.add(ins.dropAt(), leg.getDrop());
        route.refresh();
        holding(leg, ins.trip(), 1);
    }

    /**
     * What loading this leg's food on the trip's day does to its origin's storage (sign 1; -1 undoes it):
     * stock that was there from the start now leaves that day; food brought by the upstream leg now stays
     * from its arrival until that day.
     */
    private void holding(Leg leg, Trip trip, int sign) {
        if (leg.getFromStorage() < 0) {
            return;
        }
        int day = trip.getDay();
        if (leg.getUpstream() == null) {
            addLevel(leg.getFromStorage(), leg.classIndex(), day + 1, leg.getDiscardDay(), -sign * leg.getGrams());
        } else {
            int from = tripOf[leg.getUpstream().getDrop().getNumber()].getDay();
            addLevel(leg.getFromStorage(), leg.classIndex(), from, day, sign * leg.getGrams());
        }
    }

    /** Whether the leg's trip still breaks no rule without the leg's two visits. */
    private boolean removable(Leg leg) {
        Trip trip = tripOf[leg.getPickup().getNumber()];
        List<Visit> rest = new ArrayList<>(routes.get(trip).seq);
        rest.remove(leg.getPickup());
        rest.remove(leg.getDrop());
        return inserter.simulate(trip, rest.toArray(new Visit[0]), rest.size()) >= 0;
    }

    /** A new version for the routes that hold the visits linked to this one (its upstream drop, downstream pickup). */
    private void touchLinked(Visit v) {
        Leg leg = v.getLeg();
        Leg other = v.isPickup() ? leg.getUpstream() : leg.getDownstream();
        if (other == null) {
            return;
        }
        Trip t = tripOf[(v.isPickup() ? other.getDrop() : other.getPickup()).getNumber()];
        if (t != null) {
            routes.get(t).version = ++versions;
        }
    }

    private void remove(Leg leg) {
        Trip trip = tripOf[leg.getPickup().getNumber()];
        touchLinked(leg.getPickup());
        touchLinked(leg.getDrop());
        Route route = routes.get(trip);
        if (journal != null) {
            journal.add(new Object[] {leg, new int[] {route.seq.indexOf(leg.getPickup()), route.seq.indexOf(leg.getDrop())}, trip});
        }
        holding(leg, trip, -1);
        route.seq.remove(leg.getPickup());
        route.seq.remove(leg.getDrop());
        tripOf[leg.getPickup().getNumber()] = null;
        tripOf[leg.getDrop().getNumber()] = null;
        route.refresh();
    }

    /** A trip under construction: its visits in order and their committed times. */
    private final class Route {
        final Trip trip;
        final List<Visit> seq = new ArrayList<>();
        long driving;
        /** The last gathering that saw this trip. */
        int gathered;
        /** The distinct places of {@link #seq} (see {@link #closeness}). */
        int[] places = new int[0];
        /**
         * Changes whenever {@link #seq}, its times or the times of the visits linked to it on other routes
         * (upstream drops, downstream pickups) change: {@link Inserter} keeps what it derived from the route until then.
         */
        long version;
        /** The places this route stops at, as {@link #stops} has them. */
        private java.util.Set<Integer> indexedAt = java.util.Set.of();

        Route(Trip trip) {
            this.trip = trip;
        }

        /** Whether the route stops at the place (as {@link #visitsPlace}, from the index). */
        boolean stopsAt(int place) {
            return trip.isBucket() ? visitsPlace(seq, place) : indexedAt.contains(place);
        }

        private void reindex() {
            java.util.Set<Integer> now = new java.util.HashSet<>();
            for (Visit v : seq) {
                now.add(v.getPlace());
            }
            Map<Integer, java.util.LinkedHashSet<Route>> stopsOfDay = stops.get(trip.getDay());
            for (Integer place : indexedAt) {
                if (!now.contains(place)) {
                    stopsOfDay.get(place).remove(this);
                }
            }
            for (Integer place : now) {
                if (!indexedAt.contains(place)) {
                    stopsOfDay.computeIfAbsent(place, k -> new java.util.LinkedHashSet<>()).add(this);
                }
            }
            indexedAt = now;
        }

        /**
         * {@link Inserter#closeness} of this route (the same value): over the distinct places it stops at, in
         * the order it first stops there, each looked up once.
         */
        long closeness(Leg leg) {
            PlanningContext c = trip.context();
            int from = leg.getFromPlace();
            int to = leg.getToPlace();
            long bestFrom = c.travelMillis(trip.getHomePlace(), from);
            long bestTo = c.travelMillis(trip.getHomePlace(), to);
            for (int place : places) {
                bestFrom = Math.min(bestFrom, c.travelMillis(place, from));
                bestTo = Math.min(bestTo, c.travelMillis(place, to));
            }
            return bestFrom + bestTo + (seq.isEmpty() ? CandidateTrips.EMPTY_TRIP : 0);
        }

        void refresh() {
            if (!trip.isBucket()) {
                reindex();
            }
            version = ++versions;
            for (Visit v : seq) {
                touchLinked(v);
            }
            int[] distinct = new int[seq.size()];
            int k = 0;
            for (int x = 0; x < seq.size(); x++) {
                int place = seq.get(x).getPlace();
                if (x == 0 || seq.get(x - 1).getPlace() != place) {
                    boolean seen = false;
                    for (int y = 0; y < k && !seen; y++) {
                        seen = distinct[y] == place;
                    }
                    if (!seen) {
                        distinct[k++] = place;
                    }
                }
            }
            places = Arrays.copyOf(distinct, k);
            Visit[] arr = seq.toArray(new Visit[0]);
            long result = inserter.simulate(trip, arr, arr.length);
            if (result < 0) {
                throw new IllegalStateException("construction committed an infeasible trip " + trip.getId());
            }
            driving = result;
            for (Visit v : arr) {
                tripOf[v.getNumber()] = trip;
                depOf[v.getNumber()] = inserter.simulatedDeparture(v);
                startOf[v.getNumber()] = inserter.simulatedStart(v);
            }
        }
    }

    // ------------------------------------------------------------------ writing into the working solution

    /**
     * Makes the working solution what construction has now: each trip's visits as its route has them, each
     * parcel's bucket the visits placed nowhere. Can be called again after more parcels were placed: only the
     * lists that changed are rewritten (all "before" events first, then the changes, then the "after" events).
     */
    private void write(ScoreDirector<MonthPlan> sd) {
        Map<Trip, List<Visit>> wanted = new IdentityHashMap<>();
        for (Visit v : plan.getVisits()) {
            if (tripOf[v.getNumber()] == null) {
                wanted.computeIfAbsent(v.getParcel().getBucket(), k -> new ArrayList<>()).add(v);
            }
        }
        List<Trip> changed = new ArrayList<>();
        for (Trip t : plan.getTrips()) {
            List<Visit> want = t.isBucket() ? wanted.getOrDefault(t, List.of()) : routes.get(t).seq;
            if (!t.getVisits().equals(want)) {
                wanted.put(t, want);
                changed.add(t);
            }
        }
        boolean[] fresh = new boolean[assigned.length];
        for (Trip t : changed) {
            sd.beforeListVariableChanged(t, "visits", 0, t.getVisits().size());
        }
        for (Trip t : changed) {
            for (Visit v : wanted.get(t)) {
                if (!assigned[v.getNumber()]) {
                    fresh[v.getNumber()] = true;
                    sd.beforeListVariableElementAssigned(t, "visits", v);
                }
            }
        }
        for (Trip t : changed) {
            t.getVisits().clear();
            t.getVisits().addAll(wanted.get(t));
        }
        for (int i = 0; i < fresh.length; i++) {
            assigned[i] |= fresh[i];
        }
        for (Trip t : changed) {
            for (Visit v : wanted.get(t)) {
                if (fresh[v.getNumber()]) {
                    sd.afterListVariableElementAssigned(t, "visits", v);
                }
            }
        }
        for (Trip t : changed) {
            sd.afterListVariableChanged(t, "visits", 0, t.getVisits().size());
        }
        sd.triggerVariableListeners();
    }
}
