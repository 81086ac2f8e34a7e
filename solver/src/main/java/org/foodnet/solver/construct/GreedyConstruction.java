package org.foodnet.solver.construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
 * Builds a first plan that breaks no hard rule: parcels in order of their deadline, each parcel's legs in
 * path order, each leg at the cheapest feasible place in a trip of a suitable day (extra driving, plus an
 * hour for a volunteer who would not drive otherwise). A parcel that cannot be placed whole is left
 * undelivered. Feasibility is checked here with the same timing rules as the constraints
 * ({@link org.foodnet.solver.model.Schedule}), including storage at the hub and depots day by day.
 */
public class GreedyConstruction implements CustomPhaseCommand<MonthPlan> {

    /** Trips examined in full per leg, after ranking by closeness. */
    static final int CANDIDATE_TRIPS = Integer.getInteger("foodnet.candidates", 14);
    /** Cost of moving food on a day later on its way (a chain needs days left for its next hops). */
    static final long LATE_HOP = 10 * PlanningContext.MINUTE;

    private MonthPlan plan;
    private PlanningContext ctx;
    private Map<Trip, Route> routes;
    private List<List<Trip>> tripsByDay;
    private Trip[] tripOf;
    private long[] startOf;
    private long[] depOf;
    private long[][][] level;
    private long[][][] room;
    // scratch for simulations
    private long[] simDep;
    private long[] simStart;
    private int[] simStamp;
    private int stamp;
    private final java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
    private String lastReason = "";
    private boolean earliest;
    private String why = "";
    private static final boolean DEBUG = Boolean.getBoolean("foodnet.debug.positions");

    @Override
    public void changeWorkingSolution(ScoreDirector<MonthPlan> scoreDirector) {
        plan = scoreDirector.getWorkingSolution();
        prepare();
        ctx = plan.getContext();
        List<Parcel> parcels = new ArrayList<>(plan.getParcels());
        parcels.sort(Comparator.comparingLong((Parcel p) -> p.lastLeg().dueMillis())
                .thenComparingLong(this::closingOfRecipient)
                .thenComparing(p -> -p.getUrgency())
                .thenComparing(Parcel::getId));
        for (Parcel parcel : parcels) {
            place(parcel);
        }
        if (Boolean.getBoolean("foodnet.debug")) {
            System.err.println("construction failures by leg/reason: " + failures);
        }
        write(scoreDirector);
    }

    /** When the recipient closes on the parcel's serving day: tight windows first, as in VRPTW insertion. */
    private long closingOfRecipient(Parcel p) {
        Leg last = p.lastLeg();
        return ctx.openTo(last.getToPlace(), PlanningContext.dayOf(last.dueMillis() - 1));
    }

