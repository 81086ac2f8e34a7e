package org.foodnet.bench;

import java.util.List;

/**
 * A solver's answer to an instance: routes, each the node ids in visiting order without the depot.
 *
 * @param routes the routes; empty routes are allowed and do not count as routes
 * @param status a short note from the solver (e.g. "no solution found", its own objective), for logs only
 */
public record Solution(List<List<Integer>> routes, String status) {

    public Solution {
        routes = routes.stream().map(List::copyOf).toList();
        status = status == null ? "" : status;
    }

    public Solution(List<List<Integer>> routes) {
        this(routes, "");
    }

    /** No routes at all: the solver found nothing. */
    public static Solution none(String why) {
        return new Solution(List.of(), why);
    }
}
