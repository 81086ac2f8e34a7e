package org.foodnet.solver.travel.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.foodnet.solver.domain.Place;
import org.foodnet.solver.travel.TravelMatrix;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

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
        IntIntHashMap targetIndex = targets.index();
        IntArrayList targetNodes = targets.nodes();
        int[] targetOf = targets.of();
        int m = targetNodes.size();
        long[][] millis = new long[m][];
        double[][] meters = new double[m][];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, m));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "road-matrix");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    Search search = new Search(graph, weighting, targetNodes.toArray(), targetIndex);
                    for (int s = next.getAndIncrement(); s < m; s = next.getAndIncrement()) {
                        search.run(targetNodes.get(s));
                        millis[s] = search.millis.clone();
                        meters[s] = search.meters.clone();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("road matrix interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
            IntIntHashMap targetIndex = targets.index();
            IntArrayList targetNodes = targets.nodes();
            int[] targetOf = targets.of();
            Search search = new Search(graph, weighting, targetNodes.toArray(), targetIndex);
            for (int f : fresh) {
                int node = snaps.get(f).getClosestNode();
                for (boolean reverse : new boolean[] {false, true}) {
                    search.run(node, reverse);
                    for (int j = 0; j < n; j++) {
                        if (j == f) {
                            continue;
                        }
                        long ms = search.millis[targetOf[j]];
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
                        km[a][b] = Math.ceil(search.meters[targetOf[j]] - 1e-9) / 1000.0;
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

    /** One Dijkstra from a source, reused for many sources by one thread. */
    private static final class Search {
        private final QueryGraph graph;
        private final Weighting weighting;
        private final int[] targets;
        private final IntIntHashMap targetIndex;
        private final EdgeExplorer explorer;
        private final MinHeapWithUpdate heap;
        private final double[] weight;
        private final long[] time;
        private final double[] dist;
        private final int[] stamp;
        private final boolean[] settled;
        private int run;
        final long[] millis;
        final double[] meters;

        Search(QueryGraph graph, Weighting weighting, int[] targets, IntIntHashMap targetIndex) {
            this.graph = graph;
            this.weighting = weighting;
            this.targets = targets;
            this.targetIndex = targetIndex;
            this.explorer = graph.createEdgeExplorer();
            int nodes = graph.getNodes();
            this.heap = new MinHeapWithUpdate(nodes);
            this.weight = new double[nodes];
            this.time = new long[nodes];
            this.dist = new double[nodes];
            this.stamp = new int[nodes];
            this.settled = new boolean[nodes];
            this.millis = new long[targets.length];
            this.meters = new double[targets.length];
        }

        void run(int source) {
            run(source, false);
        }

        /**
         * @param reverse false: times from {@code source} to every target; true: times from every target to
         *                {@code source} (the search walks the edges backwards)
         */
        void run(int source, boolean reverse) {
            run++;
            heap.clear();
            Arrays.fill(millis, -1);
            Arrays.fill(meters, -1);
            int left = targets.length;
            reach(source, 0, 0, 0);
            while (!heap.isEmpty() && left > 0) {
                int u = heap.poll();
                settled[u] = true;
                int t = targetIndex.getOrDefault(u, -1);
                if (t >= 0) {
                    millis[t] = time[u];
                    meters[t] = dist[u];
                    left--;
                }
                EdgeIterator it = explorer.setBaseNode(u);
                while (it.next()) {
                    int v = it.getAdjNode();
                    if (stamp[v] == run && settled[v]) {
                        continue;
                    }
                    double w = weighting.calcEdgeWeight(it, reverse);
                    if (Double.isInfinite(w)) {
                        continue;
                    }
                    double nw = weight[u] + w;
                    if (stamp[v] != run || nw < weight[v]) {
                        reach(v, nw, time[u] + weighting.calcEdgeMillis(it, reverse), dist[u] + it.getDistance());
                    }
                }
            }
        }

        private void reach(int node, double w, long ms, double m) {
            boolean known = stamp[node] == run;
            stamp[node] = run;
            settled[node] = false;
            weight[node] = w;
            time[node] = ms;
            dist[node] = m;
            if (known) {
                heap.update(node, (float) w);
            } else {
                heap.push(node, (float) w);
            }
        }
    }

    static String describe(long millis, double meters) {
        return String.format(Locale.ROOT, "%.1f min, %.2f km", millis / 60000.0, meters / 1000.0);
    }

    /** The distinct snapped road nodes (several places may sit on one road point) and each place's index among them. */
    private record Targets(IntIntHashMap index, IntArrayList nodes, int[] of) {
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
            return new Targets(index, nodes, of);
        }
    }
}
