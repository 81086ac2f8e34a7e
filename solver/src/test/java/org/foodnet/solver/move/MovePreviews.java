package org.foodnet.solver.move;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on a {@link RelocateMove}'s preview shared by the move tests. */
final class MovePreviews {

    private MovePreviews() {
    }

    /**
     * The trip of each visit after the move ({@link RelocateMove#preview}), asserting that every visit of the trips
     * it touches appears exactly once afterwards (none lost or added) and both ends of each leg stay on one trip.
     */
    static Map<Visit, Trip> placesAfter(Map<Trip, List<Visit>> after) {
        Map<Visit, Trip> where = new IdentityHashMap<>();
        List<Visit> before = new ArrayList<>();
        for (Map.Entry<Trip, List<Visit>> e : after.entrySet()) {
            before.addAll(e.getKey().getVisits());
            for (Visit v : e.getValue()) {
                assertThat(where.put(v, e.getKey())).as("%s appears once", v).isNull();
            }
        }
        assertThat(where.keySet()).as("no visit lost or added").containsExactlyInAnyOrderElementsOf(before);
        for (Map.Entry<Visit, Trip> e : where.entrySet()) {
            Visit v = e.getKey();
            Visit other = v.isPickup() ? v.getLeg().getDrop() : v.getLeg().getPickup();
            assertThat(where.get(other)).as("both ends of %s's leg on one trip", v).isSameAs(e.getValue());
        }
        return where;
    }
}
