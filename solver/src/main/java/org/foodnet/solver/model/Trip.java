package org.foodnet.solver.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.Vehicle;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * One availability slot of one volunteer: the trip they could drive that day, with the ordered visits
 * the solver gives it. A trip without visits is not driven. Each parcel also has a {@linkplain #isBucket()
 * bucket}: a pseudo-trip holding its visits while the plan does not deliver it.
 */
@PlanningEntity
public class Trip {

    @PlanningId
    private String id;
    private Driver driver;
    private Vehicle vehicle;
    private int day;
    private LocalDate date;
    private long slotStart;
    private long slotEnd;
    private int homePlace;
    private long maxMillis;
    private long[] capacity;
    private boolean bucket;
    private PlanningContext context;

    @PlanningListVariable(valueRangeProviderRefs = "visits")
    private List<Visit> visits = new ArrayList<>();

    public Trip() {
    }

    public Trip(PlanningContext context, String id, Driver driver, Vehicle vehicle, int day, LocalDate date,
                long slotStart, long slotEnd, int homePlace, long maxMillis) {
        this.context = context;
        this.id = id;
        this.driver = driver;
        this.vehicle = vehicle;
        this.day = day;
        this.date = date;
        this.slotStart = slotStart;
        this.slotEnd = slotEnd;
        this.homePlace = homePlace;
        this.maxMillis = maxMillis;
        this.capacity = new long[TemperatureClass.values().length];
        for (TemperatureClass c : TemperatureClass.values()) {
            capacity[c.ordinal()] = vehicle.capacity().get(c);
        }
    }

    /** Where an undelivered parcel's visits wait (one small list per parcel keeps moves cheap). */
    public static Trip bucket(PlanningContext context, String parcelId) {
        Trip t = new Trip();
        t.context = context;
        t.id = "unplanned/" + parcelId;
        t.bucket = true;
        t.day = -1;
        t.capacity = new long[TemperatureClass.values().length];
        return t;
    }

    public PlanningContext context() {
        return context;
    }

    /** Driving time to a visit from the one before it (or from home), plus home again after the last. */
    public long drivingMillisOf(Visit visit) {
        Visit prev = visit.getPrevious();
        long ms = context.travelMillis(prev == null ? homePlace : prev.getPlace(), visit.getPlace());
        if (visit.getNext() == null) {
            ms += context.travelMillis(visit.getPlace(), homePlace);
        }
        return ms;
    }

    public String getId() {
        return id;
    }

    public Driver getDriver() {
        return driver;
    }

    public Vehicle getVehicle() {
        return vehicle;
    }

    public int getDay() {
        return day;
    }

    public LocalDate getDate() {
        return date;
    }

    public long getSlotStart() {
        return slotStart;
    }

    public long getSlotEnd() {
        return slotEnd;
    }

    public int getHomePlace() {
        return homePlace;
    }

    public long getMaxMillis() {
        return maxMillis;
    }

    public long capacity(int classIndex) {
        return capacity[classIndex];
    }

    public boolean isBucket() {
        return bucket;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    /** "佐藤 花子 on 2026-12-14" */
    public String label() {
        return bucket ? "unplanned" : driver.name() + " on " + date;
    }

    @Override
    public String toString() {
        return id;
    }
}
