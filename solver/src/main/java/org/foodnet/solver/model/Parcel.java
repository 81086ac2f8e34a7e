package org.foodnet.solver.model;

import org.optaplanner.core.api.domain.solution.cloner.DeepPlanningClone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Site;

/**
 * Part of one donation lot meant for one recipient's serving day. It travels along its {@link Leg}s; it
 * counts as delivered when its last leg is on a real trip.
 *
 * @param urgency how much it hurts to leave it undelivered, per gram (short-lived food counts more)
 */
@DeepPlanningClone
public class Parcel {

    private String id;
    private DonationLot lot;
    private Site recipient;
    private int recipientIndex;
    private LocalDate servingDay;
    private long grams;
    private int urgency;
    private List<Leg> legs = new ArrayList<>(3);
    private Trip bucket;

    /** For the solution cloner. */
    protected Parcel() {
    }

    public Parcel(String id, DonationLot lot, Site recipient, int recipientIndex, LocalDate servingDay, long grams,
                  int urgency) {
        this.id = id;
        this.lot = lot;
        this.recipient = recipient;
        this.recipientIndex = recipientIndex;
        this.servingDay = servingDay;
        this.grams = grams;
        this.urgency = urgency;
    }

    public String getId() {
        return id;
    }

    public DonationLot getLot() {
        return lot;
    }

    public Site getRecipient() {
        return recipient;
    }

    public int getRecipientIndex() {
        return recipientIndex;
    }

    public LocalDate getServingDay() {
        return servingDay;
    }

    public long getGrams() {
        return grams;
    }

    public int getUrgency() {
        return urgency;
    }

    public List<Leg> getLegs() {
        return legs;
    }

    /** The pseudo-trip holding this parcel's visits while it is not delivered. */
    public Trip getBucket() {
        return bucket;
    }

    void setBucket(Trip bucket) {
        this.bucket = bucket;
    }

    public Leg lastLeg() {
        return legs.get(legs.size() - 1);
    }

    public boolean isDelivered() {
        return lastLeg().getDrop().isPlanned();
    }

    @Override
    public String toString() {
        return id;
    }
}
