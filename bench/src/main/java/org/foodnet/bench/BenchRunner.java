package org.foodnet.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs solvers on instances in one process, alternating the solvers per instance (instance 1: A, B; instance
 * 2: A, B; ...) so that slow drift of the machine affects them alike; checks every solution independently.
 */
public final class BenchRunner {

    private final List<BenchSolver> solvers;
    private final Duration timeLimit;
    private final Bks bksOverride;
    private final PrintStream log;
    private final Map<Path, Bks> bksByFolder = new HashMap<>();

    /**
     * @param bksOverride best-known solutions to use for every instance; null: the bks.csv next to each folder
     * @param log         progress lines; null for none
     */
    public BenchRunner(List<BenchSolver> solvers, Duration timeLimit, Bks bksOverride, PrintStream log) {
        if (solvers.isEmpty()) {
            throw new IllegalArgumentException("no solver to run");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be > 0, got " + timeLimit);
        }
        this.solvers = List.copyOf(solvers);
        this.timeLimit = timeLimit;
        this.bksOverride = bksOverride;
        this.log = log;
    }

    /** Runs every solver on every file; {@code perInstance} receives the rows of each instance as they come. */
    public List<ResultRow> run(List<Path> files, Consumer<List<ResultRow>> perInstance) {
        List<ResultRow> all = new ArrayList<>();
        int k = 0;
        for (Path file : files) {
            k++;
            Instance instance = InstanceReader.read(file);
            Path folder = file.toAbsolutePath().normalize().getParent();
            Bks bks = bksOverride != null ? bksOverride : bksByFolder.computeIfAbsent(folder, Bks::near);
            List<ResultRow> rows = new ArrayList<>();
            for (BenchSolver solver : solvers) {
                ResultRow row = runOne(solver, instance, folder.getFileName().toString(), bks.get(instance.name()));
                rows.add(row);
                if (log != null) {
                    log.printf(Locale.ROOT, "[%d/%d] %s %s: %s%n", k, files.size(), instance.name(), solver.name(), describe(row));
                }
            }
            all.addAll(rows);
            if (perInstance != null) {
                perInstance.accept(rows);
            }
        }
        return all;
    }

    ResultRow runOne(BenchSolver solver, Instance instance, String folder, Optional<Bks.Entry> bks) {
        long t0 = System.nanoTime();
        Solution solution;
        try {
            solution = solver.solve(instance, timeLimit);
        } catch (RuntimeException e) {
            solution = Solution.none("solver failed: " + e);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        BenchChecker.Result check = BenchChecker.check(instance, solution);
        boolean solved = check.routes() > 0;
        String problems = check.feasible() ? "" : (solution.status().isEmpty() ? "" : solution.status() + ": ") + check.summary(3);
        return new ResultRow(instance.name(), folder, solver.name(), timeLimit.toMillis() / 1000.0, solved, check.routes(),
                check.distance(), check.feasible(), bks, problems, elapsedMs);
    }

    private static String describe(ResultRow r) {
        StringBuilder s = new StringBuilder();
        if (!r.solved()) {
            s.append("no solution");
        } else {
            s.append(String.format(Locale.ROOT, "%d routes, distance %.4f", r.routes(), r.distance()));
        }
        r.bks().ifPresent(b -> s.append(String.format(Locale.ROOT, " (BKS %d / %.4f)", b.routes(), b.distance())));
        r.distGapPct().ifPresent(g -> s.append(", distance gap ").append(ResultsReport.fixed(g, 2)).append('%'));
        s.append(r.feasible() ? ", feasible" : ", INFEASIBLE: " + r.violations());
        s.append(String.format(Locale.ROOT, " [%.1f s]", r.elapsedMs() / 1000.0));
        return s.toString();
    }
}
