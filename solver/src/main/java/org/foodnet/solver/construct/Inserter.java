package org.foodnet.solver.construct;

import java.util.List;

import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Finds the cheapest place for one leg (its pickup and its drop) in one trip such that the trip breaks no
 * hard rule: times with waiting for opening hours, the slot and the day length, loads per class, the lot's
 * release and the deadlines, and precedence with the legs before and after it on other trips (seen through
 * a {@link Timeline}). Storage at the hub and depots is the caller's business (it is not per trip).
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

    /** How close a trip with these visits already passes to both ends of a leg (for ranking trips only). */
    public static long closeness(List<Visit> seq, Trip trip, Leg leg) {
        PlanningContext ctx = trip.context();
        long bestFrom = ctx.travelMillis(trip.getHomePlace(), leg.getFromPlace());
        long bestTo = ctx.travelMillis(trip.getHomePlace(), leg.getToPlace());
        for (Visit v : seq) {
            bestFrom = Math.min(bestFrom, ctx.travelMillis(v.getPlace(), leg.getFromPlace()));
            bestTo = Math.min(bestTo, ctx.travelMillis(v.getPlace(), leg.getToPlace()));
        }
        return bestFrom + bestTo + (seq.isEmpty() ? PlanningContext.MINUTE * 30 : 0);
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
                long newDriving = simulate(trip, sim, n + 2);
                if (newDriving < 0) {
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
                return -1;
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
                    return -1;
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
                return -1;
            }
            Leg leg = v.getLeg();
            if (v.isPickup()) {
                if (start < leg.getReleaseMillis()) {
                    return -1;
                }
                if (leg.getUpstream() != null && simStamp[leg.getUpstream().getDrop().getNumber()] != stamp) {
                    // not earlier on this trip (where the food would be on board): another trip must have
                    // unloaded it here before this stop starts
                    Visit up = leg.getUpstream().getDrop();
                    Trip upTrip = timeline.tripOf(up);
                    if (upTrip == null || upTrip == trip || timeline.departure(up) > start) {
                        return -1;
                    }
                }
            } else {
                if (start >= leg.getUseByMillis() || start >= leg.getServingMillis()) {
                    return -1;
                }
                if (leg.getDownstream() != null) {
                    Visit down = leg.getDownstream().getPickup();
                    Trip downTrip = timeline.tripOf(down);
                    if (downTrip != null && downTrip != trip && dep > timeline.serviceStart(down)) {
                        return -1;
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
            return -1;
        }
        return driving;
    }
}
