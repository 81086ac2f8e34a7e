package org.foodnet.solver.construct;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanExport;
import org.optaplanner.core.api.solver.SolverFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The construction's repair for starved recipients on demo seed 8 (scale 1): fac-002's frozen food can only travel
 * hub → depot-kami → fac-002, two hops that only two volunteers make (a few days a month, each day long enough for
 * that drive and little else) and that must be on different days. The rounds fill those days with food that other
 * trips could carry, so before the repair fac-002 got no frozen food at all; the repair clears a trip for each hop.
 */
class StarvedRepairTest {

    private static Network network;
    private static MonthPlan plan;

    @BeforeAll
    static void construct() {
        network = DemoNetworkGenerator.generate(8, 1);
        SolveOptions options = SolveOptions.of(Duration.ofSeconds(60)).withStepLimit(1);
        plan = SolverFactory.<MonthPlan>create(FoodnetSolver.solverConfig(options)).buildSolver()
                .solve(FoodnetSolver.model(network, options));
    }

    private static List<Parcel> frozenOf(String recipientId) {
        List<Parcel> parcels = new ArrayList<>();
        for (Parcel p : plan.getParcels()) {
            if (p.getRecipient().id().equals(recipientId) && p.getLot().temperature() == TemperatureClass.FROZEN) {
                parcels.add(p);
            }
        }
        return parcels;
    }

    @Test
    void theRecipientBehindTheFarDepotGetsFrozenFoodOverATwoTripChain() {
        List<Parcel> frozen = frozenOf("fac-002");
        assertThat(frozen).as("fac-002 was allocated frozen food").isNotEmpty();
        List<Parcel> delivered = frozen.stream().filter(Parcel::isDelivered).toList();
        assertThat(delivered).as("fac-002 gets some of its frozen food after construction").isNotEmpty();
        for (Parcel p : delivered) {
            Leg trunk = null;
            Leg last = p.lastLeg();
            for (Leg leg : p.getLegs()) {
                if (leg.getTo().id().equals("depot-kami")) {
                    trunk = leg;
                }
            }
            assertThat(trunk).as("%s passes depot-kami", p.getId()).isNotNull();
            assertThat(last.getFrom().id()).isEqualTo("depot-kami");
            assertThat(trunk.getPickup().getTrip()).as("both ends of the trunk hop on one trip")
                    .isSameAs(trunk.getDrop().getTrip());
            assertThat(last.getPickup().getTrip().getDay())
                    .as("%s: the last hop on a later day than the trunk hop (two trips)", p.getId())
                    .isGreaterThan(trunk.getDrop().getTrip().getDay());
        }
    }

    @Test
    void theRepairedPlanBreaksNoHardRule() {
        assertThat(plan.getScore().hardScore()).isZero();
        CheckReport report = PlanChecker.check(network, PlanExport.toPlan(plan));
        assertThat(report.violations()).isEmpty();
        assertThat(report.feasible()).isTrue();
    }
}
