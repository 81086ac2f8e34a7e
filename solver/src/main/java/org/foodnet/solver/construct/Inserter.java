package org.foodnet.solver.construct;

import java.util.List;

import org.foodnet.solver.insert.CandidateTrips;
import org.foodnet.solver.insert.DayWindow;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.Schedule;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Finds the cheapest place for one leg (its pickup and its drop) in one trip such that the trip breaks no
 * hard rule: times with waiting for opening hours, the slot and the day length, loads per class, the lot's
 * release and the deadlines, and precedence with the legs before and after it on other trips (seen through
 * a {@link Timeline}). Storage at the hub and depots, and what recipients hold over the days, is the caller's
 * business (it is not per trip; see {@link RecipientRoom}).
 */
public final class Inserter {

    /** Cost of a volunteer's day that would otherwise not be driven. */
    public static final long NEW_TRIP = 60 * PlanningContext.MINUTE;

    private final PlanningContext ctx;
    private Timeline timeline;
    private long newTripCost = NEW_TRIP;
    private final long[] simDep;
    private final long[] simStart;
    private final int[] simStamp;
    private int stamp;
    /** Where the last failed simulation broke: the index of the visit, or n when returning home. */
    private int failedAt;

    /** An insertion: pickup at {@code pickupAt}, then drop at {@code dropAt} of the list that holds the pickup. */
    public record Insertion(Trip trip, int pickupAt, int dropAt, long cost) {
    }

    public Inserter(PlanningContext ctx, int visits, Timeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.simDep = new long[visits];
        this.simStart = new long[visits];
        this.simStamp = new int[visits];
    }

    /** What opening an empty trip costs in insertion decisions (see {@code FoodnetWeights#newTripMillis}). */
    public void setNewTripCost(long newTripCost) {
        this.newTripCost = newTripCost;
    }

    public void setTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Departure of a visit in the last simulation that reached it. */
    public long simulatedDeparture(Visit v) {
        return simDep[v.getNumber()];
    }

    public long simulatedStart(Visit v) {
        return simStart[v.getNumber()];
    }

    /**
     * Whether the trip, were it empty, could make the leg's hop alone: room for its class, both sites open that
     * day, from home to the first while it is open, on to the second while it is open (service times included),
     * and home again within the slot and the volunteer's longest day. What the trip carries now is not looked at.
     */
    public static boolean carriesAlone(PlanningContext ctx, Trip t, Leg leg) {
        int d = t.getDay();
        int a = leg.getFromPlace();
        int b = leg.getToPlace();
        if (t.isBucket() || t.capacity(leg.classIndex()) < leg.getGrams() || !DayWindow.bothEndsOpen(ctx, leg, d)) {
            return false;
        }
        int home = t.getHomePlace();
        long startA = Schedule.serviceStart(Schedule.leave(t, true, 0L) + ctx.travelMillis(home, a), ctx.openFrom(a, d));
        long leaveA = startA + leg.getPickup().getServiceMillis();
        long startB = Schedule.serviceStart(leaveA + ctx.travelMillis(a, b), ctx.openFrom(b, d));
        long leaveB = startB + leg.getDrop().getServiceMillis();
        long back = leaveB + ctx.travelMillis(b, home);
        long left = startA - ctx.travelMillis(home, a);
        return leaveA <= ctx.openTo(a, d) && leaveB <= ctx.openTo(b, d) && back <= t.getSlotEnd()
                && back - left <= t.getMaxMillis();
    }

    /** How close a trip with these visits already passes to both ends of a leg (for ranking trips only). */
    public static long closeness(List<Visit> seq, Trip trip, Leg leg) {
        PlanningContext ctx = trip.context();
        long bestFrom = ctx.travelMillis(trip.getHomePlace(), leg.getFromPlace());
        long bestTo = ctx.travelMillis(trip.getHomePlace(), leg.getToPlace());
        for (Visit v : seq) {
            bestFrom = Math.min(bestFrom, ctx.travelMillis(v.getPlace(), leg.getFromPlace()));
            bestTo = Math.min(bestTo, ctx.travelMillis(v.getPlace(), leg.getToPlace()));
        }
        return bestFrom + bestTo + (seq.isEmpty() ? CandidateTrips.EMPTY_TRIP : 0);
    }

