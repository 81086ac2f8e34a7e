package org.foodnet.solver.travel.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.PairTravel;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongCursor;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;

/**
 * Road travel for networks too large for a dense road matrix ({@link PairTravel}): exact road times for the pairs
 * the model can use, and a fallback fitted on those pairs for all others. Which pairs are exact (both directions
 * of each):
 * <ol>
 * <li>each place and its {@link #NEAR_SITES} nearest sites and {@link #NEAR_HOMES} nearest volunteer homes by
 * straight line;</li>
 * <li>the food-path legs: every donor with every hub and depot, every hub with every depot and recipient, every
 * depot with every recipient (so the nearest depot of a recipient is chosen on roads);</li>
 * <li>every volunteer home with every hub and depot (the donors and recipients near a home are in item 1);</li>
 * <li>a random sample (fixed seed): {@link #SAMPLE_SOURCES} places, each with {@link #SAMPLE_TARGETS} places, so that
 * long distances are fitted too;</li>
 * <li>any extra pairs asked for (the drives of a plan, see {@link #drives}).</li>
 * </ol>
 * Exact times are those of {@link RoadMatrix} (the same search, rounding and margin). The fallback of a pair is its
 * straight-line distance times the largest road-time-per-straight-km ratio of the exact pairs in its distance
 * band, times {@link #MARGIN} (and at least the longest exact time under 0.5 km, times the margin, for places
 * closer than that); the same for km. Everything is deterministic: the same network and extract give the same
 * pairs and factors, so a checker with the extract recomputes exactly what the solver used.
 */
public final class RoadPairs {

    public static final int NEAR_SITES = 12;
    public static final int NEAR_HOMES = 8;
    public static final int SAMPLE_SOURCES = 100;
    public static final int SAMPLE_TARGETS = 100;
    public static final double MARGIN = 1.1;
    static final long SEED = 13;

    private RoadPairs() {
    }

    /** What a build did: the result, how many pairs and how long. */
    public record Result(PairTravel travel, long pairs, int searches, long millis) {
        public String describe() {
            return String.format(Locale.ROOT, "road pairs: %d places, %d ordered pairs road-exact (%.2f %% of %d) from %d searches "
                            + "in %.1f s; other pairs: straight line x band factor (%s)", travel.size(), travel.exactPairs(),
                    100.0 * travel.exactPairs() / Math.max(1, (double) travel.size() * (travel.size() - 1)),
                    (long) travel.size() * (travel.size() - 1), searches, millis / 1000.0, travel.fallback().describe());
        }
    }

