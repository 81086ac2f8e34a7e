package org.foodnet.bench.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core of {@code ./foodnet federation}, small: its own database ({@code ./foodnet db}) and one node in JVMs of
 * their own, two ×1 demo networks (seeds 1 and 2) created by the federation administrator, stored and planned by
 * their own coordinators (5 s each). Every network's plan is checker-feasible against its own stored network, is
 * the only plan its network lists, and is not found from the other network.
 */
class FederationBenchTest {

    @Test
    void twoNetworksOnOneNodeEachGetTheirOwnFeasiblePlan(@TempDir Path work) throws Exception {
        FederationBench.Options options = new FederationBench.Options(2, 1, 5, false, YearMonth.of(2026, 12), List.of(1));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FederationBench.Report report;
        try (FederationBench bench = new FederationBench(work, Duration.ofMinutes(8))) {
            report = bench.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        }

        assertThat(report.results()).extracting(FederationBench.NetworkResult::network).containsExactly("net01", "net02");
        assertThat(report.results()).extracting(FederationBench.NetworkResult::seed).containsExactly(1L, 2L);
        // different seeds: different networks
        assertThat(report.results().get(0).lots()).isNotEqualTo(report.results().get(1).lots());
        for (FederationBench.NetworkResult r : report.results()) {
            assertThat(r.status()).as("%s", r).isEqualTo("SUCCEEDED");
            assertThat(r.violations()).as("%s: the independent checker on the stored plan and network", r).isZero();
            assertThat(r.checkerFeasible()).as("%s", r).isTrue();
            assertThat(r.attempts()).as("%s", r).isEqualTo(1);
            assertThat(r.nodes()).as("%s", r).containsExactly("n1");
            assertThat(r.plansListed()).as("%s: its network lists its plan only", r).containsExactly(r.planId());
            assertThat(r.isolated()).as("%s: another network's coordinator gets 404 for it", r).isTrue();
            assertThat(r.queueWaitS()).isGreaterThanOrEqualTo(0);
            assertThat(r.solveS()).isGreaterThan(0);
        }
        assertThat(report.results().get(0).planId()).isNotEqualTo(report.results().get(1).planId());
        assertThat(report.done()).isEqualTo(2);
        assertThat(report.perHourPerNode()).isGreaterThan(0);

        Path csv = work.resolve("results/federation.csv");
        FederationBench.write(csv, report);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("net01,1,1,").contains(",SUCCEEDED,1,n1,").contains(",feasible,0,");
        assertThat(Files.readString(work.resolve("results/federation.md"))).contains("| net02 | 2 | ×1 |");
    }

    @Test
    void defaultSizesAreMostlyOneWithSomeThreeAndTen() {
        assertThat(FederationBench.Options.defaultScales(12)).containsExactly(1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 10);
        FederationBench.Options o = new FederationBench.Options(5, 1, 5, false, YearMonth.of(2026, 12), List.of(1, 3));
        assertThat(List.of(o.scaleOf(1), o.scaleOf(2), o.scaleOf(3), o.scaleOf(5))).containsExactly(1, 3, 1, 1);
    }
}
