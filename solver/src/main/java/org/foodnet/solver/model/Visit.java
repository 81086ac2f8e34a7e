package org.foodnet.solver.model;

import org.foodnet.solver.domain.Site;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.IndexShadowVariable;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * Loading (pickup) or unloading (drop) of one leg's food at one site. The solver places visits in trips;
 * times and loads on board follow from the order and are kept up to date by {@link ScheduleListener}.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private Leg leg;
    private boolean pickup;
    private int place;
    private Site site;
    private long serviceMillis;
    /** Position in the solution's visit list: a dense index for arrays in heuristics. */
    private int number;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Trip trip;
    @IndexShadowVariable(sourceVariableName = "visits")
    private Integer index;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit next;

    @ShadowVariable(variableListenerClass = ScheduleListener.class, sourceVariableName = "trip")
    @ShadowVariable(variableListenerClass = ScheduleListener.class, sourceVariableName = "previous")
    private Long serviceStart;
    @PiggybackShadowVariable(shadowVariableName = "serviceStart")
    private Long arrival;
    @PiggybackShadowVariable(shadowVariableName = "serviceStart")
    private Long departure;
    @PiggybackShadowVariable(shadowVariableName = "serviceStart")
    private Long loadAmbient;
    @PiggybackShadowVariable(shadowVariableName = "serviceStart")
    private Long loadChilled;
    @PiggybackShadowVariable(shadowVariableName = "serviceStart")
    private Long loadFrozen;

    /** Day the food of this pickup arrived at its origin (by the upstream leg's drop); null: not there. */
    @ShadowVariable(variableListenerClass = OriginArrivalListener.class, sourceEntityClass = Visit.class,
            sourceVariableName = "trip")
    private Integer originArrivalDay;

    public Visit() {
    }

    public Visit(String id, Leg leg, boolean pickup, Site site, int place, long serviceMillis) {
        this.id = id;
        this.leg = leg;
        this.pickup = pickup;
        this.site = site;
        this.place = place;
        this.serviceMillis = serviceMillis;
    }

    public int getNumber() {
        return number;
    }

    void setNumber(int number) {
        this.number = number;
    }

    public String getId() {
        return id;
    }

    public Leg getLeg() {
        return leg;
    }

    public Parcel getParcel() {
        return leg.getParcel();
    }

    public boolean isPickup() {
        return pickup;
    }

    public boolean isDrop() {
        return !pickup;
    }

    public int getPlace() {
        return place;
    }

    public Site getSite() {
        return site;
    }

    public long getServiceMillis() {
        return serviceMillis;
    }

    /** The other end of this visit's leg. */
    public Visit partner() {
        return pickup ? leg.getDrop() : leg.getPickup();
    }

    /** On a real trip (not left in the unplanned bucket). */
    public boolean isPlanned() {
        return trip != null && !trip.isBucket();
    }

    /** Grams this visit adds to (pickup) or takes from (drop) the vehicle. */
    public long delta() {
        return pickup ? leg.getGrams() : -leg.getGrams();
    }

    public int classIndex() {
        return leg.classIndex();
    }

    public long load(int classIndex) {
        Long v = switch (classIndex) {
            case 0 -> loadAmbient;
            case 1 -> loadChilled;
            default -> loadFrozen;
        };
        return v == null ? 0L : v;
    }

    /** The first visit at a site after arriving from elsewhere (where the service time is spent). */
    public boolean startsStop() {
        return previous == null || previous.place != place;
    }

    /** The last visit of its stop: the load on board after it is the load leaving the stop. */
    public boolean endsStop() {
        return next == null || next.place != place;
    }

    /** Day on which this pickup's food is at its storing origin; -1 when it never gets there. */
    public int holdingFromDay() {
        if (leg.getUpstream() == null) {
            return leg.getStockDay();
        }
        return originArrivalDay == null ? -1 : originArrivalDay;
    }

    /** Last day this pickup's food is at its storing origin: the day it is loaded, or the discard day. */
    public int holdingToDay() {
        // food that arrives after its last delivery day still takes room the day it arrives
        return isPlanned() ? trip.getDay() : Math.max(leg.getDiscardDay(), holdingFromDay());
    }

    public Trip getTrip() {
        return trip;
    }

    public void setTrip(Trip trip) {
        this.trip = trip;
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public Visit getPrevious() {
        return previous;
    }

    public void setPrevious(Visit previous) {
        this.previous = previous;
    }

    public Visit getNext() {
        return next;
    }

    public void setNext(Visit next) {
        this.next = next;
    }

    public Long getServiceStart() {
        return serviceStart;
    }

    public void setServiceStart(Long serviceStart) {
        this.serviceStart = serviceStart;
    }

    public Long getArrival() {
        return arrival;
    }

    public void setArrival(Long arrival) {
        this.arrival = arrival;
    }

    public Long getDeparture() {
        return departure;
    }

    public void setDeparture(Long departure) {
        this.departure = departure;
    }

    public Long getLoadAmbient() {
        return loadAmbient;
    }

    public void setLoadAmbient(Long loadAmbient) {
        this.loadAmbient = loadAmbient;
    }

    public Long getLoadChilled() {
        return loadChilled;
    }

    public void setLoadChilled(Long loadChilled) {
        this.loadChilled = loadChilled;
    }

    public Long getLoadFrozen() {
        return loadFrozen;
    }

    public void setLoadFrozen(Long loadFrozen) {
        this.loadFrozen = loadFrozen;
    }

    public Integer getOriginArrivalDay() {
        return originArrivalDay;
    }

    public void setOriginArrivalDay(Integer originArrivalDay) {
        this.originArrivalDay = originArrivalDay;
    }

    @Override
    public String toString() {
        return id;
    }
}
