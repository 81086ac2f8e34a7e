package org.foodnet.solver.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Small helpers around one {@link SplittableRandom} stream (only its stable primitives are used). */
final class Dice {

    private final SplittableRandom random;

    Dice(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream split off this one (deterministic given this stream's state). */
    Dice split() {
        return new Dice(random.split());
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo == hi ? lo : random.nextInt(lo, hi + 1);
    }

    /** Uniform double in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo == hi ? lo : random.nextDouble(lo, hi);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
