package org.foodnet.solver.model;

import java.util.Objects;

import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * When a drop visit moves to another trip (another day), tells the downstream leg's pickup on which day
 * the food arrives at the storing site it leaves from: the storage constraint needs both ends of that stay.
 */
public class OriginArrivalListener extends VisitListener {

    @Override
    void update(ScoreDirector<MonthPlan> scoreDirector, Visit visit) {
        if (visit.isPickup() || visit.getLeg().getDownstream() == null) {
            return;
        }
        Visit downstreamPickup = visit.getLeg().getDownstream().getPickup();
        Integer day = visit.isPlanned() ? Integer.valueOf(visit.getTrip().getDay()) : null;
        if (!Objects.equals(downstreamPickup.getOriginArrivalDay(), day)) {
            scoreDirector.beforeVariableChanged(downstreamPickup, "originArrivalDay");
            downstreamPickup.setOriginArrivalDay(day);
            scoreDirector.afterVariableChanged(downstreamPickup, "originArrivalDay");
        }
    }
}
