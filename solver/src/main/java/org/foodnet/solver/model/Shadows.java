package org.foodnet.solver.model;

import java.util.List;

/**
 * Sets every shadow variable (trip, index, previous, next, times, loads, origin arrival day) from the
 * trips' visit lists. OptaPlanner 10.2 does not derive them from lists that are already filled, so a plan
 * built or changed outside the solver (warm starts, tests, explaining a stored plan) goes through here.
 * Uses the same timing rule as {@link ScheduleListener}.
 */
public final class Shadows {

    private Shadows() {
    }

    public static void rebuild(MonthPlan plan) {
        PlanningContext ctx = plan.getContext();
        for (Visit v : plan.getVisits()) {
            v.setTrip(null);
            v.setIndex(null);
            v.setPrevious(null);
            v.setNext(null);
            v.setArrival(null);
            v.setServiceStart(null);
            v.setDeparture(null);
            v.setLoadAmbient(null);
            v.setLoadChilled(null);
            v.setLoadFrozen(null);
            v.setOriginArrivalDay(null);
        }
        long[] times = new long[3];
        for (Trip trip : plan.getTrips()) {
            List<Visit> list = trip.getVisits();
            for (int i = 0; i < list.size(); i++) {
                Visit v = list.get(i);
                v.setTrip(trip);
                v.setIndex(i);
                v.setPrevious(i == 0 ? null : list.get(i - 1));
                v.setNext(i + 1 < list.size() ? list.get(i + 1) : null);
                if (trip.isBucket()) {
                    continue;
                }
                Visit prev = v.getPrevious();
                Schedule.times(ctx, trip, prev, v, times);
                v.setArrival(times[0]);
                v.setServiceStart(times[1]);
                v.setDeparture(times[2]);
                v.setLoadAmbient(Schedule.load(prev, v, 0));
                v.setLoadChilled(Schedule.load(prev, v, 1));
                v.setLoadFrozen(Schedule.load(prev, v, 2));
            }
        }
        for (Visit v : plan.getVisits()) {
            if (v.isDrop() && v.getLeg().getDownstream() != null && v.isPlanned()) {
                v.getLeg().getDownstream().getPickup().setOriginArrivalDay(v.getTrip().getDay());
            }
        }
    }
}
