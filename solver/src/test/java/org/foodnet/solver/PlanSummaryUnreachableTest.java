package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Plan;
import org.junit.jupiter.api.Test;

/**
 * The summary names the needs no plan can reach (file-formats.md, "Summary"), and only those: of the recipients and
 * classes a plan delivers nothing to, the ones no lot can reach at all.
 */
class PlanSummaryUnreachableTest {

    @Test
    void anEmptyPlanListsOnlyTheNeedNoPlanCouldReach() {
        Network drawn = DemoNetworkGenerator.generate(3, 1);
        List<Site> sites = new ArrayList<>();
        for (Site s : drawn.sites()) {
            if (s.id().equals("caf-002")) {
                s = s.withStorageCapacity(s.storageCapacity().with(TemperatureClass.CHILLED, 0));
            }
            sites.add(s);
        }
        Network network = new Network(drawn.name(), drawn.settings(), sites, drawn.needs(), drawn.lots(),
                drawn.vehicles(), drawn.drivers(), null);
        Plan empty = new Plan(network.name(), network.settings().month(), "0hard/0medium/0soft", List.of(), List.of());
        PlanSummary summary = PlanSummary.of(network, new SolveResult(empty, 0, 0, 0, -1, 0),
                PlanChecker.check(network, empty));
        assertThat(summary.plannedKg()).isZero();
        assertThat(summary.unreachableNeeds()).hasSize(1);
        PlanSummary.Unreachable u = summary.unreachableNeeds().get(0);
        assertThat(u.recipientId()).isEqualTo("caf-002");
        assertThat(u.temperature()).isEqualTo(TemperatureClass.CHILLED);
        assertThat(u.reason()).isEqualTo("NO_STORAGE");
        assertThat(u.needKg()).isPositive();
        assertThat(u.detail()).contains("caf-002");

        // a plan from the unchanged network lists none
        PlanSummary plain = PlanSummary.of(drawn, new SolveResult(empty, 0, 0, 0, -1, 0), PlanChecker.check(drawn, empty));
        assertThat(plain.unreachableNeeds()).isEmpty();
    }
}
