package org.foodnet.solver.constraint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weight of every rule for one plan. A coordinator scales a rule by a whole-number factor
 * ({@link #scaled}); 0 switches it off. Units: hard in minutes/kilograms over, medium in grams x urgency,
 * soft in milliseconds of driving (or its equivalent: a trip = 60 minutes).
 */
@ConstraintConfiguration(constraintPackage = FoodnetConstraints.PACKAGE)
public class FoodnetWeights {

    @ConstraintWeight(FoodnetConstraints.PAIR)
    private HardMediumSoftLongScore pair = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.PRECEDENCE)
    private HardMediumSoftLongScore precedence = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.LOT_AVAILABLE)
    private HardMediumSoftLongScore lotAvailable = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.CAPACITY)
    private HardMediumSoftLongScore capacity = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.OPENING)
    private HardMediumSoftLongScore opening = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.AVAILABILITY)
    private HardMediumSoftLongScore availability = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.DAY_LENGTH)
    private HardMediumSoftLongScore dayLength = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.USE_BY)
    private HardMediumSoftLongScore useBy = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.SERVING_DAY)
    private HardMediumSoftLongScore servingDay = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.STORAGE)
    private HardMediumSoftLongScore storage = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.RECIPIENT_STORAGE)
    private HardMediumSoftLongScore recipientStorage = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(FoodnetConstraints.UNDELIVERED)
    private HardMediumSoftLongScore undelivered = HardMediumSoftLongScore.ofMedium(1);
    @ConstraintWeight(FoodnetConstraints.FAIR_SHARES)
    private HardMediumSoftLongScore fairShares = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(FoodnetConstraints.DRIVING)
    private HardMediumSoftLongScore driving = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(FoodnetConstraints.TRIPS)
    private HardMediumSoftLongScore trips = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(FoodnetConstraints.BALANCE)
    private HardMediumSoftLongScore balance = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(FoodnetConstraints.STRANDED)
    private HardMediumSoftLongScore stranded = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(FoodnetConstraints.STABILITY)
    private HardMediumSoftLongScore stability = HardMediumSoftLongScore.ofSoft(1);

    public FoodnetWeights() {
    }

    /**
     * The default weights with some rules multiplied by a factor, e.g. {@code {"Trips": 5}} to make every
     * trip count like five hours of driving.
     *
     * @throws IllegalArgumentException for an unknown rule name or a negative factor
     */
    public static FoodnetWeights scaled(Map<String, Long> factors) {
        FoodnetWeights w = new FoodnetWeights();
        factors.forEach((name, factor) -> {
            if (factor == null || factor < 0) {
                throw new IllegalArgumentException("weight of \"" + name + "\" must be a whole number >= 0");
            }
            w.multiply(name, factor);
        });
        return w;
    }

    /**
     * What starting one more trip costs, in milliseconds of driving: the trip weight over the driving weight
     * (60 minutes with the default weights). Construction and insertion moves open a new trip only when no
     * existing one can take the food for less.
     */
    public long newTripMillis() {
        long perTrip = trips.softScore() * FoodnetConstraints.TRIP_MILLIS;
        long perMilli = driving.softScore();
        if (perTrip <= 0) {
            return 0;
        }
        return perMilli <= 0 ? Long.MAX_VALUE / 4 : perTrip / perMilli;
    }

    private void multiply(String name, long f) {
        switch (name) {
            case FoodnetConstraints.PAIR -> pair = pair.multiply(f);
            case FoodnetConstraints.PRECEDENCE -> precedence = precedence.multiply(f);
            case FoodnetConstraints.LOT_AVAILABLE -> lotAvailable = lotAvailable.multiply(f);
            case FoodnetConstraints.CAPACITY -> capacity = capacity.multiply(f);
            case FoodnetConstraints.OPENING -> opening = opening.multiply(f);
            case FoodnetConstraints.AVAILABILITY -> availability = availability.multiply(f);
            case FoodnetConstraints.DAY_LENGTH -> dayLength = dayLength.multiply(f);
            case FoodnetConstraints.USE_BY -> useBy = useBy.multiply(f);
            case FoodnetConstraints.SERVING_DAY -> servingDay = servingDay.multiply(f);
            case FoodnetConstraints.STORAGE -> storage = storage.multiply(f);
            case FoodnetConstraints.RECIPIENT_STORAGE -> recipientStorage = recipientStorage.multiply(f);
            case FoodnetConstraints.UNDELIVERED -> undelivered = undelivered.multiply(f);
            case FoodnetConstraints.FAIR_SHARES -> fairShares = fairShares.multiply(f);
            case FoodnetConstraints.DRIVING -> driving = driving.multiply(f);
            case FoodnetConstraints.TRIPS -> trips = trips.multiply(f);
            case FoodnetConstraints.BALANCE -> balance = balance.multiply(f);
            case FoodnetConstraints.STRANDED -> stranded = stranded.multiply(f);
            case FoodnetConstraints.STABILITY -> stability = stability.multiply(f);
            default -> throw new IllegalArgumentException("unknown rule \"" + name + "\"; known rules: "
                    + String.join(", ", FoodnetConstraints.NAMES));
        }
    }

    /** Rule name -> weight as "hard/medium/soft" text, in the order of {@link FoodnetConstraints#NAMES}. */
    public Map<String, String> describe() {
        Map<String, String> map = new LinkedHashMap<>();
        HardMediumSoftLongScore[] all = {pair, precedence, lotAvailable, capacity, opening, availability, dayLength,
                useBy, servingDay, storage, recipientStorage, undelivered, fairShares, driving, trips, balance, stranded,
                stability};
        for (int i = 0; i < all.length; i++) {
            map.put(FoodnetConstraints.NAMES.get(i), all[i].toString());
        }
        return map;
    }
}
