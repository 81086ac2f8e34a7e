package org.foodnet.solver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** Which phases a solve runs, and whether its local search may eliminate routes itself. */
class PhaseConfigTest {

    /** Routes first, as the literature benchmarks weigh them: a trip outweighs any driving. */
    private static final Map<String, Long> ROUTES_FIRST = Map.of(FoodnetConstraints.TRIPS, 2_778L);

    private static List<String> eliminate(SolverConfig config) {
        return config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .map(p -> ((MoveIteratorFactoryConfig) ((LocalSearchPhaseConfig) p).getMoveSelectorConfig())
                        .getMoveIteratorFactoryCustomProperties().get("eliminate"))
                .toList();
    }

    private static long routeMinimisations(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(CustomPhaseConfig.class::isInstance)
                .map(p -> ((CustomPhaseConfig) p).getCustomPhaseCommandList())
                .flatMap(List::stream)
                .filter(org.foodnet.solver.move.RouteMinimisation.class::isInstance)
                .count();
    }

    @Test
    void routesFirstEliminatesRoutesOnlyFromTheRouteMinimisationPhaseOn() {
        SolverConfig config = FoodnetSolver.solverConfig(new SolveOptions(Duration.ofSeconds(60), ROUTES_FIRST, 0, 0L));
        assertThat(routeMinimisations(config)).isEqualTo(1);
        List<PhaseConfig> phases = config.getPhaseConfigList();
        assertThat(phases).hasSize(4);
        assertThat(eliminate(config)).as("local search before the phase, after it").containsExactly("false", "true");
    }

    @Test
    void theMonthsWeightsKeepRouteEliminationInLocalSearch() {
        SolverConfig config = FoodnetSolver.solverConfig(SolveOptions.of(Duration.ofSeconds(30)));
        assertThat(routeMinimisations(config)).isZero();
        assertThat(eliminate(config)).containsExactly("true");
    }

    @Test
    void aStepLimitRunsNoPhaseSoLocalSearchEliminatesRoutes() {
        SolverConfig config = FoodnetSolver.solverConfig(
                new SolveOptions(Duration.ofSeconds(60), ROUTES_FIRST, 0, 0L).withStepLimit(1_000));
        assertThat(routeMinimisations(config)).isZero();
        assertThat(eliminate(config)).containsExactly("true");
    }
}
