package org.foodnet.solver.travel.road;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.foodnet.solver.domain.Place;
import org.foodnet.solver.travel.TravelMatrix;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;

/**
 * A dense road travel matrix: every place snapped to the road network, then one search per distinct snapped
 * point that settles every other snapped point (Dijkstra on the road graph with the same weighting GraphHopper
 * routes with; it stops as soon as all targets are settled), sources spread over the given number of threads.
 * The time of a pair is that of its fastest route, summed per road segment as GraphHopper sums it, plus half a
 * second (GraphHopper rounds each segment's time to the millisecond, and a segment split by a snapped place
 * is rounded per piece), rounded <b>up</b> to a thousandth of a minute; the distance is that route's length in
 * km, rounded up to the metre.
 */
public final class RoadMatrix {

    /**
     * More places than this are not given a dense road matrix (memory and file size grow with the square: two
     * n×n double matrices are 1.9 GB at ×100's 11,208 places, and the JSON file several GB); they get
     * {@link RoadPairs} instead.
     */
    public static final int MAX_DENSE_PLACES = 3000;

    private RoadMatrix() {
    }

    /**
     * @param labels    how each place is named in messages (same order as places)
     * @param maxMeters largest allowed distance of a place from its road
     * @param threads   searches in parallel (at least 1)
     */
    public static TravelMatrix compute(RoadNetwork roads, List<Place> places, List<String> labels, double maxMeters,
                                       int threads) {
        int n = places.size();
        if (n > MAX_DENSE_PLACES) {
            throw new RoadException("a road matrix for " + n + " places is not supported (at most " + MAX_DENSE_PLACES
                    + "; larger networks get road times for the pairs the model can use: solve and check --osm, RoadPairs)");
        }
        List<Snap> snaps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            snaps.add(roads.snap(labels.get(i), places.get(i).point(), maxMeters));
        }
        QueryGraph graph = QueryGraph.create(roads.graph(), snaps);
        Weighting weighting = graph.wrapWeighting(roads.weighting());
        Targets targets = Targets.of(snaps);
        int[] nodes = targets.nodes().toArray();
        int[] targetOf = targets.of();
        int m = nodes.length;
        long[][] millis = new long[m][];
        double[][] meters = new double[m][];
        OneToMany.overSources(graph, weighting, m, threads, "road-matrix", (worker, search, s) -> {
            search.run(nodes[s], nodes, false);
            millis[s] = new long[m];
            meters[s] = new double[m];
            search.read(nodes, millis[s], meters[s]);
        });
        double[][] km = new double[n][n];
        double[][] minutes = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                long ms = millis[targetOf[i]][targetOf[j]];
                if (ms < 0) {
                    throw new RoadException(labels.get(j) + " cannot be reached by road from " + labels.get(i)
                            + " (one-way roads or a road not connected to the rest)");
                }
                minutes[i][j] = minutesRoundedUp(ms);
                km[i][j] = Math.ceil(meters[targetOf[i]][targetOf[j]] - 1e-9) / 1000.0;
            }
        }
        List<String> ids = places.stream().map(Place::id).toList();
        return new TravelMatrix(ids, km, minutes, roads.source());
    }

    /**
     * A road matrix for {@code places} that reuses {@code old} (made from the same extract) and computes only the
     * rows and columns of the places in {@code recompute} and of those {@code old} does not have: one forward and
     * one backward search per such place (each settles every other place), so adding or moving one site costs two
     * searches instead of a whole matrix. Places of {@code old} that are no longer in {@code places} are dropped.
     * Every place is snapped (and refused as in {@link #compute}); entries between two kept places are copied.
     *
     * @param recompute ids of places whose position changed since {@code old} was made
     */
    public static TravelMatrix update(RoadNetwork roads, TravelMatrix old, List<Place> places, List<String> labels,
                                      double maxMeters, java.util.Set<String> recompute) {
        if (old == null || !roads.source().equals(old.source())) {
            throw new IllegalArgumentException("update needs a road matrix made from " + roads.source().describe());
        }
        int n = places.size();
        java.util.Map<String, Integer> oldIndex = old.indexById();
        List<Integer> fresh = new ArrayList<>();
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            Integer o = oldIndex.get(places.get(i).id());
            from[i] = o == null || recompute.contains(places.get(i).id()) ? -1 : o;
            if (from[i] < 0) {
                fresh.add(i);
            }
        }
        List<Snap> snaps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            snaps.add(roads.snap(labels.get(i), places.get(i).point(), maxMeters));
        }
        double[][] km = new double[n][n];
        double[][] minutes = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (from[i] < 0) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (from[j] >= 0) {
                    km[i][j] = old.km()[from[i]][from[j]];
                    minutes[i][j] = old.minutes()[from[i]][from[j]];
                }
            }
        }
        if (!fresh.isEmpty()) {
            QueryGraph graph = QueryGraph.create(roads.graph(), snaps);
            Weighting weighting = graph.wrapWeighting(roads.weighting());
            Targets targets = Targets.of(snaps);
            int[] targetOf = targets.of();
            int[] nodes = targets.nodes().toArray();
            long[] reached = new long[nodes.length];
            double[] reachedMeters = new double[nodes.length];
            OneToMany search = new OneToMany(graph, weighting);
            for (int f : fresh) {
                int node = snaps.get(f).getClosestNode();
                for (boolean reverse : new boolean[] {false, true}) {
                    search.run(node, nodes, reverse);
                    search.read(nodes, reached, reachedMeters);
                    for (int j = 0; j < n; j++) {
                        if (j == f) {
                            continue;
                        }
                        long ms = reached[targetOf[j]];
                        if (ms < 0) {
                            throw new RoadException(reverse
                                    ? labels.get(f) + " cannot be reached by road from " + labels.get(j)
                                    + " (one-way roads or a road not connected to the rest)"
                                    : labels.get(j) + " cannot be reached by road from " + labels.get(f)
                                    + " (one-way roads or a road not connected to the rest)");
                        }
                        int a = reverse ? j : f;
                        int b = reverse ? f : j;
                        minutes[a][b] = minutesRoundedUp(ms);
                        km[a][b] = Math.ceil(reachedMeters[targetOf[j]] - 1e-9) / 1000.0;
                    }
                }
            }
        }
        List<String> ids = places.stream().map(Place::id).toList();
        return new TravelMatrix(ids, km, minutes, roads.source());
    }

    /** Margin added to every road time before rounding, in milliseconds. */
    public static final long MARGIN_MILLIS = 500;

    /** A route's milliseconds as matrix minutes: plus the margin, rounded up to a thousandth: 60,501 ms is 1.017 minutes. */
    public static double minutesRoundedUp(long millis) {
        return Math.ceil((millis + MARGIN_MILLIS) / 60.0 - 1e-9) / 1000.0;
    }

    static String describe(long millis, double meters) {
        return String.format(Locale.ROOT, "%.1f min, %.2f km", millis / 60000.0, meters / 1000.0);
    }

    /** The distinct snapped road nodes (several places may sit on one road point) and each place's index among them. */
    private record Targets(IntArrayList nodes, int[] of) {
        static Targets of(List<Snap> snaps) {
            IntIntHashMap index = new IntIntHashMap();
            IntArrayList nodes = new IntArrayList();
            int[] of = new int[snaps.size()];
            for (int i = 0; i < snaps.size(); i++) {
                int node = snaps.get(i).getClosestNode();
                int t = index.getOrDefault(node, -1);
                if (t < 0) {
                    t = nodes.size();
                    index.put(node, t);
                    nodes.add(node);
                }
                of[i] = t;
            }
            return new Targets(nodes, of);
        }
    }
}
