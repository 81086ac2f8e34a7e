package org.foodnet.solver.constraint;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.model.PlanningContext;
import org.foodnet.solver.model.RecipientDemand;
import org.foodnet.solver.model.RecipientHolding;
import org.foodnet.solver.model.StorageDay;
import org.foodnet.solver.model.StorageShare;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of a month plan (see docs/planning-rules.md). Hard rules first, then the medium rule (food
 * that does not reach people), then the soft ones. Each penalty grows with how badly the rule is broken.
 */
public class FoodnetConstraints implements ConstraintProvider {

    public static final String PACKAGE = "org.foodnet.solver";

    public static final String PAIR = "Pickup and drop on one trip";
    public static final String PRECEDENCE = "Food is there before it is loaded";
    public static final String LOT_AVAILABLE = "Lot available";
    public static final String CAPACITY = "Vehicle capacity";
    public static final String OPENING = "Opening hours";
    public static final String AVAILABILITY = "Driver availability";
    public static final String DAY_LENGTH = "Driver day length";
    public static final String USE_BY = "Use-by date";
    public static final String SERVING_DAY = "Serving day";
    public static final String STORAGE = "Storage capacity";
    public static final String RECIPIENT_STORAGE = "Recipient storage";
    public static final String UNDELIVERED = "Undelivered food";
    public static final String FAIR_SHARES = "Fair shares";
    public static final String DRIVING = "Driving time";
    public static final String TRIPS = "Trips";
    public static final String BALANCE = "Volunteer balance";
    public static final String STRANDED = "Stranded food";
    public static final String STABILITY = "Plan stability";

    public static final List<String> NAMES = List.of(PAIR, PRECEDENCE, LOT_AVAILABLE, CAPACITY, OPENING, AVAILABILITY,
            DAY_LENGTH, USE_BY, SERVING_DAY, STORAGE, RECIPIENT_STORAGE, UNDELIVERED, FAIR_SHARES, DRIVING, TRIPS,
            BALANCE, STRANDED, STABILITY);

