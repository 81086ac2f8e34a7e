package org.foodnet.solver.travel.road;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Dijkstra on the road graph from a source until the given target nodes are all settled, with the weighting
 * GraphHopper routes with; backward (times from each target to the source) when {@code reverse}. Times are summed
 * per edge as GraphHopper sums them, distances in metres. One instance is reused for many sources by one thread
 * (node arrays are reset by a run stamp, not cleared). Used by {@link RoadMatrix} and {@link RoadPairs}.
 */
final class OneToMany {
    private final Weighting weighting;
    private final EdgeExplorer explorer;
    private final MinHeapWithUpdate heap;
    private final double[] weight;
    private final long[] time;
    private final double[] dist;
    private final int[] stamp;
    private final int[] wantStamp;
    private final boolean[] settled;
    private int run;

    OneToMany(QueryGraph graph, Weighting weighting) {
        this.weighting = weighting;
        this.explorer = graph.createEdgeExplorer();
        int nodes = graph.getNodes();
        this.heap = new MinHeapWithUpdate(nodes);
        this.weight = new double[nodes];
        this.time = new long[nodes];
        this.dist = new double[nodes];
        this.stamp = new int[nodes];
        this.wantStamp = new int[nodes];
        this.settled = new boolean[nodes];
    }

    /**
     * Searches from {@code source} until every node of {@code targets} is settled (or nothing more is reachable);
     * read the results with {@link #millisOf}, {@link #metersOf} or {@link #read}.
     *
     * @param reverse false: times from {@code source} to every target; true: times from every target to
     *                {@code source} (the search walks the edges backwards)
     */
    void run(int source, int[] targets, boolean reverse) {
        run++;
        heap.clear();
        int left = 0;
        for (int t : targets) {
            if (wantStamp[t] != run) {
                wantStamp[t] = run;
                left++;
            }
        }
        reach(source, 0, 0, 0);
        while (!heap.isEmpty() && left > 0) {
            int u = heap.poll();
            settled[u] = true;
            if (wantStamp[u] == run) {
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

    /** The last run's time to (or from) {@code node} in milliseconds, or -1 when it was not settled. */
    long millisOf(int node) {
        return isSettled(node) ? time[node] : -1;
    }

    /** The last run's route length to (or from) {@code node} in metres, or -1 when it was not settled. */
    double metersOf(int node) {
        return isSettled(node) ? dist[node] : -1;
    }

    /** Copies the last run's results for {@code targets[i]} into {@code millis[i]} and {@code meters[i]} (-1: not settled). */
    void read(int[] targets, long[] millis, double[] meters) {
        for (int i = 0; i < targets.length; i++) {
            millis[i] = millisOf(targets[i]);
            meters[i] = metersOf(targets[i]);
        }
    }

    private boolean isSettled(int node) {
        return stamp[node] == run && settled[node];
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

    /** What one worker does for one source index, with its own search. */
    interface SourceWork {
        void run(int worker, OneToMany search, int source);
    }

    /** How many workers {@link #overSources} uses for {@code count} sources on {@code threads} threads. */
    static int workers(int threads, int count) {
        return Math.max(1, Math.min(threads, count));
    }

    /**
     * Runs {@code work} for every source index 0 … count−1 on {@link #workers} daemon threads named {@code name},
     * each worker with one search of its own; a worker's runtime exception is thrown here as it was.
     */
    static void overSources(QueryGraph graph, Weighting weighting, int count, int threads, String name, SourceWork work) {
        int workers = workers(threads, count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    OneToMany search = new OneToMany(graph, weighting);
                    for (int s = next.getAndIncrement(); s < count; s = next.getAndIncrement()) {
                        work.run(worker, search, s);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
