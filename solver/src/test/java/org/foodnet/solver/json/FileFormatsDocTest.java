package org.foodnet.solver.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.junit.jupiter.api.Test;

/** The examples in docs/file-formats.md are real files: they read, and they say what the text says. */
class FileFormatsDocTest {

    private static String doc() throws Exception {
        for (Path p : List.of(Path.of("../docs/file-formats.md"), Path.of("docs/file-formats.md"))) {
            if (Files.exists(p)) {
                return Files.readString(p);
            }
        }
        throw new AssertionError("docs/file-formats.md not found from " + Path.of("").toAbsolutePath());
    }

    private static String example(String doc, String name) {
        int marker = doc.indexOf("<!-- example: " + name + " -->");
        assertThat(marker).as("example %s", name).isNotNegative();
        int start = doc.indexOf("```json\n", marker) + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void networkExampleReads() throws Exception {
        Network n = NetworkJson.fromJson(example(doc(), "network"), "file-formats.md");
        assertThat(n.sites()).hasSize(4);
        assertThat(n.sitesWithRole(SiteRole.HUB)).hasSize(1);
        assertThat(n.lots().get(1).earmarkedFor()).isEqualTo("caf-001");
        assertThat(n.needs().get(0).servingDays()).allSatisfy(
                d -> assertThat(n.site("caf-001").orElseThrow().openOn(d)).isPresent());
        assertThat(n.site("donor-001").orElseThrow().openOn(n.lots().get(1).availableFrom())).isPresent();
        assertThat(NetworkJson.fromJson(NetworkJson.toJson(n))).isEqualTo(n);
    }

    @Test
    void planExamplePassesTheCheckerAgainstTheNetworkExample() throws Exception {
        Network n = NetworkJson.fromJson(example(doc(), "network"), "file-formats.md");
        Plan p = PlanJson.fromJson(example(doc(), "plan"), "file-formats.md");

        CheckReport report = PlanChecker.check(n, p);

        assertThat(report.violations()).isEmpty();
        assertThat(report.feasible()).isTrue();
        assertThat(report.plannedGrams()).isEqualTo(20_000L);
        assertThat(report.trips()).isEqualTo(1);
        // the text under the example: 5 + 59 + 2 + 54 minutes of driving
        assertThat(report.drivingMillis()).isEqualTo((5 + 59 + 2 + 54) * 60_000L);
    }

    @Test
    void planExampleReads() throws Exception {
        Plan p = PlanJson.fromJson(example(doc(), "plan"), "file-formats.md");
        assertThat(p.trips()).hasSize(1);
        assertThat(p.trips().get(0).stops()).hasSize(3);
        assertThat(p.trips().get(0).stops().get(1).movements()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(MovementKind.PASS));
        assertThat(p.allocations()).hasSize(2);
        assertThat(p.allocations().get(0).servingDay()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(PlanJson.fromJson(PlanJson.toJson(p))).isEqualTo(p);
    }
}