    /** What this trip unloads at the leg's recipient, with this leg, fits the recipient's storage. */
    public static boolean recipientFits(Leg leg, List<Visit> seq) {
        if (!leg.isFinal()) {
            return true;
        }
        long sum = leg.getGrams();
        for (Visit v : seq) {
            if (v.isDrop() && v.getLeg().isFinal() && v.getPlace() == leg.getToPlace() && v.classIndex() == leg.classIndex()) {
                sum += v.getLeg().getGrams();
            }
        }
        return sum <= leg.getTo().storageCapacity().get(leg.getTemperature());
    }

    /**
     * The cheapest feasible insertion of the leg into the trip whose current visits are {@code seq} and
     * whose current driving is {@code driving} ms; cost = extra driving + the new-trip cost for an empty
     * trip + {@code dayCost}. Null when no position works.
     */
    public Insertion bestInTrip(Leg leg, Trip trip, List<Visit> seq, long driving, long dayCost) {
        return bestInTrip(leg, trip, seq, driving, dayCost, -1);
    }

    /**
     * The same for a trip whose state has this {@code version} (≥ 0): the {@link Timeline} already holds the
     * service starts and departures of these visits on this trip as {@link #simulate} gives them, and the trip
     * breaks no rule (construction's committed routes), so the fast path need not simulate the trip as it is;
     * what it derives from the trip alone (times, loads, slack) is kept for the next leg while the caller
     * passes the same version. The caller changes the version whenever the trip's visits or the times of the
     * visits linked to them on other trips (upstream drops, downstream pickups) change.
     */
    public Insertion bestInTrip(Leg leg, Trip trip, List<Visit> seq, long driving, long dayCost, long version) {
        if (seq.size() >= FAST_FROM) {
            Insertion fast = fastBestInTrip(leg, trip, seq, driving, dayCost, version);
            if (fast != NOT_SURE) {
                return fast;
            }
        }
        return exhaustiveBestInTrip(leg, trip, seq, driving, dayCost);
    }


    /** Trips with at least this many visits use {@link #fastBestInTrip}. */
    static final int FAST_FROM = 5;
    /** Candidates the fast path verifies by full simulation before it gives up and searches exhaustively. */
    static final int VERIFY_LIMIT = 12;
    private static final Insertion NOT_SURE = new Insertion(null, -1, -1, Long.MIN_VALUE);

    /**
     * The same answer as the exhaustive search in (mostly) linear time per pickup position: one forward
     * simulation of the trip as it is, a backward pass for how much later each stop may start (forward time
     * slack with waiting, Savelsbergh), then for every pickup position an exact forward walk to each drop
     * position and an O(1) slack test for the rest of the trip. Candidates are ranked by their exact extra
     * driving and the cheapest is verified by a full {@link #simulate} (further ones in order when the first
     * {@link #VERIFY_LIMIT} all fail, see {@link #verifyRest}); {@link #NOT_SURE} when the trip as it is breaks
     * a rule (the caller then searches exhaustively).
     */
    Insertion fastBestInTrip(Leg leg, Trip trip, List<Visit> seq, long driving, long dayCost) {
        return fastBestInTrip(leg, trip, seq, driving, dayCost, -1);
    }

    /** What the fast path derives from a trip as it is, whatever the leg (see {@link #prepare}). */
    private static final class Prep {
        long version;
        Visit[] orig;
        long[] start;
        long[] dep;
        long[] arrival;
        /** Per class: the load of that class after each visit. */
        long[][] loadAfter;
        boolean[] first;
        long[] lowerStart;
        long[] deadline;
        long[] downStart;
        long[] slack;
        long end;
    }

    /** The last {@link Prep} per trip, for callers that pass versions. */
    private final java.util.IdentityHashMap<Trip, Prep> preps = new java.util.IdentityHashMap<>();

