package org.foodnet.solver.travel.road;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

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
}
