package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.check.PlanBuilder.at;
import static org.foodnet.solver.check.TestNetwork.DEPOT;
import static org.foodnet.solver.check.TestNetwork.DUMPLINGS;
import static org.foodnet.solver.check.TestNetwork.HUB;
import static org.foodnet.solver.check.TestNetwork.ICE_CREAM;
import static org.foodnet.solver.check.TestNetwork.R1;
import static org.foodnet.solver.check.TestNetwork.SATO;
import static org.foodnet.solver.check.TestNetwork.dec;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Test;

/**
 * Rule 9 over the days at the cafeteria in Wakasa (20 kg freezer): 16 kg of ice cream and 10 kg of dumplings,
 * both brought to the depot on 2 December and taken on to the cafeteria on separate days. Food is held from
 * its unload until the end of its serving day.
 */
class RecipientHoldingTest {

    private final Network network = TestNetwork.standard();

    private PlanBuilder parcels(int iceServed, int dumplingsServed) {
        return new PlanBuilder(network)
                .parcel("p-ice", ICE_CREAM, R1, dec(iceServed), 16)
                .parcel("p-dumplings", DUMPLINGS, R1, dec(dumplingsServed), 10);
    }

    private static PlannedTrip toDepot(PlanBuilder b) {
        return b.trip("t-trunk", SATO, dec(2), "08:00",
                at(HUB, b.load("p-ice", 16), b.load("p-dumplings", 10)),
                at(DEPOT, b.unload("p-ice", 16), b.unload("p-dumplings", 10)));
    }

    private static PlannedTrip lastMile(PlanBuilder b, String parcelId, double kg, int day) {
        return b.trip("t-" + parcelId + "-" + day, SATO, dec(day), "08:00",
                at(DEPOT, b.load(parcelId, kg)), at(R1, b.unload(parcelId, kg)));
    }

    @Test
    void flagsFoodDeliveredAheadOfItsServingDayThatPilesUpWithALaterDelivery() {
        PlanBuilder b = parcels(10, 10);
        // ice cream held 4 to 10 December, dumplings 8 to 10: 26 kg on the 8th, 9th and 10th
        CheckReport report = PlanChecker.check(network,
                b.plan(toDepot(b), lastMile(b, "p-ice", 16, 4), lastMile(b, "p-dumplings", 10, 8)));

        assertThat(report.violations(ViolationKind.RECIPIENT_HOLDING)).as("%s", report.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("こども食堂 わかさ (r-wakasa)", "up to 26 kg frozen",
                        "from 2026-12-08 to 2026-12-10", "freezer holds 20 kg"));
        assertThat(report.violations(ViolationKind.RECIPIENT_STORAGE)).as("each stop alone fits").isEmpty();
    }

    @Test
    void holdsFoodUntilTheEndOfItsServingDay() {
        PlanBuilder b = parcels(10, 17);
        // ice cream served on the 10th; dumplings for the 17th arrive on the 10th: both there that day
        CheckReport report = PlanChecker.check(network,
                b.plan(toDepot(b), lastMile(b, "p-ice", 16, 4), lastMile(b, "p-dumplings", 10, 10)));

        assertThat(report.violations(ViolationKind.RECIPIENT_HOLDING)).as("%s", report.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("26 kg frozen", "on 2026-12-10"));
    }

    @Test
    void acceptsDeliveriesWhoseHoldingDaysDoNotOverlap() {
        PlanBuilder b = parcels(10, 17);
        // ice cream held 4 to 10 December, dumplings 11 to 17
        CheckReport report = PlanChecker.check(network,
                b.plan(toDepot(b), lastMile(b, "p-ice", 16, 4), lastMile(b, "p-dumplings", 10, 11)));

        assertThat(report.violations()).isEmpty();
    }
}
