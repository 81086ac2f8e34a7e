package org.foodnet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a solution against the rules under which the literature's best-known solutions were computed,
 * independently of any solver: every customer served exactly once, capacity, time windows (service starts at
 * max(arrival, ready) and no later than due; back at the depot by the depot's due time), pickup and delivery
 * on the same route with the pickup first (PDPTW), at most {@code vehicles} routes. The distance is recomputed
 * from the routes in double precision (Euclidean, no rounding).
 *
 * <p>Times are compared with a tolerance of {@value #TIME_EPSILON} time units so that a sum of square roots
 * that is exact on paper is not rejected for its last bit.
 */
public final class BenchChecker {

    public static final double TIME_EPSILON = 1e-6;

    /** The checker's verdict. */
    public record Result(boolean feasible, List<String> violations, int routes, double distance) {

        public Result {
            violations = List.copyOf(violations);
        }

        /** The first few violations, one line, for logs. */
        public String summary(int max) {
            if (violations.isEmpty()) {
                return "feasible";
            }
            String head = String.join("; ", violations.subList(0, Math.min(max, violations.size())));
            return violations.size() > max ? head + "; ... (" + violations.size() + " violations)" : head;
        }
    }

    private BenchChecker() {
    }

    public static Result check(Instance instance, Solution solution) {
        return check(instance, solution.routes());
    }

    public static Result check(Instance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        int n = instance.nodes().size();
        int[] visits = new int[n];
        int[] routeOf = new int[n];
        int[] positionOf = new int[n];
        int usedRoutes = 0;
        double total = 0.0;
        Instance.Node depot = instance.depot();
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            usedRoutes++;
            String where = "route " + (r + 1);
            boolean validIds = true;
            for (Integer id : route) {
                if (id == null || id <= 0 || id >= n) {
                    violations.add(where + ": " + id + " is not a customer (ids 1.." + (n - 1) + ", the depot is implicit)");
                    validIds = false;
                }
            }
            if (!validIds) {
                continue;
            }
            double time = depot.ready();
            long load = 0;
            if (instance.kind() == Instance.Kind.CVRPTW) {
                for (int id : route) {
                    load += instance.node(id).demand();
                }
                if (load > instance.capacity()) {
                    violations.add(where + ": total demand " + load + " exceeds capacity " + instance.capacity());
                }
            }
            int previous = 0;
            for (int pos = 0; pos < route.size(); pos++) {
                int id = route.get(pos);
                Instance.Node node = instance.node(id);
                visits[id]++;
                routeOf[id] = r;
                positionOf[id] = pos;
                double leg = instance.distance(previous, id);
                total += leg;
                double arrival = time + leg;
                double start = Math.max(arrival, node.ready());
                if (start > node.due() + TIME_EPSILON) {
                    violations.add(where + ": service at " + id + " starts at " + fmt(start) + " after its due time " + node.due());
                }
                time = start + node.service();
                if (instance.kind() == Instance.Kind.PDPTW) {
                    load += node.demand();
                    if (load > instance.capacity()) {
                        violations.add(where + ": load " + load + " after " + id + " exceeds capacity " + instance.capacity());
                    } else if (load < 0) {
                        violations.add(where + ": load " + load + " after " + id + " is negative");
                    }
                }
                previous = id;
            }
            double back = time + instance.distance(previous, 0);
            total += instance.distance(previous, 0);
            if (back > depot.due() + TIME_EPSILON) {
                violations.add(where + ": back at the depot at " + fmt(back) + " after its due time " + depot.due());
            }
        }
        for (int id = 1; id < n; id++) {
            if (visits[id] == 0) {
                violations.add("customer " + id + " is not served");
            } else if (visits[id] > 1) {
                violations.add("customer " + id + " is served " + visits[id] + " times");
            }
        }
        if (instance.kind() == Instance.Kind.PDPTW) {
            for (Instance.Node node : instance.nodes()) {
                if (!node.isPickup() || visits[node.id()] != 1 || visits[node.delivery()] != 1) {
                    continue;
                }
                int p = node.id();
                int d = node.delivery();
                if (routeOf[p] != routeOf[d]) {
                    violations.add("pickup " + p + " (route " + (routeOf[p] + 1) + ") and its delivery " + d
                            + " (route " + (routeOf[d] + 1) + ") are on different routes");
                } else if (positionOf[p] > positionOf[d]) {
                    violations.add("route " + (routeOf[p] + 1) + ": delivery " + d + " comes before its pickup " + p);
                }
            }
        }
        if (usedRoutes > instance.vehicles()) {
            violations.add(usedRoutes + " routes, but only " + instance.vehicles() + " vehicles");
        }
        return new Result(violations.isEmpty(), violations, usedRoutes, total);
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.4f", t);
    }
}
