package org.foodnet.solver.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;

import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/**
 * Where to look for trips that could take a leg, without looking at every trip of every day: for each place
 * the few nearest sites (where trips stop) and the few nearest volunteer homes (where trips start), and per
 * day the trips starting at each home. A trip is worth ranking for a leg when it already stops near one end
 * of it or starts near one; a day with few trips is simply looked at whole.
 *
 * <p>One per month plan (its places and trips do not change while solving); the per-place lists are made when
 * first asked for. Trips are kept by their position in the plan's list of real trips, so solution clones
 * (other move threads) share it.
 */
public final class Nearby {

    /** Nearest sites per place (the place itself first when it is a site). */
    public static final int SITES = 8;
    /** Nearest volunteer homes per place. */
    public static final int HOMES = 8;
    /** A day with at most this many trips is looked at whole (the index gains nothing there). */
    public static final int SMALL_DAY = 64;

    private static final Map<PlanningContext, Nearby> CACHE = new WeakHashMap<>();

    private final PlanningContext ctx;
    private final int trips;
    private final int[] sitePlaces;
    private final int[] homePlaces;
    private final int[][] nearSites;
    private final int[][] nearHomes;
    /** Per day: home place -> positions (in {@link #tripsOfDay}) of that day's trips starting there. */
    private final List<Map<Integer, int[]>> tripsByHome;
    /** Per day the real trips in plan order, as positions in the plan's list of trips. */
    private final int[][] tripsOfDay;
    /** Per place the numbers of the visits that happen there. */
    private final int[][] visitsAt;

