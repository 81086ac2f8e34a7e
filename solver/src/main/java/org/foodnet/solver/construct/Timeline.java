package org.foodnet.solver.construct;

import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;

/** Where and when visits on other trips happen, as an insertion sees them. */
public interface Timeline {

    /** The real trip the visit is on, or null when it is not delivered (in its bucket or not placed yet). */
    Trip tripOf(Visit v);

    long departure(Visit v);

    long serviceStart(Visit v);

    /** The live solution: what the shadow variables say. */
    Timeline LIVE = new Timeline() {
        @Override
        public Trip tripOf(Visit v) {
            return v.isPlanned() ? v.getTrip() : null;
        }

        @Override
        public long departure(Visit v) {
            return v.getDeparture();
        }

        @Override
        public long serviceStart(Visit v) {
            return v.getServiceStart();
        }
    };
}
