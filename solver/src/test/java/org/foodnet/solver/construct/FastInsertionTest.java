package org.foodnet.solver.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.foodnet.solver.TestNetworks;
import org.foodnet.solver.model.Leg;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linear-time insertion search ({@link Inserter#fastBestInTrip}) against the exhaustive one that simulates
 * every pair of positions, on the demo month after construction: legs of the plan offered to other trips of
 * days they may travel (their chains, storage holdings and deadlines as they are in the plan).
 */
class FastInsertionTest {

    private static MonthPlan plan;

    @BeforeAll
    static void construct() {
        plan = TestNetworks.constructedDemo();
    }

    @Test
    void fastSearchFindsTheExhaustiveOptimumOrSaysItIsNotSure() {
        Inserter inserter = new Inserter(plan.getContext(), plan.getVisits().size(), Timeline.LIVE);
        List<Trip> longTrips = new ArrayList<>();
        for (Trip t : plan.getTrips()) {
            if (!t.isBucket() && t.getVisits().size() >= Inserter.FAST_FROM) {
                longTrips.add(t);
            }
        }
        assertThat(longTrips).as("trips long enough for the fast path").hasSizeGreaterThan(10);
        Random random = new Random(7);
        int compared = 0;
        int feasible = 0;
        int same = 0;
        int notSure = 0;
        for (int k = 0; k < 20_000 && compared < 1500; k++) {
            Leg leg = plan.getLegs().get(random.nextInt(plan.getLegs().size()));
            Trip trip = longTrips.get(random.nextInt(longTrips.size()));
            if (leg.getPickup().getTrip() == trip || trip.capacity(leg.classIndex()) < leg.getGrams()) {
                continue;
            }
            int day = trip.getDay();
            if (PlanningContext.dayOf(leg.getReleaseMillis()) > day
                    || PlanningContext.dayOf(leg.getParcel().lastLeg().dueMillis() - 1) < day) {
                continue;
            }
            List<Visit> seq = trip.getVisits();
            long driving = inserter.simulate(trip, seq.toArray(new Visit[0]), seq.size());
            assertThat(driving).as("the constructed trip %s keeps its rules", trip).isGreaterThanOrEqualTo(0);
            Inserter.Insertion exact = inserter.exhaustiveBestInTrip(leg, trip, seq, driving, 0);
            Inserter.Insertion fast = inserter.fastBestInTrip(leg, trip, seq, driving, 0);
            compared++;
            if (exact == null) {
                assertThat(fast == null || fast.trip() == null)
                        .as("no place exists for %s on %s, the fast search must not invent one", leg, trip).isTrue();
                continue;
            }
            feasible++;
            if (fast != null && fast.trip() == null) {
                notSure++;
                continue;
            }
            if (fast != null) {
                assertThat(fast.cost()).as("the fast search verifies what it returns: never cheaper than the optimum")
                        .isGreaterThanOrEqualTo(exact.cost());
                Visit[] sim = new Visit[seq.size() + 2];
                Inserter.fill(sim, seq.toArray(new Visit[0]), seq.size(), leg.getPickup(), fast.pickupAt(),
                        leg.getDrop(), fast.dropAt());
                assertThat(inserter.simulate(trip, sim, sim.length)).isGreaterThanOrEqualTo(0);
                if (fast.cost() == exact.cost()) {
                    same++;
                }
            }
        }
        System.out.printf("fast insertion: compared %d, feasible %d, same optimum %d, not sure %d%n", compared, feasible, same, notSure);
        assertThat(compared).isGreaterThan(500);
        assertThat(feasible).as("feasible insertions among %d compared", compared).isGreaterThan(50);
        assertThat(same).as("fast = exhaustive optimum (feasible %d, not sure %d)", feasible, notSure)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.98 * (feasible - notSure)));
        assertThat(notSure).as("cases handed back to the exhaustive search").isLessThanOrEqualTo(feasible / 10);
    }
}
