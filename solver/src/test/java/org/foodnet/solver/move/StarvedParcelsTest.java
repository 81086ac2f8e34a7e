package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.RecipientDemand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw of undelivered parcels for re-plans and ruins on the demo month after construction: it only ever
 * gives undelivered parcels, measures each recipient's class as delivered ÷ need, and leans towards the
 * recipients and classes that get least of their need.
 */
class StarvedParcelsTest {

    private static MonthPlan plan;
    private static StarvedParcels starved;

    @BeforeAll
    static void construct() {
        plan = TestNetworks.constructedDemo();
        starved = new StarvedParcels(plan);
    }

    @Test
    void ratioIsDeliveredOverNeedOfTheRecipientsClass() {
        Map<Long, Long> delivered = new HashMap<>();
        for (Parcel p : plan.getParcels()) {
            if (p.isDelivered()) {
                delivered.merge(RecipientDemand.keyOf(p), p.getGrams(), Long::sum);
            }
        }
        int checked = 0;
        for (RecipientDemand d : plan.getRecipientDemands()) {
            if (d.needGrams() > 0) {
                assertThat(starved.ratio(d.key())).as(d.recipient().id() + " " + d.temperature())
                        .isCloseTo((double) delivered.getOrDefault(d.key(), 0L) / d.needGrams(),
                                org.assertj.core.data.Offset.offset(1e-9));
                checked++;
            } else {
                assertThat(starved.ratio(d.key())).isEqualTo(Double.MAX_VALUE);
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void picksOnlyUndeliveredParcelsAndLeansToTheLeastServed() {
        List<Parcel> undelivered = new ArrayList<>();
        for (Parcel p : plan.getParcels()) {
            if (!p.isDelivered()) {
                undelivered.add(p);
            }
        }
        assertThat(undelivered).as("the demo month leaves some parcels undelivered after construction").isNotEmpty();
        double uniform = 0;
        for (Parcel p : undelivered) {
            uniform += Math.min(1, starved.ratio(RecipientDemand.keyOf(p)));
        }
        uniform /= undelivered.size();
        Random random = new Random(7);
        double picked = 0;
        int n = 0;
        for (int i = 0; i < 2_000; i++) {
            Parcel p = starved.pick(plan, random);
            if (p == null) {
                continue;
            }
            assertThat(p.isDelivered()).isFalse();
            picked += Math.min(1, starved.ratio(RecipientDemand.keyOf(p)));
            n++;
        }
        assertThat(n).isGreaterThan(0);
        assertThat(picked / n).as("mean delivered ÷ need of the picked parcels' recipients").isLessThan(uniform);
    }
}