    private Nearby(MonthPlan plan) {
        this.ctx = plan.getContext();
        this.trips = plan.getTrips().size();
        int places = ctx.travel().size();
        TreeSet<Integer> sites = new TreeSet<>();
        List<List<Integer>> visits = new ArrayList<>(places);
        for (int p = 0; p < places; p++) {
            visits.add(new ArrayList<>());
        }
        for (Visit v : plan.getVisits()) {
            sites.add(v.getPlace());
            visits.get(v.getPlace()).add(v.getNumber());
        }
        this.visitsAt = new int[places][];
        for (int p = 0; p < places; p++) {
            visitsAt[p] = visits.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        TreeSet<Integer> homes = new TreeSet<>();
        List<Trip> all = plan.getTrips();
        List<List<Integer>> byDay = new ArrayList<>();
        for (int d = 0; d < ctx.days(); d++) {
            byDay.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            Trip t = all.get(i);
            if (!t.isBucket()) {
                homes.add(t.getHomePlace());
                byDay.get(t.getDay()).add(i);
            }
        }
        this.sitePlaces = sites.stream().mapToInt(Integer::intValue).toArray();
        this.homePlaces = homes.stream().mapToInt(Integer::intValue).toArray();
        this.nearSites = new int[places][];
        this.nearHomes = new int[places][];
        this.tripsOfDay = new int[ctx.days()][];
        this.tripsByHome = new ArrayList<>();
        for (int d = 0; d < ctx.days(); d++) {
            tripsOfDay[d] = byDay.get(d).stream().mapToInt(Integer::intValue).toArray();
            Map<Integer, List<Integer>> byHome = new java.util.HashMap<>();
            for (int i : tripsOfDay[d]) {
                byHome.computeIfAbsent(all.get(i).getHomePlace(), k -> new ArrayList<>()).add(i);
            }
            Map<Integer, int[]> index = new java.util.HashMap<>();
            byHome.forEach((home, list) -> index.put(home, list.stream().mapToInt(Integer::intValue).toArray()));
            tripsByHome.add(index);
        }
    }

    /** The index of this plan's network and trips (made once, shared by its clones). */
    public static Nearby of(MonthPlan plan) {
        synchronized (CACHE) {
            Nearby n = CACHE.get(plan.getContext());
            if (n == null || n.trips != plan.getTrips().size()) {
                n = new Nearby(plan);
                CACHE.put(plan.getContext(), n);
            }
            return n;
        }
    }

    /** Positions (in the plan's list of trips) of the real trips of a day, in plan order. */
    public int[] tripsOfDay(int day) {
        return tripsOfDay[day];
    }

    /** Positions of the day's trips that start at this home (empty when none). */
    public int[] tripsFromHome(int day, int home) {
        int[] t = tripsByHome.get(day).get(home);
        return t != null ? t : new int[0];
    }

    /** Numbers of the visits at a place. */
    public int[] visitsAt(int place) {
        return visitsAt[place];
    }

    /** Calls to {@link #stopsOf} between two rebuilds of a solution's stop index. */
    public static final int STOPS_REFRESH = 500;

    private final Map<MonthPlan, Stops> stops = new WeakHashMap<>();

    /**
     * Which trips of a solution stop where, as of the last rebuild (at most {@link #STOPS_REFRESH} calls ago):
     * for ranking candidates only, so a trip that moved since is merely ranked by where it goes now and one
     * that came there since is found after the next rebuild.
     */
    public Stops stopsOf(MonthPlan plan) {
        synchronized (stops) {
            Stops s = stops.get(plan);
            if (s == null || ++s.uses > STOPS_REFRESH) {
                s = new Stops(plan, ctx.days());
                stops.put(plan, s);
            }
            return s;
        }
    }

    /** Per day: place -> positions (in the plan's list of trips) of the trips that stop there. */
    public static final class Stops {
        private final List<Map<Integer, int[]>> byDay = new ArrayList<>();
        private int uses;

        Stops(MonthPlan plan, int days) {
            List<Map<Integer, List<Integer>>> lists = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                lists.add(new java.util.HashMap<>());
            }
            List<Trip> all = plan.getTrips();
            for (int i = 0; i < all.size(); i++) {
                Trip t = all.get(i);
                if (t.isBucket()) {
                    continue;
                }
                Map<Integer, List<Integer>> day = lists.get(t.getDay());
                for (Visit v : t.getVisits()) {
                    List<Integer> there = day.computeIfAbsent(v.getPlace(), k -> new ArrayList<>());
                    if (there.isEmpty() || there.get(there.size() - 1) != i) {
                        there.add(i);
                    }
                }
            }
            for (Map<Integer, List<Integer>> day : lists) {
                Map<Integer, int[]> index = new java.util.HashMap<>();
                day.forEach((place, list) -> index.put(place, list.stream().mapToInt(Integer::intValue).toArray()));
                byDay.add(index);
            }
        }

        /** Positions of the trips of the day that stopped at the place (empty when none). */
        public int[] at(int day, int place) {
            int[] t = byDay.get(day).get(place);
            return t != null ? t : new int[0];
        }
    }

    public synchronized int[] nearSites(int place) {
        if (nearSites[place] == null) {
            nearSites[place] = nearest(place, sitePlaces, SITES);
        }
        return nearSites[place];
    }

    public synchronized int[] nearHomes(int place) {
        if (nearHomes[place] == null) {
            nearHomes[place] = nearest(place, homePlaces, HOMES);
        }
        return nearHomes[place];
    }

    private int[] nearest(int place, int[] candidates, int k) {
        return nearest(ctx, place, candidates, k);
    }

    /** The k candidates closest to the place (driving either way), closest first, ties in candidate order. */
    public static int[] nearest(PlanningContext ctx, int place, int[] candidates, int k) {
        int m = Math.min(k, candidates.length);
        int[] best = new int[m];
        long[] dist = new long[m];
        int size = 0;
        for (int c : candidates) {
            long d = ctx.travelMillis(place, c) + ctx.travelMillis(c, place);
            if (size == m && d >= dist[m - 1]) {
                continue;
            }
            int at = size < m ? size++ : m - 1;
            while (at > 0 && dist[at - 1] > d) {
                dist[at] = dist[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            dist[at] = d;
            best[at] = c;
        }
        return best;
    }
}
