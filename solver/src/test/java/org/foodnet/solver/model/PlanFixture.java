package org.foodnet.solver.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.foodnet.solver.constraint.FoodnetWeights;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.travel.Travel;

/**
 * Builds small {@link MonthPlan}s by hand for constraint tests: parcels along chosen paths (legs and visits
 * laid out exactly like {@link MonthPlanBuilder} does), one trip per volunteer availability slot, visits put
 * into trips in a chosen order; everything not put on a trip waits in its parcel's bucket.
 * {@link #plan()} sets every shadow variable with {@link Shadows#rebuild}.
 */
public final class PlanFixture {

    private final Network network;
    private final Travel travel;
    private final PlanningContext ctx;
    private final Map<String, Integer> siteIndex = new HashMap<>();
    private final Map<String, Integer> storageIndex = new HashMap<>();
    private final List<Site> storing;
    private final List<Trip> trips = new ArrayList<>();
    private final List<Parcel> parcels = new ArrayList<>();
    private final List<Leg> legs = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private FoodnetWeights weights = new FoodnetWeights();

    private PlanFixture(Network network) {
        this.network = network;
        this.travel = Travel.of(network);
        this.ctx = new PlanningContext(network, travel);
        List<Site> sites = network.sites();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(sites.get(i).id(), i);
        }
        this.storing = sites.stream().filter(s -> s.role().stores()).toList();
        for (int i = 0; i < storing.size(); i++) {
            storageIndex.put(storing.get(i).id(), i);
        }
        Map<String, Vehicle> vehicles = network.vehiclesById();
        for (Driver driver : network.drivers()) {
            int home = travel.indexOf(driver.homePlaceId());
            for (AvailabilitySlot slot : driver.slots()) {
                LocalDate date = slot.date();
                if (date.isBefore(ctx.firstDay()) || date.isAfter(network.settings().lastDay())) {
                    continue;
                }
                long dayStart = ctx.millisAt(date);
                trips.add(new Trip(ctx, driver.id() + "@" + date + "T" + slot.from(), driver,
                        vehicles.get(driver.vehicleId()), ctx.dayIndex(date), date,
                        dayStart + slot.from().toSecondOfDay() * 1000L, dayStart + slot.to().toSecondOfDay() * 1000L,
                        home, driver.maxMinutesPerDay() * PlanningContext.MINUTE));
            }
        }
    }

    public static PlanFixture of(Network network) {
        return new PlanFixture(network);
    }

    public Network network() {
        return network;
    }

    public PlanningContext context() {
        return ctx;
    }

    public Site site(String id) {
        return network.site(id).orElseThrow(() -> new IllegalArgumentException("no site " + id));
    }

    /** Index of a place (site id or "home:" + driver id) in the travel model. */
    public int place(String placeId) {
        return travel.indexOf(placeId);
    }

    /** Travel time in ms between two places given by id (site id, or "home:" + driver id). */
    public long travel(String fromPlaceId, String toPlaceId) {
        return travel.millis(place(fromPlaceId), place(toPlaceId));
    }

    public FoodnetWeights weights() {
        return weights;
    }

    public PlanFixture weights(FoodnetWeights weights) {
        this.weights = weights;
        return this;
    }

    /**
     * A parcel of {@code kg} of a lot for a recipient's serving day, travelling along {@code path} (site ids
     * from the lot's site to the recipient; one leg per hop).
     */
    public Parcel parcel(String lotId, String recipientId, LocalDate servingDay, double kg, String... path) {
        return parcel(lotId, recipientId, servingDay, Math.round(kg * 1000), path);
    }

    public Parcel parcel(String lotId, String recipientId, LocalDate servingDay, long grams, String... path) {
        DonationLot lot = network.lotsById().get(lotId);
        if (lot == null) {
            throw new IllegalArgumentException("no lot " + lotId);
        }
        if (path.length < 2 || !path[0].equals(lot.siteId()) || !path[path.length - 1].equals(recipientId)) {
            throw new IllegalArgumentException("path must run from " + lot.siteId() + " to " + recipientId);
        }
        Site recipient = site(recipientId);
        int firstDay = Math.max(0, ctx.dayIndex(lot.availableFrom()));
        int lastDay = ctx.dayIndex(network.settings().lastDeliveryDay(lot));
        int discardDay = Math.min(ctx.days() - 1, lastDay);
        Parcel parcel = new Parcel(String.format("parcel-%04d", parcels.size() + 1), lot, recipient,
                siteIndex.get(recipientId), servingDay, grams, MonthPlanBuilder.urgency(lot, firstDay, lastDay));
        parcels.add(parcel);
        Leg previous = null;
        for (int hop = 0; hop + 1 < path.length; hop++) {
            Site from = site(path[hop]);
            Site to = site(path[hop + 1]);
            boolean first = hop == 0;
            boolean last = hop + 2 == path.length;
            Leg leg = new Leg(legs.size(), parcel, from, to, siteIndex.get(from.id()), siteIndex.get(to.id()),
                    storageIndex.getOrDefault(from.id(), -1), storageIndex.getOrDefault(to.id(), -1),
                    first ? firstDay * PlanningContext.DAY : 0L,
                    first && from.role().stores() ? firstDay : -1,
                    last ? (lastDay + 1L) * PlanningContext.DAY : Long.MAX_VALUE,
                    last ? (ctx.dayIndex(servingDay) + 1L) * PlanningContext.DAY : Long.MAX_VALUE,
                    discardDay);
            leg.link(previous);
            String base = parcel.getId() + "/" + (hop + 1);
            Visit pickup = new Visit(base + "-load", leg, true, from, leg.getFromPlace(), from.serviceSeconds() * 1000L);
            Visit drop = new Visit(base + "-unload", leg, false, to, leg.getToPlace(), to.serviceSeconds() * 1000L);
            leg.attach(pickup, drop);
            pickup.setNumber(visits.size());
            drop.setNumber(visits.size() + 1);
            parcel.getLegs().add(leg);
            legs.add(leg);
            visits.add(pickup);
            visits.add(drop);
            previous = leg;
        }
        return parcel;
    }

    /** The hop-th leg (1-based) of a parcel. */
    public static Leg leg(Parcel parcel, int hop) {
        return parcel.getLegs().get(hop - 1);
    }

    /** The trip of a volunteer's availability slot on a day of the month. */
    public Trip trip(String driverId, int dayOfMonth) {
        LocalDate date = network.settings().month().atDay(dayOfMonth);
        return trips.stream()
                .filter(t -> t.getDriver().id().equals(driverId) && t.getDate().equals(date))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(driverId + " has no availability on " + date));
    }

    /** Appends visits to a trip in the given order. */
    public PlanFixture drive(Trip trip, Visit... toAdd) {
        for (Visit v : toAdd) {
            for (Trip t : trips) {
                if (t.getVisits().contains(v)) {
                    throw new IllegalStateException(v + " is already on " + t);
                }
            }
            trip.getVisits().add(v);
        }
        return this;
    }

    /** Appends each leg's pickup and then its drop. */
    public PlanFixture carry(Trip trip, Leg... toCarry) {
        for (Leg leg : toCarry) {
            drive(trip, leg.getPickup(), leg.getDrop());
        }
        return this;
    }

    /** Appends the whole path of a parcel: pickup and drop of each leg in order. */
    public PlanFixture deliver(Trip trip, Parcel parcel) {
        return carry(trip, parcel.getLegs().toArray(Leg[]::new));
    }

    /**
     * Appends several parcels with paths of equal length, hop by hop: the pickups of all parcels' first legs,
     * then their drops, then the pickups of the second legs, and so on (one stop per site).
     */
    public PlanFixture deliverTogether(Trip trip, Parcel... together) {
        int hops = together[0].getLegs().size();
        for (Parcel p : together) {
            if (p.getLegs().size() != hops) {
                throw new IllegalArgumentException("parcels delivered together need paths of one length");
            }
        }
        for (int hop = 0; hop < hops; hop++) {
            for (Parcel p : together) {
                drive(trip, p.getLegs().get(hop).getPickup());
            }
            for (Parcel p : together) {
                drive(trip, p.getLegs().get(hop).getDrop());
            }
        }
        return this;
    }

    /** The month plan with every visit not on a trip in its parcel's bucket, and all shadow variables set. */
    /** As if a previous plan had carried this hop on that trip (a re-plan). */
    public PlanFixture previously(Leg leg, Trip trip) {
        leg.setPreviousTripId(trip.getId());
        return this;
    }

    public MonthPlan plan() {
        Set<Visit> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        trips.forEach(t -> placed.addAll(t.getVisits()));
        List<Trip> all = new ArrayList<>(trips);
        for (Parcel parcel : parcels) {
            Trip bucket = Trip.bucket(ctx, parcel.getId());
            parcel.setBucket(bucket);
            for (Leg leg : parcel.getLegs()) {
                for (Visit v : List.of(leg.getPickup(), leg.getDrop())) {
                    if (!placed.contains(v)) {
                        bucket.getVisits().add(v);
                    }
                }
            }
            all.add(bucket);
        }
        MonthPlan plan = new MonthPlan(ctx, all, new ArrayList<>(visits), new ArrayList<>(legs),
                new ArrayList<>(parcels), storageDays(), demands(), weights);
        Shadows.rebuild(plan);
        return plan;
    }

    /** Room per storing site, class and day once unallocated stock is counted (as MonthPlanBuilder does). */
    private List<StorageDay> storageDays() {
        Map<String, Long> allocatedByLot = new HashMap<>();
        parcels.forEach(p -> allocatedByLot.merge(p.getLot().id(), p.getGrams(), Long::sum));
        return MonthPlanBuilder.storageDays(network, ctx, storing, allocatedByLot);
    }

    private List<RecipientDemand> demands() {
        return MonthPlanBuilder.demands(network, siteIndex, parcels);
    }
}
