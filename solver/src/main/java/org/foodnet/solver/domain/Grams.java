package org.foodnet.solver.domain;

import java.math.BigDecimal;

/** Conversions between exact grams and the kilograms people read and type. */
public final class Grams {

    private Grams() {
    }

    public static long ofKg(double kg) {
        return Math.round(kg * 1000.0);
    }

    public static double toKg(long grams) {
        return grams / 1000.0;
    }

    /** "12.5 kg" style text, at most three decimals, no trailing zeros. */
    public static String kgText(long grams) {
        return BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString() + " kg";
    }
}
