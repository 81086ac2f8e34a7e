package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

    @TempDir
    Path dir;

    /** A solver that answers fixed routes and records the order of its calls. */
    record Fixed(String name, List<List<Integer>> routes, List<String> calls) implements BenchSolver {
        @Override
        public Solution solve(Instance instance, Duration timeLimit) {
            calls.add(name + ":" + instance.name());
            return new Solution(routes);
        }
    }

    @Test
    void writesTheCsvAndMarkdownRunningSolversAlternately() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny-set"));
        Files.writeString(folder.resolve("a1.txt"), InstanceReaderTest.LILIM);
        Files.writeString(folder.resolve("a2.txt"), InstanceReaderTest.LILIM);
        Files.writeString(dir.resolve("bks.csv"), "benchmark,customers,instance,routes,distance\nT,2,a1,1,50\n");
        List<String> calls = new ArrayList<>();
        BenchSolvers registry = new BenchSolvers()
                .register("foodnet", () -> new Fixed("foodnet", List.of(List.of(2, 1)), calls))
                .register("other", () -> new Fixed("other", List.of(List.of(2), List.of(1)), calls));
        Path csv = dir.resolve("out").resolve("results.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--instances", folder.toString(), "--time-limit", "250ms",
                "--solvers", "foodnet,other", "--out", csv.toString()}, registry, print(out), print(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(calls).containsExactly("foodnet:a1", "other:a1", "foodnet:a2", "other:a2");
        List<String> lines = Files.readAllLines(csv);
        double d = Math.sqrt(36 + 169) + Math.sqrt(64 + 324) + Math.sqrt(4 + 25);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("instance,solver,timeLimitS,routes,distance,feasible,bksRoutes,bksDistance,distGapPct,routeGapPct");
        assertThat(lines.get(1)).startsWith("a1,foodnet,0.25,1," + String.format(java.util.Locale.ROOT, "%.4f", d) + ",true,1,50.0000,");
        assertThat(lines.get(1)).endsWith(String.format(java.util.Locale.ROOT, ",%.3f,0.000", (d - 50) / 50 * 100));
        assertThat(lines.get(2)).startsWith("a1,other,0.25,2,").contains(",false,1,50.0000,,");
        assertThat(lines.get(3)).isEqualTo("a2,foodnet,0.25,1," + String.format(java.util.Locale.ROOT, "%.4f", d) + ",true,,,,");

        String md = Files.readString(dir.resolve("out").resolve("results.md"));
        assertThat(md).contains("## tiny-set (2 instances)")
                .contains("| foodnet | 2 | 2 | 1 |")
                .contains("| other | 2 | 0 | 0 |")
                .contains("foodnet vs other: 2 wins, 0 ties, 0 losses");
    }

    @Test
    void unknownSolverListsTheKnownOnes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--instances", dir.toString(), "--solvers", "nope,ortools"},
                BenchSolvers.defaults(), print(new ByteArrayOutputStream()), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown solver nope; known: foodnet, ortools");
        assertThatThrownBy(() -> BenchSolvers.defaults().create(List.of("x", "y")))
                .hasMessage("unknown solvers x, y; known: foodnet, ortools");
    }

    @Test
    void missingInstancesAreAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--instances", dir.resolve("nope").toString()}, BenchSolvers.defaults(),
                print(new ByteArrayOutputStream()), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or folder");
    }

    @Test
    void parsesTimeLimits() {
        assertThat(BenchMain.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(BenchMain.parseDuration("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(BenchMain.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchMain.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchMain.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> BenchMain.parseDuration("fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchMain.parseDuration("0s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortsInstanceNamesNaturally() {
        List<String> names = new ArrayList<>(List.of("c1_2_10", "c1_2_2", "c1_2_1", "lc101", "lc1_2_1", "c2_2_1"));
        names.sort(BenchMain::naturalCompare);
        assertThat(names).containsExactly("c1_2_1", "c1_2_2", "c1_2_10", "c2_2_1", "lc1_2_1", "lc101");
    }

    @Test
    void comparesRoutesFirstThenDistanceWithATieTolerance() {
        assertThat(ResultsReport.compare(row(true, 10, 900), row(true, 11, 800))).isEqualTo(ResultsReport.Outcome.WIN);
        assertThat(ResultsReport.compare(row(true, 10, 900), row(true, 10, 800))).isEqualTo(ResultsReport.Outcome.LOSS);
        assertThat(ResultsReport.compare(row(true, 10, 1000), row(true, 10, 1000.09))).isEqualTo(ResultsReport.Outcome.TIE);
        assertThat(ResultsReport.compare(row(true, 10, 1000), row(true, 10, 1000.2))).isEqualTo(ResultsReport.Outcome.WIN);
        assertThat(ResultsReport.compare(row(false, 5, 100), row(true, 10, 1000))).isEqualTo(ResultsReport.Outcome.LOSS);
        assertThat(ResultsReport.compare(row(false, 5, 100), row(false, 10, 1000))).isEqualTo(ResultsReport.Outcome.TIE);
    }

    private static ResultRow row(boolean feasible, int routes, double distance) {
        return new ResultRow("i", "f", "s", 1, true, routes, distance, feasible, Optional.empty(), "", 0);
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
