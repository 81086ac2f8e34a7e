package org.foodnet.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.Solver;
import com.google.ortools.constraintsolver.main;

/**
 * Baseline: Google OR-Tools' routing solver with the instance modelled faithfully.
 * <ul>
 *   <li>fleet = the instance's vehicle count, each with a fixed cost larger than any total distance, so the
 *       number of routes is minimised first and distance second (the literature's hierarchical objective);</li>
 *   <li>arc cost = Euclidean distance x {@value #SCALE}, rounded; the reported distance is recomputed from the
 *       routes in double precision by {@link BenchChecker};</li>
 *   <li>time dimension in units of 1/{@value #SCALE}: travel time rounded <em>up</em> plus the service time of the
 *       node left, slack (waiting) up to the horizon, service start in [ready, due] at every customer, start and
 *       return within the depot's window. Rounding up makes every schedule OR-Tools accepts feasible in double
 *       precision too;</li>
 *   <li>capacity dimension: cumulative demand in [0, capacity] after every node (PDPTW: pickups add,
 *       deliveries subtract);</li>
 *   <li>PDPTW: {@code AddPickupAndDelivery}, same vehicle, pickup's service start &lt;= delivery's.</li>
 * </ul>
 * Search: PARALLEL_CHEAPEST_INSERTION (PDPTW) or PATH_CHEAPEST_ARC (CVRPTW), then GUIDED_LOCAL_SEARCH until the
 * time limit. The routing solver is single-threaded.
 */
public final class OrToolsSolver implements BenchSolver {

    public static final String NAME = "ortools";
    /** Distances and times are multiplied by this before they become OR-Tools' integers. */
    public static final long SCALE = 1000;

    private static volatile boolean loaded;

    /** Loads OR-Tools' native library (once per process). */
    public static synchronized void loadNative() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Solution solve(Instance instance, Duration timeLimit) {
        loadNative();
        int n = instance.nodes().size();
        int vehicles = instance.vehicles();
        RoutingIndexManager manager = new RoutingIndexManager(n, vehicles, 0);
        RoutingModel routing = new RoutingModel(manager);
        try {
            long[][] arcCosts = arcCosts(instance);
            int costCallback = routing.registerTransitMatrix(arcCosts);
            routing.setArcCostEvaluatorOfAllVehicles(costCallback);
            routing.setFixedCostOfAllVehicles(fixedVehicleCost(instance, arcCosts));

            Instance.Node depot = instance.depot();
            long horizon = depot.due() * SCALE;
            int timeCallback = routing.registerTransitMatrix(travelTimes(instance));
            routing.addDimension(timeCallback, horizon, horizon, false, "Time");
            RoutingDimension time = routing.getDimensionOrDie("Time");
            for (int i = 1; i < n; i++) {
                Instance.Node node = instance.node(i);
                time.cumulVar(manager.nodeToIndex(i)).setRange(node.ready() * SCALE, node.due() * SCALE);
            }
            for (int v = 0; v < vehicles; v++) {
                time.cumulVar(routing.start(v)).setRange(depot.ready() * SCALE, horizon);
                time.cumulVar(routing.end(v)).setRange(depot.ready() * SCALE, horizon);
            }

            long[] demands = new long[n];
            for (int i = 0; i < n; i++) {
                demands[i] = instance.node(i).demand();
            }
            long[] capacities = new long[vehicles];
            Arrays.fill(capacities, instance.capacity());
            int demandCallback = routing.registerUnaryTransitVector(demands);
            routing.addDimensionWithVehicleCapacity(demandCallback, 0, capacities, true, "Capacity");

            if (instance.kind() == Instance.Kind.PDPTW) {
                Solver solver = routing.solver();
                for (Instance.Node node : instance.nodes()) {
                    if (!node.isPickup()) {
                        continue;
                    }
                    long pickup = manager.nodeToIndex(node.id());
                    long delivery = manager.nodeToIndex(node.delivery());
                    routing.addPickupAndDelivery(pickup, delivery);
                    solver.addConstraint(solver.makeEquality(routing.vehicleVar(pickup), routing.vehicleVar(delivery)));
                    solver.addConstraint(solver.makeLessOrEqual(time.cumulVar(pickup), time.cumulVar(delivery)));
                }
            }

            RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                    .setFirstSolutionStrategy(instance.kind() == Instance.Kind.PDPTW
                            ? FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION
                            : FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                    .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                    .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(timeLimit.getSeconds()).setNanos(timeLimit.getNano()))
                    .setLogSearch(false)
                    .build();
            Assignment assignment = routing.solveWithParameters(parameters);
            if (assignment == null) {
                return Solution.none("no solution found (" + routing.status() + ")");
            }
            List<List<Integer>> routes = new ArrayList<>();
            for (int v = 0; v < vehicles; v++) {
                List<Integer> route = new ArrayList<>();
                long index = assignment.value(routing.nextVar(routing.start(v)));
                while (!routing.isEnd(index)) {
                    route.add(manager.indexToNode(index));
                    index = assignment.value(routing.nextVar(index));
                }
                if (!route.isEmpty()) {
                    routes.add(route);
                }
            }
            return new Solution(routes, routing.status() + ", objective " + assignment.objectiveValue());
        } finally {
            routing.delete();
            manager.delete();
        }
    }

    /** Arc costs: distance x SCALE, rounded to the nearest integer. */
    static long[][] arcCosts(Instance instance) {
        int n = instance.nodes().size();
        long[][] cost = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = i == j ? 0 : Math.round(instance.distance(i, j) * SCALE);
            }
        }
        return cost;
    }

    /**
     * Transit of the time dimension from i to j: the service time at i plus the travel time, both x SCALE,
     * the travel time rounded up so that integer schedules are never earlier than the exact ones.
     */
    static long[][] travelTimes(Instance instance) {
        int n = instance.nodes().size();
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            long service = instance.node(i).service() * SCALE;
            for (int j = 0; j < n; j++) {
                time[i][j] = i == j ? service : service + (long) Math.ceil(instance.distance(i, j) * SCALE);
            }
        }
        return time;
    }

    /**
     * More than any total distance, so that one route less always wins: every customer's longest outgoing arc
     * plus, per vehicle, the depot's longest outgoing arc.
     */
    static long fixedVehicleCost(Instance instance, long[][] arcCosts) {
        long bound = 1;
        for (int i = 0; i < arcCosts.length; i++) {
            long max = 0;
            for (long c : arcCosts[i]) {
                max = Math.max(max, c);
            }
            bound = Math.addExact(bound, i == 0 ? Math.multiplyExact(max, (long) instance.vehicles()) : max);
        }
        return bound;
    }
}
