package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.travel.Travel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Smoke test on the shared literature instances (skipped when the shared folder is absent): Foodnet and
 * OR-Tools for 5 s each on one PDPTW and one CVRPTW instance, checked independently; every shared instance reads, has a BKS and fits
 * one Foodnet day; one instance per folder maps onto a Foodnet network. Longer runs are for the command line (README.md), not for the default build.
 */
class BenchSmokeTest {

    private Path benchmarks;

    @BeforeEach
    void sharedBenchmarks() {
        benchmarks = SharedData.benchmarks();
        assumeTrue(Files.isDirectory(benchmarks), "shared benchmark folder " + benchmarks
                + " is absent: set -Dfoodnet.shared=<folder containing benchmarks/> to run the benchmark smoke test");
    }

    @Test
    void bothSolversRunSideBySideAndTheCheckerFindsEveryResultFeasible() {
        List<Path> files = List.of(benchmarks.resolve("pdptw-ll100/lc101.txt"), benchmarks.resolve("cvrptw-gh200/c1_2_1.txt"));
        for (Path f : files) {
            assumeTrue(Files.isRegularFile(f), f + " is absent");
        }
        BenchRunner runner = new BenchRunner(List.of(new FoodnetBenchSolver(), new OrToolsSolver()), Duration.ofSeconds(5),
                null, System.out);
        List<ResultRow> rows = runner.run(files, null);
        assertThat(rows).hasSize(4);
        for (ResultRow r : rows) {
            assertThat(r.feasible()).as(r.solver() + " on " + r.instance() + ": " + r.violations()).isTrue();
            Bks.Entry bks = r.bks().orElseThrow(() -> new AssertionError("no BKS for " + r.instance()));
            assertThat(r.routes()).as(r.instance() + " routes").isGreaterThanOrEqualTo(bks.routes());
            assertThat(r.distance()).as(r.instance() + " distance").isGreaterThanOrEqualTo(bks.distance() * 0.999);
            // both within 50 % of the best-known routes and distance even in 5 s (on a loaded 2-core machine)
            assertThat(r.routes()).as(r.solver() + " " + r.instance() + " routes").isLessThanOrEqualTo((int) Math.ceil(bks.routes() * 1.5));
            assertThat(r.distance()).as(r.solver() + " " + r.instance() + " distance").isLessThanOrEqualTo(bks.distance() * 1.5);
        }
        assertThat(rows.get(0).instance()).isEqualTo("lc101");
        assertThat(rows.get(0).folder()).isEqualTo("pdptw-ll100");
    }

    @Test
    void everySharedInstanceReadsFitsOneFoodnetDayAndOnePerFolderMaps() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(benchmarks, 2)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Set<Path> mappedFolders = new HashSet<>();
        for (Path f : files) {
            Instance instance = InstanceReader.read(f);
            assertThat(Bks.near(f.getParent()).get(instance.name())).as("BKS of " + f).isPresent();
            int latest = instance.nodes().stream().mapToInt(n -> n.due() + n.service()).max().orElseThrow();
            assertThat(latest).as(f + ": horizon in seconds of one day").isLessThan(24 * 3600);
            if (mappedFolders.add(f.getParent())) {
                Network network = FoodnetMapping.toNetwork(instance);
                assertThat(network.sites()).hasSize(instance.nodes().size());
                assertThat(network.drivers()).hasSize(instance.vehicles());
                assertThat(Travel.of(network).size()).isEqualTo(instance.nodes().size() + instance.vehicles());
            }
        }
    }
}
