package org.foodnet.bench;

import java.time.Duration;
import java.util.Map;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.domain.Network;

/**
 * Foodnet's own engine on a literature instance: the instance becomes a one-day Foodnet network
 * ({@link FoodnetMapping}) and is planned exactly as a month plan is, with the weights set to the
 * literature's objective: routes first (a trip weighs like 10,000 units of distance), then distance; the
 * volunteer-balance and fair-share rules are switched off (the instances have no such notion).
 */
public final class FoodnetBenchSolver implements BenchSolver {

    public static final String NAME = "foodnet";

    static final Map<String, Long> LITERATURE_WEIGHTS = Map.of(
            FoodnetConstraints.TRIPS, 2_778L, // 2,778 x 60 min = ~10,000 s: one route outweighs any distance saved
            FoodnetConstraints.BALANCE, 0L,
            FoodnetConstraints.FAIR_SHARES, 0L);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Solution solve(Instance instance, Duration timeLimit) {
        try {
            Network network = FoodnetMapping.toNetwork(instance);
            SolveOptions options = new SolveOptions(timeLimit, LITERATURE_WEIGHTS, 0, 0L);
            SolveResult result = FoodnetSolver.solve(network, options, null);
            return FoodnetMapping.solutionOf(network, result.plan());
        } catch (RuntimeException e) {
            return Solution.none("foodnet failed: " + e);
        }
    }
}