    /** The trip as it is: times, loads, each visit's bounds and the slack; null when it breaks a rule. */
    private Prep prepare(Trip trip, List<Visit> seq, long version) {
        if (version >= 0) {
            Prep kept = preps.get(trip);
            if (kept != null && kept.version == version && kept.orig.length == seq.size()) {
                return kept;
            }
        }
        int n = seq.size();
        Visit[] orig = seq.toArray(new Visit[0]);
        boolean timed = version >= 0;
        if (!timed && simulate(trip, orig, n) < 0) {
            return null;
        }
        int day = trip.getDay();
        long[] start = new long[n];
        long[] dep = new long[n];
        long[] arrival = new long[n];
        long[][] loadAfter = new long[3][n];
        boolean[] first = new boolean[n];
        long[] load = new long[3];
        for (int x = 0; x < n; x++) {
            Visit v = orig[x];
            start[x] = timed ? timeline.serviceStart(v) : simStart[v.getNumber()];
            dep[x] = timed ? timeline.departure(v) : simDep[v.getNumber()];
            first[x] = x == 0 || orig[x - 1].getPlace() != v.getPlace();
            int prevPlace = x == 0 ? trip.getHomePlace() : orig[x - 1].getPlace();
            long prevDep = Schedule.leave(trip, x == 0, x == 0 ? 0L : dep[x - 1]);
            arrival[x] = prevDep + ctx.travelMillis(prevPlace, v.getPlace());
            load[v.classIndex()] += v.delta();
            for (int c = 0; c < 3; c++) {
                loadAfter[c][x] = load[c];
            }
        }
        // each visit's own bounds on its service start, as the other trips are now
        long[] lowerStart = new long[n];
        long[] deadline = new long[n];
        long[] downStart = new long[n];
        for (int x = 0; x < n; x++) {
            lowerStart[x] = startLower(orig[x], trip);
            deadline[x] = deadline(orig[x]);
            downStart[x] = downstreamStart(orig[x], trip);
        }
        long firstStart = Schedule.tripStart(ctx, trip, orig[0], start[0]);
        long end = Schedule.tripEnd(ctx, trip, orig[n - 1], dep[n - 1]);
        // slack[x] (stop-first x): how much later the arrival at x may be with x..end still keeping every rule
        long[] slack = new long[n + 1];
        slack[n] = Math.min(trip.getSlotEnd(), firstStart + trip.getMaxMillis()) - end;
        long stopUpper = Long.MAX_VALUE;
        int nextFirst = n;
        for (int x = n - 1; x >= 0; x--) {
            Visit v = orig[x];
            stopUpper = Math.min(stopUpper, Math.min(deadline[x], satMinus(downStart[x], dep[x] - start[x])));
            if (first[x]) {
                long svc = dep[x] - start[x];
                stopUpper = Math.min(stopUpper, ctx.openTo(v.getPlace(), day) - svc);
                long wait = start[x] - arrival[x];
                slack[x] = wait + Math.min(stopUpper - start[x], slack[nextFirst]);
                stopUpper = Long.MAX_VALUE;
                nextFirst = x;
            }
        }
        Prep prep = new Prep();
        prep.version = version;
        prep.orig = orig;
        prep.start = start;
        prep.dep = dep;
        prep.arrival = arrival;
        prep.loadAfter = loadAfter;
        prep.first = first;
        prep.lowerStart = lowerStart;
        prep.deadline = deadline;
        prep.downStart = downStart;
        prep.slack = slack;
        prep.end = end;
        if (timed) {
            preps.put(trip, prep);
        }
        return prep;
    }

