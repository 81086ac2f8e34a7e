package org.foodnet.solver.model;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/** A listener on visits that recomputes after a visit is added or one of its source variables changed. */
abstract class VisitListener implements VariableListener<MonthPlan, Visit> {

    abstract void update(ScoreDirector<MonthPlan> scoreDirector, Visit visit);

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
}
