package org.foodnet.solver.domain;

/**
 * A mass per temperature class, in grams (exact integers: a kilo of food is never lost to rounding).
 * Used for storage capacities, vehicle capacities and recipients' needs.
 */
public record ClassAmounts(long ambientGrams, long chilledGrams, long frozenGrams) {

    public static final ClassAmounts ZERO = new ClassAmounts(0, 0, 0);

    public ClassAmounts {
        if (ambientGrams < 0 || chilledGrams < 0 || frozenGrams < 0) {
            throw new IllegalArgumentException("amounts per temperature class must be >= 0 grams, got "
                    + ambientGrams + "/" + chilledGrams + "/" + frozenGrams);
        }
    }

    public static ClassAmounts ofKg(double ambientKg, double chilledKg, double frozenKg) {
        return new ClassAmounts(Grams.ofKg(ambientKg), Grams.ofKg(chilledKg), Grams.ofKg(frozenKg));
    }

    public long get(TemperatureClass temperature) {
        return switch (temperature) {
            case AMBIENT -> ambientGrams;
            case CHILLED -> chilledGrams;
            case FROZEN -> frozenGrams;
        };
    }

    public ClassAmounts with(TemperatureClass temperature, long grams) {
        return switch (temperature) {
            case AMBIENT -> new ClassAmounts(grams, chilledGrams, frozenGrams);
            case CHILLED -> new ClassAmounts(ambientGrams, grams, frozenGrams);
            case FROZEN -> new ClassAmounts(ambientGrams, chilledGrams, grams);
        };
    }

    public ClassAmounts plus(ClassAmounts other) {
        return new ClassAmounts(ambientGrams + other.ambientGrams, chilledGrams + other.chilledGrams,
                frozenGrams + other.frozenGrams);
    }

    public long totalGrams() {
        return ambientGrams + chilledGrams + frozenGrams;
    }
}