    private Insertion fastBestInTrip(Leg leg, Trip trip, List<Visit> seq, long driving, long dayCost, long version) {
        Prep prep = prepare(trip, seq, version);
        if (prep == null) {
            return NOT_SURE;
        }
        int n = seq.size();
        int day = trip.getDay();
        int cls = leg.classIndex();
        long cap = trip.capacity(cls);
        Visit[] orig = prep.orig;
        long[] start = prep.start;
        long[] dep = prep.dep;
        long[] arrival = prep.arrival;
        long[] loadAfter = prep.loadAfter[cls];
        long[] lowerStart = prep.lowerStart;
        long[] deadline = prep.deadline;
        long[] downStart = prep.downStart;
        long[] slack = prep.slack;
        long end = prep.end;
        Visit pickup = leg.getPickup();
        Visit drop = leg.getDrop();
        long openP = ctx.openFrom(pickup.getPlace(), day);
        long openD = ctx.openFrom(drop.getPlace(), day);
        if (openP < 0 || openD < 0) {
            return null;
        }
        int upstreamAt = -1;
        if (leg.getUpstream() != null) {
            Visit up = leg.getUpstream().getDrop();
            for (int x = 0; x < n; x++) {
                if (orig[x] == up) {
                    upstreamAt = x;
                }
            }
        }
        int candidates = 0;
        long[] cost = new long[(n + 1) * (n + 2) / 2 + 1];
        int[] at = new int[cost.length];
        for (int i = 0; i <= n; i++) {
            if (!boundary(seq, i, pickup.getPlace()) || (leg.getUpstream() != null && upstreamAt >= i)) {
                continue;
            }
            boolean maybe = i == 0; // a new first visit changes the trip's start: verified by full simulation
            int prevPlace = i == 0 ? trip.getHomePlace() : orig[i - 1].getPlace();
            long prevDep = Schedule.leave(trip, i == 0, i == 0 ? 0L : dep[i - 1]);
            long prevStart = i == 0 ? 0 : start[i - 1];
            // the pickup
            long sP;
            long dP;
            if (i > 0 && prevPlace == pickup.getPlace()) {
                sP = prevStart;
                dP = prevDep;
            } else {
                sP = Schedule.serviceStart(prevDep + ctx.travelMillis(prevPlace, pickup.getPlace()), openP);
                dP = sP + pickup.getServiceMillis();
                if (dP > ctx.openTo(pickup.getPlace(), day)) {
                    continue;
                }
            }
            if (!pickupOk(leg, trip, sP, upstreamAt >= 0) || (i > 0 ? loadAfter[i - 1] : 0) + leg.getGrams() > cap) {
                continue;
            }
            long detourP = ctx.travelMillis(prevPlace, pickup.getPlace());
            // walk forward: state after the last visit before the drop
            int lastPlace = pickup.getPlace();
            long lastDep = dP;
            long lastStart = sP;
            long maxLoad = (i > 0 ? loadAfter[i - 1] : 0);
            for (int j = i + 1; j <= n + 1; j++) {
                // the drop goes at j of the list holding the pickup, i.e. before orig[j - 1]
                int x = j - 1; // next original visit after the drop, x == n: home
                if (boundaryWith(seq, i, pickup, j, drop.getPlace())) {
                    long sD;
                    long dD;
                    boolean ok = true;
                    if (lastPlace == drop.getPlace()) {
                        sD = lastStart;
                        dD = lastDep;
                    } else {
                        sD = Schedule.serviceStart(lastDep + ctx.travelMillis(lastPlace, drop.getPlace()), openD);
                        dD = sD + drop.getServiceMillis();
                        ok = dD <= ctx.openTo(drop.getPlace(), day);
                    }
                    ok = ok && dropOk(leg, trip, sD, dD) && maxLoad + leg.getGrams() <= cap;
                    boolean sure = !maybe;
                    if (ok) {
                        int nextPlace = x < n ? orig[x].getPlace() : trip.getHomePlace();
                        if (x < n && orig[x].getPlace() == drop.getPlace()) {
                            sure = false; // the drop joins the next stop: verified
                        } else {
                            long newArrival = dD + ctx.travelMillis(drop.getPlace(), nextPlace);
                            long delay = newArrival - (x < n ? arrival[x] : end);
                            if (delay > slack[x]) {
                                ok = false;
                            } else if (delay < 0) {
                                sure = false; // earlier than now (a matrix without the triangle inequality)
                            }
                        }
                        if (ok) {
                            long extra;
                            int pPrev = prevPlace;
                            int pNext = i < n ? orig[i].getPlace() : trip.getHomePlace();
                            if (j == i + 1) {
                                extra = detourP + ctx.travelMillis(pickup.getPlace(), drop.getPlace())
                                        + ctx.travelMillis(drop.getPlace(), pNext) - ctx.travelMillis(pPrev, pNext);
                            } else {
                                int dPrev = orig[j - 2].getPlace();
                                extra = detourP + ctx.travelMillis(pickup.getPlace(), pNext) - ctx.travelMillis(pPrev, pNext)
                                        + ctx.travelMillis(dPrev, drop.getPlace()) + ctx.travelMillis(drop.getPlace(), nextPlace)
                                        - ctx.travelMillis(dPrev, nextPlace);
                            }
                            cost[candidates] = extra * 2 + (sure ? 0 : 1); // sure ones first on equal cost
                            at[candidates] = i * (n + 2) + j;
                            candidates++;
                        }
                    }
                }
                if (x >= n) {
                    break;
                }
                // move orig[x] into the walked prefix (it now comes after the pickup)
                Visit v = orig[x];
                long sV;
                long dV;
                if (lastPlace == v.getPlace()) {
                    sV = lastStart;
                    dV = lastDep;
                } else {
                    sV = Schedule.serviceStart(lastDep + ctx.travelMillis(lastPlace, v.getPlace()), ctx.openFrom(v.getPlace(), day));
                    dV = sV + v.getServiceMillis();
                    if (dV > ctx.openTo(v.getPlace(), day)) {
                        break;
                    }
                }
                if (sV > deadline[x] || sV > satMinus(downStart[x], dV - sV) || sV < lowerStart[x]) {
                    break;
                }
                maxLoad = Math.max(maxLoad, loadAfter[x]);
                if (maxLoad + leg.getGrams() > cap) {
                    break;
                }
                lastPlace = v.getPlace();
                lastDep = dV;
                lastStart = sV;
            }
        }
        if (candidates == 0) {
            return null;
        }
        // verify the cheapest few by full simulation
        Integer[] order = new Integer[candidates];
        for (int k = 0; k < candidates; k++) {
            order[k] = k;
        }
        final long[] c = cost;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(c[a], c[b]));
        Visit[] sim = new Visit[n + 2];
        for (int k = 0; k < Math.min(candidates, VERIFY_LIMIT); k++) {
            int code = at[order[k]];
            int i = code / (n + 2);
            int j = code % (n + 2);
            fill(sim, orig, n, pickup, i, drop, j);
            long newDriving = simulate(trip, sim, n + 2);
            if (newDriving >= 0) {
                return new Insertion(trip, i, j, newDriving - driving + dayCost);
            }
        }
        return verifyRest(trip, orig, n, pickup, drop, driving, dayCost, order, cost, at, candidates, sim);
    }

    /**
     * When the first {@link #VERIFY_LIMIT} candidates all failed verification: the remaining candidates verified
     * in order (each O(n)) rather than the exhaustive search (O(n³) simulation steps for a trip of n visits; it
     * took most of construction's time at ×10 and above). The positions the fast path leaves out are those no
     * simulation would accept, so both find the same cheapest insertion; on equal cost the one that comes first
     * (pickup, then drop position), as the exhaustive search takes it. Null when none is feasible.
     */
    private Insertion verifyRest(Trip trip, Visit[] orig, int n, Visit pickup, Visit drop, long driving, long dayCost,
                                 Integer[] order, long[] cost, int[] at, int candidates, Visit[] sim) {
        int bestCode = -1;
        long bestExtra = 0;
        long bestDriving = 0;
        for (int k = VERIFY_LIMIT; k < candidates; k++) {
            long extra = cost[order[k]] >> 1;
            if (bestCode >= 0 && extra > bestExtra) {
                break;
            }
            int code = at[order[k]];
            if (bestCode >= 0 && code > bestCode) {
                continue;
            }
            fill(sim, orig, n, pickup, code / (n + 2), drop, code % (n + 2));
            long newDriving = simulate(trip, sim, n + 2);
            if (newDriving >= 0) {
                bestCode = code;
                bestExtra = extra;
                bestDriving = newDriving;
            }
        }
        if (bestCode < 0) {
            return null;
        }
        return new Insertion(trip, bestCode / (n + 2), bestCode % (n + 2), bestDriving - driving + dayCost);
    }

    static void fill(Visit[] sim, Visit[] seq, int n, Visit pickup, int i, Visit drop, int j) {
        int k = 0;
        for (int x = 0; x <= n; x++) {
            if (x == i) {
                sim[k++] = pickup;
            }
            if (k == j) {
                sim[k++] = drop;
            }
            if (x < n) {
                sim[k++] = seq[x];
            }
        }
        if (k == n + 1) {
            sim[k] = drop;
        }
    }

    /** The latest service start a drop's deadlines allow (use-by, serving time); no limit for a pickup. */
    private static long deadline(Visit v) {
        if (v.isPickup()) {
            return Long.MAX_VALUE;
        }
        return Math.min(v.getLeg().getUseByMillis(), v.getLeg().getServingMillis()) - 1;
    }

    /** When another trip picks up what this drop unloads (the drop must be done by then); no limit otherwise. */
    private long downstreamStart(Visit v, Trip trip) {
        Leg leg = v.getLeg();
        if (v.isPickup() || leg.getDownstream() == null) {
            return Long.MAX_VALUE;
        }
        Visit down = leg.getDownstream().getPickup();
        Trip downTrip = timeline.tripOf(down);
        return downTrip != null && downTrip != trip ? timeline.serviceStart(down) : Long.MAX_VALUE;
    }

    private static long satMinus(long a, long b) {
        return a == Long.MAX_VALUE ? a : a - b;
    }

    /** The earliest service start a visit's own rules allow (the lot's release, food brought by another trip). */
    private long startLower(Visit v, Trip trip) {
        if (!v.isPickup()) {
            return Long.MIN_VALUE;
        }
        Leg leg = v.getLeg();
        long lower = leg.getReleaseMillis();
        if (leg.getUpstream() != null) {
            Visit up = leg.getUpstream().getDrop();
            Trip upTrip = timeline.tripOf(up);
            if (upTrip != null && upTrip != trip) {
                lower = Math.max(lower, timeline.departure(up));
            }
        }
        return lower;
    }

    private boolean pickupOk(Leg leg, Trip trip, long start, boolean upstreamOnThisTrip) {
        if (start < leg.getReleaseMillis()) {
            return false;
        }
        if (leg.getUpstream() != null && !upstreamOnThisTrip) {
            Visit up = leg.getUpstream().getDrop();
            Trip upTrip = timeline.tripOf(up);
            return upTrip != null && upTrip != trip && timeline.departure(up) <= start;
        }
        return true;
    }

    private boolean dropOk(Leg leg, Trip trip, long start, long dep) {
        if (start >= leg.getUseByMillis() || start >= leg.getServingMillis()) {
            return false;
        }
        if (leg.getDownstream() != null) {
            Visit down = leg.getDownstream().getPickup();
            Trip downTrip = timeline.tripOf(down);
            return downTrip == null || downTrip == trip || dep <= timeline.serviceStart(down);
        }
        return true;
    }

    /** Tries every pair of positions with a full simulation each (the reference the fast path must agree with). */
    Insertion exhaustiveBestInTrip(Leg leg, Trip trip, List<Visit> seq, long driving, long dayCost) {
        int n = seq.size();
        Visit pickup = leg.getPickup();
        Visit drop = leg.getDrop();
        Visit[] sim = new Visit[n + 2];
        Visit[] orig = seq.toArray(new Visit[0]);
        Insertion best = null;
        for (int i = 0; i <= n; i++) {
            if (!boundary(seq, i, pickup.getPlace())) {
                continue;
            }
            for (int j = i + 1; j <= n + 1; j++) {
                if (!boundaryWith(seq, i, pickup, j, drop.getPlace())) {
                    continue;
                }
                fill(sim, orig, n, pickup, i, drop, j);
                long newDriving = simulate(trip, sim, n + 2);
                if (newDriving < 0) {
                    if (failedAt < j) {
                        // broke before the drop: every later drop position has the same prefix and breaks too
                        break;
                    }
                    continue;
                }
                long cost = newDriving - driving + (n == 0 ? newTripCost : 0) + dayCost;
                if (best == null || cost < best.cost) {
                    best = new Insertion(trip, i, j, cost);
                }
            }
        }
        return best;
    }

    /** Inserting at i does not split a stop at another site. */
    static boolean boundary(List<Visit> seq, int i, int place) {
        if (i == 0 || i == seq.size()) {
            return true;
        }
        int before = seq.get(i - 1).getPlace();
        return before != seq.get(i).getPlace() || before == place;
    }

    /** Inserting the drop at j (of the list holding the pickup at i) does not split a stop elsewhere. */
    static boolean boundaryWith(List<Visit> seq, int i, Visit pickup, int j, int place) {
        Visit before = j - 1 == i ? pickup : seq.get(j - 1 > i ? j - 2 : j - 1);
        int afterIndex = j - 1;
        if (afterIndex >= seq.size()) {
            return true;
        }
        Visit after = seq.get(afterIndex);
        return before.getPlace() != after.getPlace() || before.getPlace() == place;
    }

    /**
     * Times, loads and every per-trip hard rule of a trip with the given visits in order: the trip's
     * driving time in milliseconds, or -1 when a rule would break.
     */
    public long simulate(Trip trip, Visit[] seq, int n) {
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
                return fail(k);
            }
            long start;
            long dep;
            if (prev != null && prev.getPlace() == v.getPlace()) {
                start = prevStart;
                dep = prevDep;
            } else {
                long drive = ctx.travelMillis(prev == null ? trip.getHomePlace() : prev.getPlace(), v.getPlace());
                driving += drive;
                long arrival = Schedule.leave(trip, prev == null, prevDep) + drive;
                start = Schedule.serviceStart(arrival, open);
                dep = start + v.getServiceMillis();
                if (dep > ctx.openTo(v.getPlace(), day)) {
                    return fail(k);
                }
            }
            if (prev == null) {
                firstStart = Schedule.tripStart(ctx, trip, v, start);
            }
            long delta = v.delta();
            switch (v.classIndex()) {
                case 0 -> a += delta;
                case 1 -> c += delta;
                default -> f += delta;
            }
            if (a > trip.capacity(0) || c > trip.capacity(1) || f > trip.capacity(2) || a < 0 || c < 0 || f < 0) {
                return fail(k);
            }
            Leg leg = v.getLeg();
            if (v.isPickup()) {
                if (start < leg.getReleaseMillis()) {
                    return fail(k);
                }
                if (leg.getUpstream() != null && simStamp[leg.getUpstream().getDrop().getNumber()] != stamp) {
                    // not earlier on this trip (where the food would be on board): another trip must have
                    // unloaded it here before this stop starts
                    Visit up = leg.getUpstream().getDrop();
                    Trip upTrip = timeline.tripOf(up);
                    if (upTrip == null || upTrip == trip || timeline.departure(up) > start) {
                        return fail(k);
                    }
                }
            } else {
                if (start >= leg.getUseByMillis() || start >= leg.getServingMillis()) {
                    return fail(k);
                }
                if (leg.getDownstream() != null) {
                    Visit down = leg.getDownstream().getPickup();
                    Trip downTrip = timeline.tripOf(down);
                    if (downTrip != null && downTrip != trip && dep > timeline.serviceStart(down)) {
                        return fail(k);
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
            return fail(n);
        }
        return driving;
    }

    private long fail(int at) {
        failedAt = at;
        return -1;
    }
}
