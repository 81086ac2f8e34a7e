package org.foodnet.solver.model;

import org.optaplanner.core.api.domain.solution.cloner.DeepPlanningClone;

import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * One hop of a parcel from one site to the next: loaded at {@link #getPickup()}, unloaded at
 * {@link #getDrop()}, both on the same trip. Legs of a parcel form a chain; a leg's food can only be
 * loaded after the upstream leg unloaded it at this leg's origin.
 */
@DeepPlanningClone
public class Leg {

    private int index;
    private Parcel parcel;
    private Site from;
    private Site to;
    private int fromPlace;
    private int toPlace;
    private int fromStorage;
    private int toStorage;
    private TemperatureClass temperature;
    private long grams;
    /** Earliest moment the food may be loaded (lot available), ms from the month's first day. */
    private long releaseMillis;
    /** Day (index in the month) the food is first at the origin when it starts there; -1 otherwise. */
    private int stockDay;
    /** Latest moment it may be unloaded for use-by reasons (final legs; Long.MAX_VALUE otherwise). */
    private long useByMillis;
    /** Latest moment it may be unloaded for the serving day (final legs; Long.MAX_VALUE otherwise). */
    private long servingMillis;
    /** Last day (index) the food may be kept in storage before it is discarded, clamped to the month. */
    private int discardDay;
    /** The trip that carried this hop in the plan this one should stay close to; null: none. */
    private String previousTripId;
    private Leg upstream;
    private Leg downstream;
    private Visit pickup;
    private Visit drop;

    /** For the solution cloner. */
    protected Leg() {
    }

    public Leg(int index, Parcel parcel, Site from, Site to, int fromPlace, int toPlace, int fromStorage,
               int toStorage, long releaseMillis, int stockDay, long useByMillis, long servingMillis, int discardDay) {
        this.index = index;
        this.parcel = parcel;
        this.from = from;
        this.to = to;
        this.fromPlace = fromPlace;
        this.toPlace = toPlace;
        this.fromStorage = fromStorage;
        this.toStorage = toStorage;
        this.temperature = parcel.getLot().temperature();
        this.grams = parcel.getGrams();
        this.releaseMillis = releaseMillis;
        this.stockDay = stockDay;
        this.useByMillis = useByMillis;
        this.servingMillis = servingMillis;
        this.discardDay = discardDay;
    }

    void link(Leg upstream) {
        this.upstream = upstream;
        if (upstream != null) {
            upstream.downstream = this;
        }
    }

    void attach(Visit pickup, Visit drop) {
        this.pickup = pickup;
        this.drop = drop;
    }

    public int getIndex() {
        return index;
    }

    public Parcel getParcel() {
        return parcel;
    }

    public Site getFrom() {
        return from;
    }

    public Site getTo() {
        return to;
    }

    public int getFromPlace() {
        return fromPlace;
    }

    public int getToPlace() {
        return toPlace;
    }

    /** Index of the origin among the storing sites (hub, depots), -1 when it does not store. */
    public int getFromStorage() {
        return fromStorage;
    }

    public int getToStorage() {
        return toStorage;
    }

    public TemperatureClass getTemperature() {
        return temperature;
    }

    public int classIndex() {
        return temperature.ordinal();
    }

    public long getGrams() {
        return grams;
    }

    public long getReleaseMillis() {
        return releaseMillis;
    }

    public int getStockDay() {
        return stockDay;
    }

    public long getUseByMillis() {
        return useByMillis;
    }

    public long getServingMillis() {
        return servingMillis;
    }

    public long dueMillis() {
        return Math.min(useByMillis, servingMillis);
    }

    public int getDiscardDay() {
        return discardDay;
    }

    public String getPreviousTripId() {
        return previousTripId;
    }

    void setPreviousTripId(String previousTripId) {
        this.previousTripId = previousTripId;
    }

    /** Cost of carrying this hop on another trip than before (0 when there was no previous plan). */
    public boolean movedFrom(Trip trip) {
        return previousTripId != null && (trip == null || !previousTripId.equals(trip.getId()));
    }

    public Leg getUpstream() {
        return upstream;
    }

    public Leg getDownstream() {
        return downstream;
    }

    public Visit getPickup() {
        return pickup;
    }

    public Visit getDrop() {
        return drop;
    }

    public boolean isFinal() {
        return downstream == null;
    }

    @Override
    public String toString() {
        return parcel.getId() + ":" + from.id() + ">" + to.id();
    }
}
