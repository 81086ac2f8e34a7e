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
        for (; i < list.size(); i++) {
            Visit prev = i == 0 ? null : list.get(i - 1);
            Visit cur = list.get(i);
            long arrival;
            long start;
            long departure;
            if (prev != null && prev.getPlace() == cur.getPlace()) {
                // one stop: every visit in it shares the stop's times
                arrival = prev.getArrival();
                start = prev.getServiceStart();
                departure = prev.getDeparture();
            } else {
                arrival = Schedule.arrival(ctx, trip, prev, prev == null ? 0L : prev.getDeparture(), cur);
                start = Schedule.serviceStart(ctx, trip, cur, arrival);
                departure = start + cur.getServiceMillis();
            }
            long a = (prev == null ? 0L : prev.load(0)) + (cur.classIndex() == 0 ? cur.delta() : 0L);
            long c = (prev == null ? 0L : prev.load(1)) + (cur.classIndex() == 1 ? cur.delta() : 0L);
            long f = (prev == null ? 0L : prev.load(2)) + (cur.classIndex() == 2 ? cur.delta() : 0L);
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
