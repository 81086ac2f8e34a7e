package org.foodnet.solver.model;

import java.util.List;

import org.foodnet.solver.constraint.FoodnetWeights;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The solver's working model of a month: trips of volunteers, visits to place in them, and the facts. */
@PlanningSolution
public class MonthPlan {

    private PlanningContext context;

    @PlanningEntityCollectionProperty
    private List<Trip> trips;
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "visits")
    private List<Visit> visits;
    @ProblemFactCollectionProperty
    private List<Leg> legs;
    @ProblemFactCollectionProperty
    private List<Parcel> parcels;
    @ProblemFactCollectionProperty
    private List<StorageDay> storageDays;
    @ProblemFactCollectionProperty
    private List<RecipientDemand> recipientDemands;
    @ConstraintConfigurationProvider
    private FoodnetWeights weights;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public MonthPlan() {
    }

    public MonthPlan(PlanningContext context, List<Trip> trips, List<Visit> visits, List<Leg> legs,
                     List<Parcel> parcels, List<StorageDay> storageDays, List<RecipientDemand> recipientDemands,
                     FoodnetWeights weights) {
        this.context = context;
        this.trips = trips;
        this.visits = visits;
        this.legs = legs;
        this.parcels = parcels;
        this.storageDays = storageDays;
        this.recipientDemands = recipientDemands;
        this.weights = weights;
    }

    public PlanningContext getContext() {
        return context;
    }

    public List<Trip> getTrips() {
        return trips;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public List<Leg> getLegs() {
        return legs;
    }

    public List<Parcel> getParcels() {
        return parcels;
    }

    public List<StorageDay> getStorageDays() {
        return storageDays;
    }

    public List<RecipientDemand> getRecipientDemands() {
        return recipientDemands;
    }

    public FoodnetWeights getWeights() {
        return weights;
    }

    public void setWeights(FoodnetWeights weights) {
        this.weights = weights;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