    private void prepare() {
        ctx = plan.getContext();
        int n = plan.getVisits().size();
        tripOf = new Trip[n];
        startOf = new long[n];
        depOf = new long[n];
        simDep = new long[n];
        simStart = new long[n];
        simStamp = new int[n];
        routes = new IdentityHashMap<>();
        tripsByDay = new ArrayList<>();
        for (int d = 0; d < ctx.days(); d++) {
            tripsByDay.add(new ArrayList<>());
        }
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
            int s = (int) (sd.key() / 64 / 4);
            room[s][sd.temperature().ordinal()][sd.day()] = sd.roomGrams();
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

    private void place(Parcel parcel) {
        if (!place(parcel, false)) {
            // a cheap early hop can leave no day for the next one: try again moving food on at the earliest
            place(parcel, true);
        }
    }

    private boolean place(Parcel parcel, boolean earliest) {
        this.earliest = earliest;
        List<Leg> placed = new ArrayList<>(parcel.getLegs().size());
        for (Leg leg : parcel.getLegs()) {
            Insertion best = bestInsertion(leg);
            if (best == null) {
                failures.merge("leg" + (placed.size() + 1) + "/" + parcel.getLegs().size() + " " + leg.getFrom().role()
                        + ">" + leg.getTo().role() + " " + lastReason, 1, Integer::sum);
                for (int i = placed.size() - 1; i >= 0; i--) {
                    remove(placed.get(i));
                }
                return false;
            }
            commit(leg, best);
            placed.add(leg);
        }
        return true;
    }

    private record Insertion(Trip trip, int pickupAt, int dropAt, long cost) {
    }

    private Insertion bestInsertion(Leg leg) {
        int lo;
        if (leg.getUpstream() == null) {
            lo = PlanningContext.dayOf(leg.getReleaseMillis());
        } else {
            Trip up = tripOf[leg.getUpstream().getDrop().getNumber()];
            if (up == null) {
                return null;
            }
            lo = up.getDay();
        }
        Leg last = leg.getParcel().lastLeg();
        int hi = Math.min(ctx.days() - 1, PlanningContext.dayOf(last.dueMillis() - 1));
        List<Trip> candidates = new ArrayList<>();
        for (int d = Math.max(0, lo); d <= hi; d++) {
            for (Trip t : tripsByDay.get(d)) {
                if (t.capacity(leg.classIndex()) >= leg.getGrams() && ctx.isOpen(leg.getFromPlace(), d)
                        && ctx.isOpen(leg.getToPlace(), d) && storageFits(leg, t) && recipientFits(leg, t)) {
                    candidates.add(t);
                }
            }
        }
        if (candidates.isEmpty()) {
            lastReason = "no trip in days " + lo + ".." + hi;
            return null;
        }
        lastReason = "no feasible position in " + candidates.size() + " trips";
        long[] rank = new long[candidates.size()];
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            rank[i] = routes.get(candidates.get(i)).closeness(leg.getFromPlace(), leg.getToPlace())
                    + (earliest ? candidates.get(i).getDay() * PlanningContext.DAY : 0);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> rank[i]));
        Insertion best = null;
        int examined = 0;
        for (Integer i : order) {
            Trip t = candidates.get(i);
            Route route = routes.get(t);
            boolean consolidates = route.contains(leg.getFromPlace());
            if (examined >= CANDIDATE_TRIPS && !consolidates) {
                continue;
            }
            examined++;
            Insertion ins = bestInTrip(leg, route);
            if (ins != null && (best == null || ins.cost < best.cost)) {
                best = ins;
            }
        }
        return best;
    }

    /** The holding at a hub/depot between the upstream drop and this pickup fits every day. */
    private boolean storageFits(Leg leg, Trip trip) {
        if (leg.getFromStorage() < 0 || leg.getUpstream() == null) {
            return true;
        }
        int from = tripOf[leg.getUpstream().getDrop().getNumber()].getDay();
        int s = leg.getFromStorage();
        int c = leg.classIndex();
        for (int d = from; d <= trip.getDay(); d++) {
            if (level[s][c][d] + leg.getGrams() > room[s][c][d]) {
                return false;
            }
        }
        return true;
    }

    /** What this trip unloads at the recipient, with this leg, fits the recipient's storage. */
    private boolean recipientFits(Leg leg, Trip trip) {
        if (!leg.isFinal()) {
            return true;
        }
        long sum = leg.getGrams();
        for (Visit v : routes.get(trip).seq) {
            if (v.isDrop() && v.getLeg().isFinal() && v.getPlace() == leg.getToPlace() && v.classIndex() == leg.classIndex()) {
                sum += v.getLeg().getGrams();
            }
        }
        return sum <= leg.getTo().storageCapacity().get(leg.getTemperature());
    }

    private Insertion bestInTrip(Leg leg, Route route) {
        List<Visit> seq = route.seq;
        int n = seq.size();
        Visit pickup = leg.getPickup();
        Visit drop = leg.getDrop();
        Visit[] sim = new Visit[n + 2];
        Insertion best = null;
        for (int i = 0; i <= n; i++) {
            if (!boundary(seq, i, pickup.getPlace())) {
                continue;
            }
            for (int j = i + 1; j <= n + 1; j++) {
                // position j in the sequence that already holds the pickup at i
                if (!boundaryWith(seq, i, pickup, j, drop.getPlace())) {
                    continue;
                }
                int k = 0;
                for (int x = 0; x <= n; x++) {
                    if (x == i) {
                        sim[k++] = pickup;
                    }
                    if (k == j) {
                        sim[k++] = drop;
                    }
                    if (x < n) {
                        sim[k++] = seq.get(x);
                    }
                }
                if (k == n + 1) {
                    sim[k++] = drop;
                }
                long driving = simulate(route.trip, sim, n + 2);
                if (driving < 0) {
                    if (DEBUG && n < 4) {
                        System.err.println("  reject " + leg + " in " + route.trip.getId() + " at " + i + "/" + j + " of " + n + ": " + why);
                    }
                    continue;
                }
                long cost = driving - route.driving + (n == 0 ? PlanningContext.MINUTE * 60 : 0)
                        + route.trip.getDay() * (earliest ? PlanningContext.DAY : (leg.isFinal() ? 1000L : LATE_HOP));
                if (best == null || cost < best.cost) {
                    best = new Insertion(route.trip, i, j, cost);
                }
            }
        }
        return best;
    }

    /** Inserting at i does not split a stop at another site. */
    private static boolean boundary(List<Visit> seq, int i, int place) {
        if (i == 0 || i == seq.size()) {
            return true;
        }
        int before = seq.get(i - 1).getPlace();
        return before != seq.get(i).getPlace() || before == place;
    }

    private static boolean boundaryWith(List<Visit> seq, int i, Visit pickup, int j, int place) {
        Visit before = j - 1 == i ? pickup : seq.get(j - 1 > i ? j - 2 : j - 1);
        int afterIndex = j > i ? j - 1 : j;
        if (afterIndex >= seq.size()) {
            return true;
        }
        Visit after = seq.get(afterIndex);
        return before.getPlace() != after.getPlace() || before.getPlace() == place;
    }

    /**
     * Times, loads and every hard rule of one trip with the given visits in order; the trip's driving time
     * in milliseconds, or -1 when a rule would break.
     */
    private long simulate(Trip trip, Visit[] seq, int n) {
        stamp++;
        int day = trip.getDay();
        long a = 0;
        long c = 0;
        long f = 0;
        long driving = 0;
        long prevDep = 0;
        long prevStart = 0;
        Visit prev = null;
        long firstStart = 0;
        for (int k = 0; k < n; k++) {
            Visit v = seq[k];
            long open = ctx.openFrom(v.getPlace(), day);
            if (open < 0) {
                { why = "closed"; return -1; }
            }
            long start;
            long dep;
            if (prev != null && prev.getPlace() == v.getPlace()) {
                start = prevStart;
                dep = prevDep;
            } else {
                long drive = ctx.travelMillis(prev == null ? trip.getHomePlace() : prev.getPlace(), v.getPlace());
                driving += drive;
                long arrival = (prev == null ? trip.getSlotStart() : prevDep) + drive;
                start = Math.max(arrival, open);
                dep = start + v.getServiceMillis();
                if (dep > ctx.openTo(v.getPlace(), day)) {
                    { why = "closing"; return -1; }
                }
            }
            if (prev == null) {
                firstStart = start - ctx.travelMillis(trip.getHomePlace(), v.getPlace());
            }
            long delta = v.delta();
            switch (v.classIndex()) {
                case 0 -> a += delta;
                case 1 -> c += delta;
                default -> f += delta;
            }
            if (a > trip.capacity(0) || c > trip.capacity(1) || f > trip.capacity(2) || a < 0 || c < 0 || f < 0) {
                { why = "capacity"; return -1; }
            }
            Leg leg = v.getLeg();
            if (v.isPickup()) {
                if (start < leg.getReleaseMillis()) {
                    { why = "release"; return -1; }
                }
                if (leg.getUpstream() != null) {
                    Visit up = leg.getUpstream().getDrop();
                    // earlier on this trip: the food is on board (or passes through this stop); else it
                    // must have been unloaded here by another trip before this stop starts
                    if (simStamp[up.getNumber()] != stamp) {
                        if (tripOf[up.getNumber()] == null || tripOf[up.getNumber()] == trip
                                || depOf[up.getNumber()] > start) {
                            { why = "upstream"; return -1; }
                        }
                    }
                }
            } else {
                if (start >= leg.getUseByMillis() || start >= leg.getServingMillis()) {
                    { why = "due"; return -1; }
                }
                if (leg.getDownstream() != null) {
                    Visit down = leg.getDownstream().getPickup();
                    Trip downTrip = tripOf[down.getNumber()];
                    if (downTrip != null && downTrip != trip && dep > startOf[down.getNumber()]) {
                        { why = "downstream"; return -1; }
                    }
                }
            }
            simStamp[v.getNumber()] = stamp;
            simDep[v.getNumber()] = dep;
            simStart[v.getNumber()] = start;
            prev = v;
            prevDep = dep;
            prevStart = start;
        }
        if (prev == null) {
            return 0;
        }
        long back = ctx.travelMillis(prev.getPlace(), trip.getHomePlace());
        driving += back;
        long end = prevDep + back;
        if (end > trip.getSlotEnd() || end - firstStart > trip.getMaxMillis()) {
            { why = "end"; return -1; }
        }
        return driving;
    }

    // ------------------------------------------------------------------ committing

    private void commit(Leg leg, Insertion ins) {
        Route route = routes.get(ins.trip);
        route.seq.add(ins.pickupAt, leg.getPickup());
        route.seq.add(ins.dropAt, leg.getDrop());
        route.refresh();
        if (leg.getFromStorage() >= 0) {
            int day = ins.trip.getDay();
            if (leg.getUpstream() == null) {
                addLevel(leg.getFromStorage(), leg.classIndex(), day + 1, leg.getDiscardDay(), -leg.getGrams());
            } else {
                int from = tripOf[leg.getUpstream().getDrop().getNumber()].getDay();
                addLevel(leg.getFromStorage(), leg.classIndex(), from, day, leg.getGrams());
            }
        }
    }

    private void remove(Leg leg) {
        Trip trip = tripOf[leg.getPickup().getNumber()];
        Route route = routes.get(trip);
        if (leg.getFromStorage() >= 0) {
            int day = trip.getDay();
            if (leg.getUpstream() == null) {
                addLevel(leg.getFromStorage(), leg.classIndex(), day + 1, leg.getDiscardDay(), leg.getGrams());
            } else {
                int from = tripOf[leg.getUpstream().getDrop().getNumber()].getDay();
                addLevel(leg.getFromStorage(), leg.classIndex(), from, day, -leg.getGrams());
            }
        }
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

        Route(Trip trip) {
            this.trip = trip;
        }

        void refresh() {
            Visit[] arr = seq.toArray(new Visit[0]);
            driving = Math.max(0, simulateForTimes(arr));
        }

        private long simulateForTimes(Visit[] arr) {
            long result = simulate(trip, arr, arr.length);
            for (Visit v : arr) {
                tripOf[v.getNumber()] = trip;
                depOf[v.getNumber()] = simDep[v.getNumber()];
            }
            if (result < 0 && arr.length > 0) {
                throw new IllegalStateException("construction committed an infeasible trip " + trip.getId());
            }
            for (Visit v : arr) {
                startOf[v.getNumber()] = simStart[v.getNumber()];
            }
            return result;
        }

        boolean contains(int place) {
            for (Visit v : seq) {
                if (v.getPlace() == place) {
                    return true;
                }
            }
            return false;
        }

        /** How close this trip already passes to both places (ranking only). */
        long closeness(int from, int to) {
            long bestFrom = ctx.travelMillis(trip.getHomePlace(), from);
            long bestTo = ctx.travelMillis(trip.getHomePlace(), to);
            for (Visit v : seq) {
                bestFrom = Math.min(bestFrom, ctx.travelMillis(v.getPlace(), from));
                bestTo = Math.min(bestTo, ctx.travelMillis(v.getPlace(), to));
            }
            return bestFrom + bestTo + (seq.isEmpty() ? PlanningContext.MINUTE * 30 : 0);
        }
    }

    // ------------------------------------------------------------------ writing into the working solution

    private void write(ScoreDirector<MonthPlan> sd) {
        for (Visit v : plan.getVisits()) {
            if (tripOf[v.getNumber()] == null) {
                routes.get(v.getParcel().getBucket()).seq.add(v);
            }
        }
        for (Trip t : plan.getTrips()) {
            List<Visit> seq = routes.get(t).seq;
            if (seq.isEmpty()) {
                continue;
            }
            List<Visit> list = t.getVisits();
            int start = list.size();
            sd.beforeListVariableChanged(t, "visits", start, start);
            for (Visit v : seq) {
                sd.beforeListVariableElementAssigned(t, "visits", v);
            }
            list.addAll(seq);
            for (Visit v : seq) {
                sd.afterListVariableElementAssigned(t, "visits", v);
            }
            sd.afterListVariableChanged(t, "visits", start, list.size());
        }
        sd.triggerVariableListeners();
    }
}
