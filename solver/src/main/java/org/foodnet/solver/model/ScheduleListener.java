package org.foodnet.solver.model;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps arrival, service start, departure and the load on board per temperature class up to date,
 * walking forward from the changed visit only until nothing changes any more.
 */
public class ScheduleListener implements VariableListener<MonthPlan, Visit> {

    @Override
    public void beforeEntityAdded(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
        update(scoreDirector, visit);
    }

    @Override
    public void beforeVariableChanged(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
    }

    @Override
    public void afterVariableChanged(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
        update(scoreDirector, visit);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
    }

    private void update(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
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
        sd.beforeVariableChanged(v, "arrival");
        v.setArrival(arrival);
        sd.afterVariableChanged(v, "arrival");
        sd.beforeVariableChanged(v, "serviceStart");
        v.setServiceStart(start);
        sd.afterVariableChanged(v, "serviceStart");
        sd.beforeVariableChanged(v, "departure");
        v.setDeparture(departure);
        sd.afterVariableChanged(v, "departure");
        sd.beforeVariableChanged(v, "loadAmbient");
        v.setLoadAmbient(a);
        sd.afterVariableChanged(v, "loadAmbient");
        sd.beforeVariableChanged(v, "loadChilled");
        v.setLoadChilled(c);
        sd.afterVariableChanged(v, "loadChilled");
        sd.beforeVariableChanged(v, "loadFrozen");
        v.setLoadFrozen(f);
        sd.afterVariableChanged(v, "loadFrozen");
    }
}
