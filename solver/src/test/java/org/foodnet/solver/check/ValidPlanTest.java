package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.foodnet.solver.check.PlanBuilder.at;
import static org.foodnet.solver.check.TestNetwork.DEPOT;
import static org.foodnet.solver.check.TestNetwork.DONOR;
import static org.foodnet.solver.check.TestNetwork.FISH;
import static org.foodnet.solver.check.TestNetwork.HUB;
import static org.foodnet.solver.check.TestNetwork.R1;
import static org.foodnet.solver.check.TestNetwork.R2;
import static org.foodnet.solver.check.TestNetwork.RICE;
import static org.foodnet.solver.check.TestNetwork.SATO;
import static org.foodnet.solver.check.TestNetwork.dec;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.travel.Travel;
import org.junit.jupiter.api.Test;

/** A hand-made plan along the whole path donor -> hub -> depot -> recipient over three days. */
class ValidPlanTest {

    private static final String HOME = "home:" + SATO;

    private final Network network = TestNetwork.standard();
    private final PlanBuilder b = new PlanBuilder(network)
            .parcel("p-rice", RICE, R1, dec(3), 20)
            .parcel("p-fish", FISH, R1, dec(3), 10);

    /** Pickup on 1 Dec, trunk run on 2 Dec, last mile on 3 Dec (the serving day). */
    private Plan threeDayPlan() {
        return b.plan(
                b.trip("t-pickup", SATO, dec(1), "08:00",
                        at(DONOR, b.load("p-rice", 20), b.load("p-fish", 10)),
                        at(HUB, b.unload("p-rice", 20), b.unload("p-fish", 10))),
                b.trip("t-trunk", SATO, dec(2), "08:00",
                        at(HUB, b.load("p-rice", 20), b.load("p-fish", 10)),
                        at(DEPOT, b.unload("p-rice", 20), b.unload("p-fish", 10))),
                b.trip("t-last-mile", SATO, dec(3), "08:00",
                        at(DEPOT, b.load("p-rice", 20), b.load("p-fish", 10)),
                        at(R1, b.unload("p-rice", 20), b.unload("p-fish", 10))));
    }

    @Test
    void acceptsPickupTrunkRunAndLastMileOnThreeDays() {
        CheckReport report = PlanChecker.check(network, threeDayPlan());

        assertThat(report.violations()).isEmpty();
        assertThat(report.feasible()).isTrue();
    }

    @Test
    void recomputesDeliveredGramsAndTripsFromTheStops() {
        CheckReport report = PlanChecker.check(network, threeDayPlan());

        assertThat(report.deliveredGramsByRecipient()).containsEntry(R1, 30_000L).containsEntry(R2, 0L);
        assertThat(report.plannedGrams()).isEqualTo(30_000L);
        assertThat(report.trips()).isEqualTo(3);
    }

    @Test
    void recomputesDrivingTimeAndDistanceFromTravel() {
        long expectedMillis = b.travelMillis(HOME, DONOR) + b.travelMillis(DONOR, HUB) + b.travelMillis(HUB, HOME)
                + b.travelMillis(HOME, HUB) + b.travelMillis(HUB, DEPOT) + b.travelMillis(DEPOT, HOME)
                + b.travelMillis(HOME, DEPOT) + b.travelMillis(DEPOT, R1) + b.travelMillis(R1, HOME);
        Travel travel = Travel.of(network);
        String[][] legs = {{HOME, DONOR}, {DONOR, HUB}, {HUB, HOME}, {HOME, HUB}, {HUB, DEPOT}, {DEPOT, HOME},
                {HOME, DEPOT}, {DEPOT, R1}, {R1, HOME}};
        double expectedKm = 0;
        for (String[] leg : legs) {
            expectedKm += travel.km(travel.indexOf(leg[0]), travel.indexOf(leg[1]));
        }

        CheckReport report = PlanChecker.check(network, threeDayPlan());

        assertThat(expectedMillis).isPositive();
        assertThat(report.drivingMillis()).isEqualTo(expectedMillis);
        assertThat(report.distanceKm()).isCloseTo(expectedKm, within(1e-9));
    }

    @Test
    void computesFulfilmentAgainstTheMonthlyNeed() {
        CheckReport report = PlanChecker.check(network, threeDayPlan());

        // R1 needs 40 + 10 + 20 kg and gets 30 kg; R2 needs 40 kg and gets nothing.
        assertThat(report.fulfilment(R1)).isCloseTo(30.0 / 70.0, within(1e-12));
        assertThat(report.fulfilment(R2)).isZero();
        assertThat(report.minFulfilment()).isZero();
        assertThat(report.maxFulfilment()).isCloseTo(30.0 / 70.0, within(1e-12));
        assertThat(report.fulfilment(HUB)).isNaN();
    }

    @Test
    void acceptsAnEmptyPlan() {
        CheckReport report = PlanChecker.check(network, b.plan());

        assertThat(report.violations()).isEmpty();
        assertThat(report.trips()).isZero();
        assertThat(report.drivingMillis()).isZero();
        assertThat(report.plannedGrams()).isZero();
        assertThat(report.summary()).startsWith("feasible; 0 trips");
    }
}