    /**
     * @param extra more ordered pairs to make exact ({@link PairTravel#key}), e.g. the drives of a plan to check
     */
    public static Result compute(RoadNetwork roads, Network network, double maxMeters, int threads, LongHashSet extra) {
        long t0 = System.nanoTime();
        List<Place> places = network.places();
        List<String> labels = RoadTravel.labels(network);
        int n = places.size();
        LongHashSet wanted = chosenPairs(network);
        if (extra != null) {
            wanted.addAll(extra);
        }
        Computed c = routes(roads, places, labels, maxMeters, threads, wanted, wide(network));
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = places.get(i).point().lat();
            lon[i] = places.get(i).point().lon();
        }
        List<String> ids = places.stream().map(Place::id).toList();
        PairTravel bare = new PairTravel(ids, lat, lon, c.values, new PairTravel.Fallback(ones(), ones(), 0, 0), roads.source());
        PairTravel travel = new PairTravel(ids, lat, lon, c.values, fit(bare, c.values), roads.source());
        return new Result(travel, c.values.size(), c.searches, (System.nanoTime() - t0) / 1_000_000);
    }

    private static double[] ones() {
        double[] a = new double[PairTravel.BAND_UPPER_KM.length + 1];
        Arrays.fill(a, 1);
        return a;
    }

    /** The pairs of items 1 to 4 of the class comment. */
    static LongHashSet chosenPairs(Network network) {
        List<Place> places = network.places();
        int n = places.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(places.get(i).id(), i);
        }
        int[] sites = new int[network.sites().size()];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = index.get(network.sites().get(i).id());
        }
        int[] homes = network.drivers().stream().mapToInt(d -> index.get(d.homePlaceId())).toArray();
        LongHashSet pairs = new LongHashSet();
        // 1. nearest sites and homes by straight line (equirectangular distance ranks like the great circle here)
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double lat = places.get(i).point().lat();
            x[i] = places.get(i).point().lon() * Math.cos(Math.toRadians(lat));
            y[i] = lat;
        }
        int[][] nearSites = new int[n][];
        int[][] nearHomes = new int[n][];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            nearSites[i] = nearest(i, sites, NEAR_SITES, x, y);
            nearHomes[i] = nearest(i, homes, NEAR_HOMES, x, y);
        });
        for (int i = 0; i < n; i++) {
            for (int j : nearSites[i]) {
                both(pairs, i, j);
            }
            for (int j : nearHomes[i]) {
                both(pairs, i, j);
            }
        }
        // 2. food-path legs
        int[] donors = role(network, index, SiteRole.DONOR);
        int[] hubs = role(network, index, SiteRole.HUB);
        int[] depots = role(network, index, SiteRole.DEPOT);
        int[] recipients = role(network, index, SiteRole.RECIPIENT);
        all(pairs, donors, hubs);
        all(pairs, donors, depots);
        all(pairs, hubs, depots);
        all(pairs, hubs, recipients);
        all(pairs, depots, recipients);
        // 3. homes and the storing sites (donors near a home are in item 1)
        all(pairs, homes, hubs);
        all(pairs, homes, depots);
        // 4. a random sample
        SplittableRandom random = new SplittableRandom(SEED);
        for (int s = 0; s < SAMPLE_SOURCES && n > 1; s++) {
            int a = random.nextInt(n);
            for (int t = 0; t < SAMPLE_TARGETS; t++) {
                both(pairs, a, random.nextInt(n));
            }
        }
        return pairs;
    }

    /**
     * The places with road-exact pairs to very many others (the hub, the depots, the sample's sources): a pair
     * (a, b) with b among them and a not is found by one backward search from b, all others by a forward search
     * from a (so that the many places with only nearby pairs need only short searches). Depends on the network
     * alone, so a pair is always found the same way.
     */
    static boolean[] wide(Network network) {
        List<Place> places = network.places();
        int n = places.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(places.get(i).id(), i);
        }
        boolean[] wide = new boolean[n];
        for (int i : role(network, index, SiteRole.HUB)) {
            wide[i] = true;
        }
        for (int i : role(network, index, SiteRole.DEPOT)) {
            wide[i] = true;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int s = 0; s < SAMPLE_SOURCES && n > 1; s++) {
            wide[random.nextInt(n)] = true;
            for (int t = 0; t < SAMPLE_TARGETS; t++) {
                random.nextInt(n);
            }
        }
        return wide;
    }

    private static int[] role(Network network, java.util.Map<String, Integer> index, SiteRole role) {
        return network.sitesWithRole(role).stream().mapToInt(s -> index.get(s.id())).toArray();
    }

    private static void both(LongHashSet pairs, int a, int b) {
        if (a != b) {
            pairs.add(PairTravel.key(a, b));
            pairs.add(PairTravel.key(b, a));
        }
    }

    private static void all(LongHashSet pairs, int[] a, int[] b) {
        for (int i : a) {
            for (int j : b) {
                both(pairs, i, j);
            }
        }
    }

    /** The k candidates nearest to place i (itself excluded), nearest first, ties by index. */
    private static int[] nearest(int i, int[] candidates, int k, double[] x, double[] y) {
        int m = Math.min(k, candidates.length);
        int[] best = new int[m];
        double[] bestD = new double[m];
        int size = 0;
        for (int c : candidates) {
            if (c == i) {
                continue;
            }
            double dx = x[c] - x[i];
            double dy = y[c] - y[i];
            double d = dx * dx + dy * dy;
            if (size == m && (m == 0 || d >= bestD[m - 1])) {
                continue;
            }
            int at = size < m ? size++ : m - 1;
            while (at > 0 && bestD[at - 1] > d) {
                best[at] = best[at - 1];
                bestD[at] = bestD[at - 1];
                at--;
            }
            best[at] = c;
            bestD[at] = d;
        }
        return Arrays.copyOf(best, size);
    }

    /**
     * The fallback: per distance band the largest road minutes (and km) per straight-line km among the exact pairs,
     * times {@link #MARGIN}; a band with fewer than 20 pairs takes the factor of the band before it (shorter pairs have
     * the larger ratios) when that is larger. Pairs under 0.5 km apart take at least the longest exact time under
     * 0.5 km, times the margin.
     */
    static PairTravel.Fallback fit(PairTravel bare, LongLongHashMap values) {
        int bands = PairTravel.BAND_UPPER_KM.length + 1;
        double[] minutes = new double[bands];
        double[] km = new double[bands];
        int[] count = new int[bands];
        double nearMinutes = 0;
        double nearKm = 0;
        for (com.carrotsearch.hppc.cursors.LongLongCursor c : values) {
            int a = PairTravel.from(c.key);
            int b = PairTravel.to(c.key);
            double straight = bare.straightKm(a, b);
            double min = (c.value >>> 32) / 60_000.0;
            double roadKm = (c.value & 0xffffffffL) / 1000.0;
            if (straight < PairTravel.BAND_UPPER_KM[0]) {
                nearMinutes = Math.max(nearMinutes, min);
                nearKm = Math.max(nearKm, roadKm);
            }
            if (straight < 0.05) {
                continue; // ratios of places a few metres apart say nothing about the roads
            }
            int band = band(straight);
            count[band]++;
            minutes[band] = Math.max(minutes[band], min / straight);
            km[band] = Math.max(km[band], roadKm / straight);
        }
        double globalMinutes = Arrays.stream(minutes).max().orElse(0);
        double globalKm = Arrays.stream(km).max().orElse(0);
        for (int b = 0; b < bands; b++) {
            if (count[b] < 20) {
                minutes[b] = Math.max(minutes[b], b > 0 ? minutes[b - 1] : globalMinutes);
                km[b] = Math.max(km[b], b > 0 ? km[b - 1] : globalKm);
            }
            minutes[b] *= MARGIN;
            km[b] = Math.max(1.0, km[b]) * MARGIN;
        }
        return new PairTravel.Fallback(minutes, km, nearMinutes * MARGIN, nearKm * MARGIN);
    }

    private static int band(double straightKm) {
        int b = 0;
        while (b < PairTravel.BAND_UPPER_KM.length && straightKm >= PairTravel.BAND_UPPER_KM[b]) {
            b++;
        }
        return b;
    }

    /** The ordered place pairs a plan drives (home → first stop, between stops, last stop → home), as keys. */
    public static LongHashSet drives(Network network, Plan plan) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        List<Place> places = network.places();
        for (int i = 0; i < places.size(); i++) {
            index.put(places.get(i).id(), i);
        }
        LongHashSet drives = new LongHashSet();
        for (PlannedTrip trip : plan.trips()) {
            Integer home = index.get("home:" + trip.driverId());
            if (home == null || trip.stops().isEmpty()) {
                continue;
            }
            int prev = home;
            for (PlannedStop stop : trip.stops()) {
                Integer at = index.get(stop.siteId());
                if (at == null) {
                    prev = -1;
                    continue;
                }
                if (prev >= 0 && prev != at) {
                    drives.add(PairTravel.key(prev, at));
                }
                prev = at;
            }
            if (prev >= 0 && prev != home) {
                drives.add(PairTravel.key(prev, home));
            }
        }
        return drives;
    }

    /**
     * The road re-check of a plan made with {@code travel}: the road times of its drives that are not road-exact.
     *
     * @param checked   drives of the plan that were not road-exact (their road time is now computed)
     * @param tooFast   of those, drives whose fallback time was shorter than the road time
     * @param travel    {@code travel} with all the plan's drives road-exact
     */
    public record Recheck(int drives, int checked, int tooFast, PairTravel travel) {
    }

    public static Recheck recheck(RoadNetwork roads, Network network, PairTravel travel, Plan plan, double maxMeters,
                                  int threads) {
        LongHashSet drives = drives(network, plan);
        LongHashSet missing = new LongHashSet();
        for (LongCursor c : drives) {
            if (!travel.isExact(PairTravel.from(c.value), PairTravel.to(c.value))) {
                missing.add(c.value);
            }
        }
        if (missing.isEmpty()) {
            return new Recheck(drives.size(), 0, 0, travel);
        }
        Computed computed = routes(roads, network.places(), RoadTravel.labels(network), maxMeters, threads, missing,
                wide(network));
        int tooFast = 0;
        for (LongCursor c : missing) {
            long road = computed.values.get(c.value) >>> 32;
            if (travel.fallbackMillis(PairTravel.from(c.value), PairTravel.to(c.value)) < road) {
                tooFast++;
            }
        }
        return new Recheck(drives.size(), missing.size(), tooFast, travel.withExact(computed.values));
    }

    private record Computed(LongLongHashMap values, int searches) {
    }

    /**
     * Road time and distance of every wanted pair: per place one forward search to the places it has pairs to, and for a
     * {@link #wide} place one backward search from the places that have pairs to it; each stops when its targets are
     * settled.
     */
    private static Computed routes(RoadNetwork roads, List<Place> places, List<String> labels, double maxMeters,
                                   int threads, LongHashSet wanted, boolean[] wide) {
        int n = places.size();
        List<Snap> snaps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            snaps.add(roads.snap(labels.get(i), places.get(i).point(), maxMeters));
        }
        QueryGraph graph = QueryGraph.create(roads.graph(), snaps);
        Weighting weighting = graph.wrapWeighting(roads.weighting());
        // targetsOf[i]: forward from i; targetsOf[n + i]: backward from i
        IntArrayList[] targetsOf = new IntArrayList[2 * n];
        for (LongCursor c : wanted) {
            int a = PairTravel.from(c.value);
            int b = PairTravel.to(c.value);
            int job = !wide[a] && wide[b] ? n + b : a;
            if (targetsOf[job] == null) {
                targetsOf[job] = new IntArrayList();
            }
            targetsOf[job].add(job < n ? b : a);
        }
        int[] sources = java.util.stream.IntStream.range(0, 2 * n).filter(i -> targetsOf[i] != null).toArray();
        int[] node = new int[n];
        for (int i = 0; i < n; i++) {
            node[i] = snaps.get(i).getClosestNode();
        }
        int workers = OneToMany.workers(threads, sources.length);
        List<LongArrayList> keys = new ArrayList<>();
        List<LongArrayList> vals = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            keys.add(new LongArrayList());
            vals.add(new LongArrayList());
        }
        OneToMany.overSources(graph, weighting, sources.length, threads, "road-pairs", (worker, search, s) -> {
            LongArrayList k = keys.get(worker);
            LongArrayList v = vals.get(worker);
            boolean reverse = sources[s] >= n;
            int from = reverse ? sources[s] - n : sources[s];
            int[] to = targetsOf[sources[s]].toArray();
            int[] toNodes = new int[to.length];
            for (int t = 0; t < to.length; t++) {
                toNodes[t] = node[to[t]];
            }
            search.run(node[from], toNodes, reverse);
            for (int t = 0; t < to.length; t++) {
                long ms = search.millisOf(toNodes[t]);
                int a = reverse ? to[t] : from;
                int b = reverse ? from : to[t];
                if (ms < 0) {
                    throw new RoadException(labels.get(b) + " cannot be reached by road from "
                            + labels.get(a) + " (one-way roads or a road not connected to the rest)");
                }
                long millis = (long) Math.ceil(RoadMatrix.minutesRoundedUp(ms) * 60_000.0 - 1e-6);
                long metres = (long) Math.ceil(search.metersOf(toNodes[t]) - 1e-9);
                k.add(PairTravel.key(a, b));
                v.add(PairTravel.value(millis, metres));
            }
        });
        LongLongHashMap values = new LongLongHashMap(wanted.size());
        for (int w = 0; w < keys.size(); w++) {
            LongArrayList k = keys.get(w);
            LongArrayList v = vals.get(w);
            for (int i = 0; i < k.size(); i++) {
                values.put(k.get(i), v.get(i));
            }
        }
        return new Computed(values, sources.length);
    }
}
