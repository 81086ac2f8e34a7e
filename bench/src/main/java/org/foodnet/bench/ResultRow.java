package org.foodnet.bench;

import java.util.Optional;

/**
 * One solver's result on one instance, as checked by {@link BenchChecker}.
 *
 * @param folder     the name of the folder the instance file lies in (e.g. {@code pdptw-ll100}); groups the summary
 * @param routes     routes used; meaningful only when {@code solved}
 * @param distance   total distance recomputed in double precision; meaningful only when {@code solved}
 * @param solved     the solver returned at least one route
 * @param violations the checker's first violations (empty when feasible), for logs
 * @param elapsedMs  wall-clock time of the solver call
 */
public record ResultRow(String instance, String folder, String solver, double timeLimitS, boolean solved, int routes,
                        double distance, boolean feasible, Optional<Bks.Entry> bks, String violations,
                        long elapsedMs) {

    /** Distance gap vs BKS in percent; only for a feasible solution of an instance with a BKS. */
    public Optional<Double> distGapPct() {
        return feasible && bks.isPresent() ? Optional.of(gap(distance, bks.get().distance())) : Optional.empty();
    }

    /** Route-count gap vs BKS in percent; only for a feasible solution of an instance with a BKS. */
    public Optional<Double> routeGapPct() {
        return feasible && bks.isPresent() ? Optional.of(gap(routes, bks.get().routes())) : Optional.empty();
    }

    static double gap(double value, double best) {
        return (value - best) / best * 100.0;
    }
}
