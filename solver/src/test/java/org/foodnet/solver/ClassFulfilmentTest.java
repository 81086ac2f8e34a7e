package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Test;

/** Fair shares per temperature class from a plan's unloads (the summary's per-class figures). */
class ClassFulfilmentTest {

    private final Network network = TestNetworks.small(); // every recipient needs 40 kg ambient, 10 chilled, 10 frozen

    private final List<PlannedStop> stops = new ArrayList<>();

    private void unload(String recipientId, String lotId, TemperatureClass c, double kg) {
        LocalDateTime at = TestNetworks.day(10).atTime(10, 0);
        stops.add(new PlannedStop(recipientId, at, at, at.plusMinutes(10),
                List.of(new Movement(MovementKind.UNLOAD, lotId, c, Math.round(kg * 1000), "p-" + recipientId + "-" + lotId, recipientId))));
    }

    private ClassFulfilment fulfilment() {
        LocalDateTime start = TestNetworks.day(10).atTime(9, 0);
        PlannedTrip trip = new PlannedTrip("t", "drv-1", "veh-1", TestNetworks.day(10), start, start.plusHours(4), stops);
        return ClassFulfilment.of(network, new Plan(network.name(), TestNetworks.MONTH, "", List.of(trip), List.of()));
    }

    @Test
    void figuresPerRecipientAndClassAndTheLowestRelativeToTheNetwork() {
        unload("caf-1", "lot-1", TemperatureClass.AMBIENT, 40);
        unload("caf-1", "lot-3", TemperatureClass.FROZEN, 5);
        unload("caf-2", "lot-1", TemperatureClass.AMBIENT, 20);
        unload("caf-2", "lot-3", TemperatureClass.FROZEN, 5);
        unload("caf-3", "lot-4", TemperatureClass.AMBIENT, 60); // 150 %: counts as 100 % towards F
        unload("caf-3", "lot-3", TemperatureClass.FROZEN, 5);
        unload("fac-1", "lot-4", TemperatureClass.AMBIENT, 10);
        unload("fac-1", "lot-3", TemperatureClass.FROZEN, 2);
        ClassFulfilment f = fulfilment();

        assertThat(f.byRecipient().get("caf-3")).containsEntry(TemperatureClass.AMBIENT, 1.5)
                .containsEntry(TemperatureClass.CHILLED, 0.0).containsEntry(TemperatureClass.FROZEN, 0.5);
        assertThat(f.minPerClass()).containsEntry(TemperatureClass.AMBIENT, 0.25)
                .containsEntry(TemperatureClass.CHILLED, 0.0).containsEntry(TemperatureClass.FROZEN, 0.2);
        // F_ambient = (40 + 20 + 40 + 10) / 160, F_frozen = 17 / 40, F_chilled = 0 (left out)
        assertThat(f.networkFulfilment(TemperatureClass.AMBIENT)).isCloseTo(110.0 / 160, within(1e-9));
        assertThat(f.networkFulfilment(TemperatureClass.FROZEN)).isCloseTo(17.0 / 40, within(1e-9));
        // lowest: fac-1's ambient 10/40 relative to 110/160 (its frozen 2/10 relative to 17/40 is 0.47)
        assertThat(f.minRelativePerClass()).isEqualTo(0.364);
    }

    @Test
    void aRecipientWithNothingOfAClassOthersGetIsAtZero() {
        unload("caf-1", "lot-3", TemperatureClass.FROZEN, 10);
        unload("caf-1", "lot-1", TemperatureClass.AMBIENT, 40);

        assertThat(fulfilment().minRelativePerClass()).isEqualTo(0.0);
        assertThat(fulfilment().minPerClass()).containsEntry(TemperatureClass.FROZEN, 0.0);
    }
}
