package org.foodnet.solver.model;

import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps arrival, service start, departure and the load on board per temperature class up to date,
 * walking forward from the changed visit only until nothing changes any more.
 */
public class ScheduleListener extends VisitListener {

    @Override
    void update(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
        Trip trip = visit.getTrip();
        if (trip == null || trip.isBucket()) {
            set(scoreDirector, visit, null, null, null, null, null, null);
            return;
        }
        PlanningContext ctx = scoreDirector.getWorkingSolution().getContext();
        // walk the genuine list (previous/next shadows may not be refreshed yet while listeners run)
        java.util.List<Visit> list = trip.getVisits();
        int i = list.indexOf(visit);
        if (i < 0) {
            return;
        }
        if (i > 0 && list.get(i - 1).getDeparture() == null) {
            i = 0;
        }
        long[] times = new long[3];
        for (; i < list.size(); i++) {
            Visit prev = i == 0 ? null : list.get(i - 1);
            Visit cur = list.get(i);
            Schedule.times(ctx, trip, prev, cur, times);
            long arrival = times[0];
            long start = times[1];
            long departure = times[2];
            long a = Schedule.load(prev, cur, 0);
            long c = Schedule.load(prev, cur, 1);
            long f = Schedule.load(prev, cur, 2);
            if (cur != visit && same(cur.getArrival(), arrival) && same(cur.getServiceStart(), start)
                    && same(cur.getDeparture(), departure) && same(cur.getLoadAmbient(), a)
                    && same(cur.getLoadChilled(), c) && same(cur.getLoadFrozen(), f)) {
                break;
            }
            set(scoreDirector, cur, Long.valueOf(arrival), Long.valueOf(start), Long.valueOf(departure),
                    Long.valueOf(a), Long.valueOf(c), Long.valueOf(f));
        }
    }

    private static void change(ScoreDirector<MonthPlan> sd, Visit v, String variable, Runnable set) {
        sd.beforeVariableChanged(v, variable);
        set.run();
        sd.afterVariableChanged(v, variable);
    }

    private static boolean same(Long current, long value) {
        return current != null && current == value;
    }

    private static void set(ScoreDirector<MonthPlan> sd, Visit v, Long arrival, Long start, Long departure,
                            Long a, Long c, Long f) {
        if (java.util.Objects.equals(v.getServiceStart(), start) && java.util.Objects.equals(v.getArrival(), arrival)
                && java.util.Objects.equals(v.getDeparture(), departure) && java.util.Objects.equals(v.getLoadAmbient(), a)
                && java.util.Objects.equals(v.getLoadChilled(), c) && java.util.Objects.equals(v.getLoadFrozen(), f)) {
            return;
        }
        change(sd, v, "arrival", () -> v.setArrival(arrival));
        change(sd, v, "serviceStart", () -> v.setServiceStart(start));
        change(sd, v, "departure", () -> v.setDeparture(departure));
        change(sd, v, "loadAmbient", () -> v.setLoadAmbient(a));
        change(sd, v, "loadChilled", () -> v.setLoadChilled(c));
        change(sd, v, "loadFrozen", () -> v.setLoadFrozen(f));
    }
}
