package org.foodnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * The demo month over several seeds, each solved once for a fixed time and checked by the independent plan
 * checker: the acceptance table of the planning rules (planned share of the deliverable food, fulfilment overall and
 * per temperature class, the relative per-class floor, trips, driving). Writes {@code seed-table.md} and
 * {@code seed-table.csv}.
 *
 * <pre>java ... org.foodnet.bench.SeedTable --seeds 1-8 --scale 1 --time-limit 30 --out bench-results</pre>
 *
 * <p>The same figures as {@code ./foodnet demo --seed S} then {@code ./foodnet solve --summary-json} and
 * {@code ./foodnet check}. Each seed runs in a fresh JVM (this class again, with {@code --one}, the same class path
 * and JVM options), as a separate {@code ./foodnet solve} does: in one JVM, later seeds run on code the JIT has
 * already compiled and get more search steps in the same time. {@code --same-jvm} runs them all in this one.
 */
public final class SeedTable {

    public static void main(String[] args) throws IOException {
        List<Integer> seeds = range("1-8");
        int scale = 1;
        int seconds = 30;
        Path out = Path.of("bench-results");
        boolean sameJvm = false;
        Integer one = null;
        List<String> rest = new ArrayList<>(List.of(args));
        sameJvm = rest.remove("--same-jvm");
        args = rest.toArray(String[]::new);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seeds" -> seeds = range(args[i + 1]);
                case "--scale" -> scale = Integer.parseInt(args[i + 1]);
                case "--time-limit" -> seconds = Integer.parseInt(args[i + 1].replaceAll("s$", ""));
                case "--out" -> out = Path.of(args[i + 1]);
                case "--one" -> one = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --seeds 1-8 --scale 1 --time-limit 30 --out folder --same-jvm)");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
        }
        if (one != null) {
            // a child of a fresh-JVM table: one seed, its two lines on standard output
            String[] lines = row(one, scale, seconds);
            System.out.print(MD + lines[0] + CSV + lines[1]);
            return;
        }
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        md.append("Demo month, scale ").append(scale).append(", ").append(seconds).append(" s per seed, ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(sameJvm ? "all seeds in one JVM" : "a fresh JVM per seed").append("\n\n")
                .append("| seed | checker | violations | planned kg | deliverable kg | planned % | min fulfilment | min AMBIENT | min CHILLED"
                        + " | min FROZEN | minRelativeFulfilmentPerClass | trips | driving min | ms to first feasible"
                        + " | unreachable needs |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("seed,scale,seconds,feasible,violations,plannedKg,deliverableKg,plannedPct,"
                + "minFulfilment,minAmbient,minChilled,minFrozen,minRelativeFulfilmentPerClass,trips,drivingMinutes,msToFirstFeasible,unreachableNeeds\n");
        for (int seed : seeds) {
            String[] lines = sameJvm ? row(seed, scale, seconds) : inFreshJvm(seed, scale, seconds);
            md.append(lines[0]);
            csv.append(lines[1]);
            System.out.print(lines[0]);
        }
        Files.writeString(out.resolve("seed-table.md"), md);
        Files.writeString(out.resolve("seed-table.csv"), csv);
        System.out.println("wrote " + out.resolve("seed-table.md") + " and " + out.resolve("seed-table.csv"));
    }

    private static final String MD = "@md ";
    private static final String CSV = "@csv ";

    /** One seed solved and checked here: its markdown row and its CSV line (each with its line end). */
    static String[] row(int seed, int scale, int seconds) {
        Network network = DemoNetworkGenerator.generate(seed, scale);
        SolveResult result = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofSeconds(seconds)), p -> { });
        CheckReport report = PlanChecker.check(network, result.plan());
        PlanSummary s = PlanSummary.of(network, result, report);
        double pct = s.deliverableKg() == 0 ? 0 : 100.0 * s.plannedKg() / s.deliverableKg();
        report.violations().stream().limit(5).forEach(v -> System.err.println("    seed " + seed + ": " + v));
        String md = String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | %.3f | %s | %s | %s | %.3f | %d | %d | %d | %d |%n",
                seed, report.feasible() ? "feasible" : "INFEASIBLE", report.violations().size(), s.plannedKg(),
                s.deliverableKg(), pct, s.minFulfilment(), cls(s, TemperatureClass.AMBIENT), cls(s, TemperatureClass.CHILLED),
                cls(s, TemperatureClass.FROZEN), s.minRelativeFulfilmentPerClass(), s.trips(), s.drivingMinutes(),
                result.msToFirstFeasible(), s.unreachableNeeds().size());
        String csv = String.format(Locale.ROOT, "%d,%d,%d,%s,%d,%.2f,%.2f,%.2f,%.3f,%s,%s,%s,%.3f,%d,%d,%d,%d%n", seed, scale,
                seconds, report.feasible(), report.violations().size(), s.plannedKg(), s.deliverableKg(), pct,
                s.minFulfilment(), cls(s, TemperatureClass.AMBIENT), cls(s, TemperatureClass.CHILLED),
                cls(s, TemperatureClass.FROZEN), s.minRelativeFulfilmentPerClass(), s.trips(), s.drivingMinutes(),
                result.msToFirstFeasible(), s.unreachableNeeds().size());
        return new String[] {md, csv};
    }

    /** The same in a child JVM: this class with {@code --one}, this JVM's class path and options. */
    private static String[] inFreshJvm(int seed, int scale, int seconds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SeedTable.class.getName(),
                "--one", String.valueOf(seed), "--scale", String.valueOf(scale), "--time-limit", String.valueOf(seconds)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String md = null;
        String csv = null;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(MD)) {
                    md = line.substring(MD.length()) + System.lineSeparator();
                } else if (line.startsWith(CSV)) {
                    csv = line.substring(CSV.length()) + System.lineSeparator();
                }
            }
        }
        try {
            int exit = process.waitFor();
            if (exit != 0 || md == null || csv == null) {
                throw new IOException("seed " + seed + ": the child JVM exited with " + exit + " without its row");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new String[] {md, csv};
    }

    private static String cls(PlanSummary s, TemperatureClass c) {
        Double v = s.minFulfilmentPerClass() == null ? null : s.minFulfilmentPerClass().get(c);
        return v == null ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** "1-8" or "1,3,5". */
    static List<Integer> range(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            if (dash > 0) {
                int from = Integer.parseInt(p.substring(0, dash).trim());
                int to = Integer.parseInt(p.substring(dash + 1).trim());
                for (int s = from; s <= to; s++) {
                    list.add(s);
                }
            } else {
                list.add(Integer.parseInt(p));
            }
        }
        return list;
    }
}
