package org.foodnet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The solvers the runner knows, by name. Add one with {@link #register} or in {@link #defaults()}.
 */
public final class BenchSolvers {

    private final Map<String, Supplier<BenchSolver>> byName = new LinkedHashMap<>();

    /** The solvers every run knows: Foodnet's engine and OR-Tools. */
    public static BenchSolvers defaults() {
        BenchSolvers solvers = new BenchSolvers();
        solvers.register(FoodnetBenchSolver.NAME, FoodnetBenchSolver::new);
        solvers.register(OrToolsSolver.NAME, OrToolsSolver::new);
        return solvers;
    }

    public BenchSolvers register(String name, Supplier<BenchSolver> factory) {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("a solver name must be non-blank without commas, got '" + name + "'");
        }
        if (byName.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("solver '" + name + "' is registered twice");
        }
        return this;
    }

    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    /** Creates the named solvers in the given order; an unknown name fails with the list of known ones. */
    public List<BenchSolver> create(List<String> names) {
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown solver" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; known: " + String.join(", ", byName.keySet()));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no solver selected; known: " + String.join(", ", byName.keySet()));
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a solver is selected twice: " + String.join(",", names));
        }
        return names.stream().map(n -> byName.get(n).get()).toList();
    }
}