    /** Hard penalty for a structural break (food loaded that is not there, pickup without its drop). */
    static final long BROKEN = 1000;
    /** Hard penalty for a stop at a closed site: a whole working day. */
    static final long CLOSED = 600;
    /** A trip driven counts like this much driving. */
    static final long TRIP_MILLIS = 60 * PlanningContext.MINUTE;
    /** Soft milliseconds per gram of squared shortfall ratio (fair shares) and per gram stranded. */
    static final long FAIR_FACTOR = 100;
    static final long STRANDED_FACTOR = 100;
    /** Undelivered food: a recipient's class should get at least this share of its allocation (up to its need) ... */
    public static final double FLOOR_SHARE = 0.6;
    /** ... else each gram below that floor counts this much more than its urgency ... */
    public static final long FLOOR_URGENCY = 4;
    /**
     * ... plus this times the grams below the floor squared over the floor: the further below, the more each
     * gram counts (at 0 delivered a gram counts {@code FLOOR_URGENCY + 2 × FLOOR_STEEP} more, at the floor
     * {@code FLOOR_URGENCY}), so the first food for a recipient that gets none weighs more than more food for
     * one that is nearly at its floor.
     */
    public static final long FLOOR_STEEP = 16;
    /** A hop that a re-plan moves to another trip counts like this much driving (volunteers were told). */
    public static final long STABILITY_MILLIS = 30 * PlanningContext.MINUTE;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                pickupAndDropOnOneTrip(f),
                foodIsThereBeforeItIsLoaded(f),
                lotAvailable(f),
                vehicleCapacity(f),
                openingHours(f),
                driverAvailability(f),
                driverDayLength(f),
                useByDate(f),
                servingDay(f),
                storageCapacity(f),
                recipientStorage(f),
                undeliveredFood(f),
                fairShares(f),
                drivingTime(f),
                trips(f),
                volunteerBalance(f),
                strandedFood(f),
                planStability(f),
                vehicleUsedByOneDriverAtATime(f)
        };
    }

    // ---------------------------------------------------------------- hard

    Constraint pickupAndDropOnOneTrip(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isPickup)
                .join(Visit.class, Joiners.equal(p -> p.getLeg().getDrop(), Function.identity()))
                .filter((p, d) -> (p.isPlanned() || d.isPlanned())
                        && (p.getTrip() != d.getTrip() || p.getIndex() > d.getIndex()))
                .penalizeConfigurableLong((p, d) -> BROKEN)
                .justifyWith((p, d, s) -> new Reason("Parcel " + p.getParcel().getId() + " (" + Texts.lot(p) + ") is loaded at "
                        + Texts.site(p) + " on " + Texts.trip(p) + " but unloaded at " + Texts.site(d) + " on "
                        + Texts.trip(d) + (p.getTrip() == d.getTrip() ? " before it is loaded" : "")))
                .asConstraint(PAIR);
    }

    Constraint foodIsThereBeforeItIsLoaded(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(p -> p.isPickup() && p.isPlanned() && p.getLeg().getUpstream() != null)
                .join(Visit.class, Joiners.equal(p -> p.getLeg().getUpstream().getDrop(), Function.identity()))
                .filter((p, u) -> !u.isPlanned() || (u.getTrip() == p.getTrip()
                        ? u.getIndex() > p.getIndex() : u.getDeparture() > p.getServiceStart()))
                .penalizeConfigurableLong((p, u) -> !u.isPlanned() || u.getTrip() == p.getTrip() ? BROKEN
                        : PlanningContext.ceilMinutes(u.getDeparture() - p.getServiceStart()))
                .justifyWith((p, u, s) -> new Reason(Texts.kg(p) + " of " + Texts.lot(p) + " is loaded at " + Texts.site(p)
                        + " at " + Texts.time(p, p.getServiceStart()) + " on " + Texts.trip(p) + " but "
                        + (u.isPlanned() ? "arrives there only at " + Texts.time(u, u.getDeparture()) + " on " + Texts.trip(u)
                        : "is never brought there")))
                .asConstraint(PRECEDENCE);
    }

    Constraint lotAvailable(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(p -> p.isPickup() && p.isPlanned() && p.getServiceStart() < p.getLeg().getReleaseMillis())
                .penalizeConfigurableLong(p -> PlanningContext.ceilMinutes(p.getLeg().getReleaseMillis() - p.getServiceStart()))
                .justifyWith((p, s) -> new Reason(Texts.lot(p) + " is picked up at " + Texts.site(p) + " on "
                        + Texts.trip(p) + " before it is available (" + p.getParcel().getLot().availableFrom() + ")"))
                .asConstraint(LOT_AVAILABLE);
    }

    Constraint vehicleCapacity(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isPlanned() && v.endsStop() && overload(v) > 0)
                .penalizeConfigurableLong(v -> PlanningContext.ceilKg(overload(v)))
                .justifyWith((v, s) -> new Reason("Trip of " + v.getTrip().label() + ": leaving " + Texts.site(v)
                        + " the vehicle " + v.getTrip().getVehicle().name() + " carries " + Texts.overloadText(v)))
                .asConstraint(CAPACITY);
    }

    static long overload(Visit v) {
        long over = 0;
        for (int c = 0; c < 3; c++) {
            over += Math.max(0, v.load(c) - v.getTrip().capacity(c));
        }
        return over;
    }

    Constraint openingHours(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isPlanned() && v.startsStop() && closingOverrun(v) > 0)
                .penalizeConfigurableLong(FoodnetConstraints::closingOverrun)
                .justifyWith((v, s) -> new Reason(Texts.site(v) + (isClosed(v) ? " is closed on " + v.getTrip().getDate()
                        : " closes at " + Texts.time(v, v.getTrip().context().openTo(v.getPlace(), v.getTrip().getDay()))
                        + " but the stop of " + v.getTrip().label() + " ends at " + Texts.time(v, v.getDeparture()))))
                .asConstraint(OPENING);
    }

    private static boolean isClosed(Visit v) {
        return !v.getTrip().context().isOpen(v.getPlace(), v.getTrip().getDay());
    }

    /** Hard minutes: whole day when closed, else minutes the stop runs past closing. */
    static long closingOverrun(Visit v) {
        if (isClosed(v)) {
            return CLOSED;
        }
        long close = v.getTrip().context().openTo(v.getPlace(), v.getTrip().getDay());
        return PlanningContext.ceilMinutes(stopDeparture(v) - close);
    }

    /** Departure from the stop this visit starts (every visit of a stop shares it). */
    static long stopDeparture(Visit v) {
        return v.getDeparture();
    }

    Constraint driverAvailability(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isPlanned() && v.getNext() == null && tripEnd(v) > v.getTrip().getSlotEnd())
                .penalizeConfigurableLong(v -> PlanningContext.ceilMinutes(tripEnd(v) - v.getTrip().getSlotEnd()))
                .justifyWith((v, s) -> new Reason("Trip of " + v.getTrip().label() + " ends at " + Texts.time(v, tripEnd(v))
                        + ", after the volunteer's free time ends at " + Texts.time(v, v.getTrip().getSlotEnd())))
                .asConstraint(AVAILABILITY);
    }

    static long tripEnd(Visit last) {
        Trip t = last.getTrip();
        return last.getDeparture() + t.context().travelMillis(last.getPlace(), t.getHomePlace());
    }

    static long tripStart(Visit first) {
        Trip t = first.getTrip();
        return first.getServiceStart() - t.context().travelMillis(t.getHomePlace(), first.getPlace());
    }

    Constraint driverDayLength(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isPlanned() && v.getNext() == null)
                .join(Visit.class, Joiners.equal(Visit::getTrip, Visit::getTrip),
                        Joiners.filtering((last, first) -> first.getPrevious() == null))
                .filter((last, first) -> tripEnd(last) - tripStart(first) > last.getTrip().getMaxMillis())
                .penalizeConfigurableLong((last, first) ->
                        PlanningContext.ceilMinutes(tripEnd(last) - tripStart(first) - last.getTrip().getMaxMillis()))
                .justifyWith((last, first, s) -> new Reason("Trip of " + last.getTrip().label() + " lasts "
                        + (tripEnd(last) - tripStart(first)) / PlanningContext.MINUTE + " minutes; "
                        + last.getTrip().getDriver().name() + " drives at most "
                        + last.getTrip().getMaxMillis() / PlanningContext.MINUTE + " minutes a day"))
                .asConstraint(DAY_LENGTH);
    }

    Constraint useByDate(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.isPlanned() && d.getServiceStart() >= d.getLeg().getUseByMillis())
                .penalizeConfigurableLong(d -> PlanningContext.ceilMinutes(d.getServiceStart() - d.getLeg().getUseByMillis() + 1))
                .justifyWith((d, s) -> new Reason(Texts.lot(d) + " is delivered to " + Texts.site(d) + " on "
                        + d.getTrip().getDate() + ", after its " + d.getParcel().getLot().expiryKind().name().toLowerCase().replace('_', '-')
                        + " date " + d.getParcel().getLot().expiryDate()))
                .asConstraint(USE_BY);
    }

    Constraint servingDay(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.isPlanned() && d.getServiceStart() >= d.getLeg().getServingMillis())
                .penalizeConfigurableLong(d -> PlanningContext.ceilMinutes(d.getServiceStart() - d.getLeg().getServingMillis() + 1))
                .justifyWith((d, s) -> new Reason(Texts.lot(d) + " for " + Texts.site(d) + " arrives on "
                        + d.getTrip().getDate() + ", after the serving day " + d.getParcel().getServingDay()))
                .asConstraint(SERVING_DAY);
    }

    Constraint storageCapacity(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(p -> p.isPickup() && p.getLeg().getFromStorage() >= 0 && p.holdingFromDay() >= 0)
                .flattenLast(FoodnetConstraints::storageShares)
                .groupBy(StorageShare::key, sumLong(StorageShare::grams))
                .join(StorageDay.class, Joiners.equal((key, grams) -> key, StorageDay::key))
                .filter((key, grams, day) -> grams > day.roomGrams())
                .penalizeConfigurableLong((key, grams, day) -> PlanningContext.ceilKg(grams - day.roomGrams()))
                .justifyWith((key, grams, day, s) -> new Reason(day.site().name() + " (" + day.site().id() + "): "
                        + day.temperature().word() + " storage over by " + Grams.kgText(grams - day.roomGrams())
                        + " on " + day.date()))
                .asConstraint(STORAGE);
    }

    static Iterable<StorageShare> storageShares(Visit p) {
        int from = Math.max(0, p.holdingFromDay());
        int to = p.holdingToDay();
        List<StorageShare> shares = new ArrayList<>(Math.max(0, to - from + 1));
        int storage = p.getLeg().getFromStorage();
        int cls = p.classIndex();
        for (int day = from; day <= to; day++) {
            shares.add(new StorageShare(StorageDay.key(storage, cls, day), p.getLeg().getGrams()));
        }
        return shares;
    }

    /**
     * Rule 9: per recipient, temperature class and day, the food it holds (unloaded there on or before that
     * day for a serving day on or after it) fits its storage for that class. Penalized by kg over, every day.
     */
    Constraint recipientStorage(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.isPlanned() && d.getLeg().isFinal())
                .flattenLast(RecipientHolding::sharesOf)
                .groupBy(RecipientHolding.Share::day, sumLong(RecipientHolding.Share::grams))
                .filter((day, grams) -> grams > day.capacityGrams())
                .penalizeConfigurableLong((day, grams) -> PlanningContext.ceilKg(grams - day.capacityGrams()))
                .justifyWith((day, grams, s) -> new Reason(day.recipient().name() + " (" + day.recipient().id() + ") holds "
                        + Grams.kgText(grams) + " " + day.temperature().word() + " on " + day.date() + ", but can keep "
                        + Grams.kgText(day.capacityGrams())))
                .asConstraint(RECIPIENT_STORAGE);
    }

    // ---------------------------------------------------------------- medium

    /**
     * Per recipient and class: grams of undelivered parcels times their urgency, plus {@link #FLOOR_URGENCY}
     * per gram by which what is delivered falls below the class's floor ({@link #FLOOR_SHARE} of what was
     * allocated, up to the need), so that nobody is left far behind for food that others get.
     */
    Constraint undeliveredFood(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.getLeg().isFinal() && !d.isPlanned())
                .groupBy(d -> RecipientDemand.keyOf(d.getParcel()),
                        sumLong(d -> d.getLeg().getGrams() * d.getParcel().getUrgency()),
                        sumLong(d -> d.getLeg().getGrams()))
                .join(RecipientDemand.class, Joiners.equal((key, weighted, grams) -> key, RecipientDemand::key))
                .penalizeConfigurableLong((key, weighted, grams, demand) -> weighted + floorPenalty(demand, grams))
                .justifyWith((key, weighted, grams, demand, s) -> new Reason(Grams.kgText(grams) + " "
                        + demand.temperature().word() + " for " + demand.recipient().name() + " ("
                        + demand.recipient().id() + ") is not delivered" + (belowFloor(demand, grams) > 0
                        ? ", " + Grams.kgText(belowFloor(demand, grams)) + " below its floor" : "")))
                .asConstraint(UNDELIVERED);
    }

    /**
     * The floor's part of the penalty: {@link #FLOOR_URGENCY} per gram below the floor plus {@link #FLOOR_STEEP}
     * times (grams below)² ÷ floor grams, rounded to a whole number.
     */
    static long floorPenalty(RecipientDemand demand, long undeliveredGrams) {
        long below = belowFloor(demand, undeliveredGrams);
        if (below <= 0) {
            return 0;
        }
        double floor = Math.max(1, demand.floorGrams(FLOOR_SHARE));
        return FLOOR_URGENCY * below + Math.round(FLOOR_STEEP * (double) below * below / floor);
    }

    /** Grams by which delivering all but {@code undeliveredGrams} of the allocation falls below the floor. */
    static long belowFloor(RecipientDemand demand, long undeliveredGrams) {
        long delivered = demand.allocatedGrams() - undeliveredGrams;
        return Math.max(0, demand.floorGrams(FLOOR_SHARE) - delivered);
    }

    // ---------------------------------------------------------------- soft

    Constraint fairShares(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.getLeg().isFinal() && !d.isPlanned())
                .groupBy(d -> RecipientDemand.keyOf(d.getParcel()), sumLong(d -> d.getLeg().getGrams()))
                .join(RecipientDemand.class, Joiners.equal((key, grams) -> key, RecipientDemand::key))
                .filter((key, grams, demand) -> demand.needGrams() > 0 && demand.uncoveredGrams() + grams > 0)
                .penalizeConfigurableLong((r, grams, demand) -> fairPenalty(demand, grams))
                .justifyWith((r, grams, demand, s) -> new Reason(demand.recipient().name() + " gets "
                        + Grams.kgText(grams) + " " + demand.temperature().word() + " less than its fair share of "
                        + Grams.kgText(demand.needGrams() - demand.uncoveredGrams())))
                .asConstraint(FAIR_SHARES);
    }

    /**
     * Growth of the squared shortfall (relative to the class's need) caused by undelivered grams; food
     * allocated beyond the need (surplus) is missed first without a shortfall.
     */
    static long fairPenalty(RecipientDemand demand, long undeliveredGrams) {
        double need = Math.max(1, demand.needGrams());
        double before = Math.max(0, demand.uncoveredGrams());
        double after = Math.max(0, demand.uncoveredGrams() + undeliveredGrams);
        return Math.round((after * after - before * before) / need * FAIR_FACTOR);
    }

    Constraint drivingTime(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isPlanned)
                .penalizeConfigurableLong(v -> v.getTrip().drivingMillisOf(v))
                .justifyWith((v, s) -> new Reason(Texts.trip(v) + ": " + v.getTrip().drivingMillisOf(v) / 1000
                        + " s of driving to " + Texts.site(v)))
                .asConstraint(DRIVING);
    }

    Constraint trips(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isPlanned() && v.getPrevious() == null)
                .penalizeConfigurableLong(v -> TRIP_MILLIS)
                .justifyWith((v, s) -> new Reason(v.getTrip().getDriver().name() + " drives on " + v.getTrip().getDate()))
                .asConstraint(TRIPS);
    }

    Constraint volunteerBalance(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isPlanned)
                .groupBy(v -> v.getTrip().getDriver(), sumLong(v -> v.getTrip().drivingMillisOf(v)))
                .penalizeConfigurableLong((driver, ms) -> {
                    long minutes = ms / PlanningContext.MINUTE;
                    return minutes * minutes * 100;
                })
                .justifyWith((driver, ms, s) -> new Reason(driver.name() + " drives " + ms / PlanningContext.MINUTE
                        + " minutes this month"))
                .asConstraint(BALANCE);
    }

    Constraint strandedFood(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(d -> d.isDrop() && d.isPlanned() && !d.getLeg().isFinal())
                .join(Visit.class, Joiners.equal(d -> d.getParcel().lastLeg().getDrop(), Function.identity()))
                .filter((d, last) -> !last.isPlanned())
                .penalizeConfigurableLong((d, last) -> d.getLeg().getGrams() * STRANDED_FACTOR)
                .justifyWith((d, last, s) -> new Reason(Texts.kg(d) + " of " + Texts.lot(d) + " is brought to "
                        + Texts.site(d) + " on " + Texts.trip(d) + " but never reaches " + Texts.site(last)))
                .asConstraint(STRANDED);
    }

    Constraint planStability(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(p -> p.isPickup() && p.isPlanned() && p.getLeg().movedFrom(p.getTrip()))
                .penalizeConfigurableLong(p -> STABILITY_MILLIS)
                .justifyWith((p, s) -> new Reason(Texts.kg(p) + " of " + Texts.lot(p) + " from " + Texts.site(p)
                        + " now goes with " + Texts.trip(p) + " instead of trip " + p.getLeg().getPreviousTripId()))
                .asConstraint(STABILITY);
    }

    /** Rule 12 (docs/planning-rules.md): not configurable, like rules 10, 11 and 13 it has no weight of its own. */
    public static final String VEHICLE_SHARED = "One driver per vehicle at a time";

    /**
     * Rule 12: trips of different drivers in one vehicle never overlap in time. The trips are built from slot
     * windows that {@code MonthPlanBuilder} makes disjoint for drivers who share a vehicle, so a trip inside its
     * window (rule 1) cannot break this; the constraint is the safety net that says so in the score. Penalty:
     * a structural break plus the minutes of overlap.
     */
    Constraint vehicleUsedByOneDriverAtATime(ConstraintFactory f) {
        // Buckets (one per parcel, no vehicle, day -1) are left out BEFORE the join: with them in, every pair of
        // buckets shares the index key (null, -1) and ×100 (~10⁵ buckets) built billions of pair tuples. Same
        // pairs as forEachUniquePair (a's planning id < b's) minus the bucket pairs its filter dropped anyway.
        return f.forEach(Trip.class)
                .filter(t -> !t.isBucket())
                .join(f.forEach(Trip.class).filter(t -> !t.isBucket()),
                        Joiners.equal(Trip::getVehicle), Joiners.equal(Trip::getDay), Joiners.lessThan(Trip::getId))
                .filter((a, b) -> a.getDriver() != b.getDriver() && overlapMillis(a, b) > 0)
                .penalizeLong(org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_HARD,
                        (a, b) -> BROKEN + PlanningContext.ceilMinutes(overlapMillis(a, b)))
                .justifyWith((a, b, s) -> new Reason("Trips of " + a.label() + " and " + b.label()
                        + " use one vehicle at the same time"))
                .asConstraint(VEHICLE_SHARED);
    }

    /** How long two trips (home to home) overlap; 0 when either has no visits or their times are not known yet. */
    static long overlapMillis(Trip a, Trip b) {
        List<Visit> va = a.getVisits();
        List<Visit> vb = b.getVisits();
        if (va.isEmpty() || vb.isEmpty() || va.get(0).getServiceStart() == null || vb.get(0).getServiceStart() == null
                || va.get(va.size() - 1).getDeparture() == null || vb.get(vb.size() - 1).getDeparture() == null) {
            return 0;
        }
        long from = Math.max(tripStart(va.get(0)), tripStart(vb.get(0)));
        long to = Math.min(tripEnd(va.get(va.size() - 1)), tripEnd(vb.get(vb.size() - 1)));
        return Math.max(0, to - from);
    }
}
