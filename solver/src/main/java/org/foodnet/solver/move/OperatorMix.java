package org.foodnet.solver.move;

import java.util.Arrays;
import java.util.Random;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * How often each kind of move is tried, adapted while solving (adaptive large neighbourhood search, after
 * Ropke and Pisinger 2006): every kind starts at its base share; the move a step accepts earns its kind a
 * reward (a new best plan most, a better plan than before the step less, a worse plan that the late
 * acceptance took a little); every {@link #SEGMENT} steps each kind's share moves a fraction {@link #REACTION}
 * towards its reward per unit of cost (what its tries cost to find and to score), never below {@link #FLOOR}
 * and never above {@link #CAP} times its base share. A month plan and a literature instance thus each get the mix that pays for them.
 * <p>
 * The solver thread asks for moves one by one and stops a step at the first accepted one (accepted count
 * limit 1), so the last move handed out before the next step is the one the step took. Costs are counts
 * (visits), never time, so a run with a fixed seed and a step limit stays reproducible. With move threads,
 * moves are evaluated ahead and the last one handed out is not the one taken: the mix then stays at the base
 * shares.
 */
final class OperatorMix {

    /**
     * The kinds of move and their base shares. Ruins start low: fixed at 10 % and 4 % they helped the
     * literature's routes-first objective but cost deliveries in the demo month at 30 s (measured 2026-12-01).
     */
    enum Kind {
        REPLAN_UNDELIVERED(6), REPLAN_ANY(6), RUIN_NEAR(3), RUIN_TRIP(1), RELOCATE(14), NEAR_RELOCATE(10), NEAR_SWAP(6),
        NEAR_TWO_OPT_STAR(8), NEAR_TWO_OPT(6), REORDER_VISIT(16), REORDER_STOP(11), DELIVER(14), DROP(3),
        /** Food for a recipient below its floor onto a trip that can make its scarcest hop, richer recipients' food off it. */
        FAIR_SWAP(3),
        /**
         * Route elimination with an ejection pool (a trip fewer, or nothing changes); never above its base share:
         * a try costs ~10 ms where the others cost ~0.1 ms, and after late acceptance has let a trip back in, it
         * wins rewards by emptying it again, so left to grow it took time from the distance moves (2026-12-07).
         */
        ELIMINATE(0.25),
        /** Only in a re-plan: food back onto the trip that carried it in the previous plan. */
        RESTORE(12);

        final double base;

        Kind(double base) {
            this.base = base;
        }
    }

    static final int SEGMENT = 500;
    static final double REACTION = 0.1;
    static final double FLOOR = 0.25;
    /**
     * Most a kind's share may grow, times its base share: ruins win many rewards per try on the literature's
     * routes-first objective but, left unbounded, starve the cheap moves (and in a re-plan empty trips that
     * volunteers were already told about); 3 keeps them near the 10 %/4 % measured best on the literature.
     */
    static final double CAP = 3;
    static final double REWARD_BEST = 10;
    static final double REWARD_BETTER = 4;
    static final double REWARD_ACCEPTED = 0.5;
    /**
     * Cost units per visit on a changed trip (scoring) and per visit looked at while searching: calibrated so
     * that cost follows time per try (measured on r1_2_6 with -Dfoodnet.debug=true: a reorder ~70 us and ~150
     * units, a ruin ~480 us and ~1000 units; searching runs over plain arrays and costs little).
     */
    static final double SCORING = 4;
    static final double SEARCHING = 0.02;

    private static final Kind[] KINDS = Kind.values();

    private final boolean adaptive;
    private final double[] base = new double[KINDS.length];
    private final double[] share = new double[KINDS.length];
    private final double[] reward = new double[KINDS.length];
    private final double[] cost = new double[KINDS.length];
    private double total;
    private Kind last;
    private HardMediumSoftLongScore before;
    private HardMediumSoftLongScore best;
    private int steps;

    OperatorMix(boolean adaptive) {
        this(adaptive, false, true);
    }

    /**
     * With {@code replan}, {@link Kind#RESTORE} is tried too (never otherwise); without {@code eliminate},
     * {@link Kind#ELIMINATE} never is.
     */
    OperatorMix(boolean adaptive, boolean replan, boolean eliminate) {
        this.adaptive = adaptive;
        for (Kind k : KINDS) {
            base[k.ordinal()] = k == Kind.RESTORE && !replan || k == Kind.ELIMINATE && !eliminate ? 0 : k.base;
            share[k.ordinal()] = base[k.ordinal()];
        }
        total();
    }

    /**
     * Whether route elimination ({@link Kind#ELIMINATE}) may be drawn: only while every parcel that can be is
     * delivered (medium score 0). It empties a trip by packing the others, which pays on the literature's
     * routes-first objective; in a month that still leaves food undelivered, that room on the trips is better
     * kept for more food (measured on the demo month, seeds 1-2 at 30 s: with it always on, the medium score
     * ended 4-5 times worse). While it may not be drawn, its share is kept as it is.
     */
    private boolean eliminateAllowed;

    private double drawn(int i) {
        return i == Kind.ELIMINATE.ordinal() && !eliminateAllowed ? 0 : share[i];
    }

    private void total() {
        total = 0;
        for (int i = 0; i < KINDS.length; i++) {
            total += drawn(i);
        }
    }

    /** A kind drawn by share; counted as tried. */
    Kind next(Random random) {
        if (DEBUG) {
            long now = System.nanoTime();
            if (last != null) {
                debugNanos[last.ordinal()] += now - debugAt;
                debugTries[last.ordinal()]++;
            }
            debugAt = now;
        }
        double x = random.nextDouble() * total;
        Kind kind = KINDS[KINDS.length - 1];
        for (Kind k : KINDS) {
            x -= drawn(k.ordinal());
            if (x < 0) {
                kind = k;
                break;
            }
        }
        last = kind;
        return kind;
    }

    /**
     * What trying a move of this kind cost: visits looked at to find it plus, weighted by {@link #SCORING},
     * visits on the trips it changes (scoring re-times those trips); counts, not time, so runs stay reproducible.
     */
    void cost(Kind kind, long searched, long touched) {
        double c = 1 + searched * SEARCHING + SCORING * touched;
        cost[kind.ordinal()] += c;
        if (DEBUG) {
            debugCost[kind.ordinal()] += c;
        }
    }

    /** A new step starts on a plan with this score: the previous step's move (the last one handed out) made it. */
    void stepStarted(HardMediumSoftLongScore score) {
        boolean allowed = score != null && score.isSolutionInitialized() && score.hardScore() == 0 && score.mediumScore() == 0;
        if (allowed != eliminateAllowed) {
            eliminateAllowed = allowed;
            total();
        }
        if (!adaptive || score == null || !score.isSolutionInitialized()) {
            return;
        }
        if (before != null && last != null) {
            int vsBefore = score.compareTo(before);
            double r = best != null && score.compareTo(best) > 0 ? REWARD_BEST
                    : vsBefore > 0 ? REWARD_BETTER : vsBefore < 0 ? REWARD_ACCEPTED : 0;
            reward[last.ordinal()] += r;
        }
        if (best == null || score.compareTo(best) > 0) {
            best = score;
        }
        before = score;
        last = null;
        if (++steps % SEGMENT == 0) {
            adapt();
        }
    }

    private void adapt() {
        double[] rate = new double[KINDS.length];
        double sum = 0;
        for (int i = 0; i < KINDS.length; i++) {
            rate[i] = cost[i] == 0 ? 0 : reward[i] / cost[i];
            sum += rate[i];
        }
        if (sum > 0) {
            double baseTotal = Arrays.stream(base).sum();
            for (int i = 0; i < KINDS.length; i++) {
                if (i == Kind.ELIMINATE.ordinal() && !eliminateAllowed) {
                    continue; // not drawn: nothing learnt
                }
                double target = rate[i] / sum * baseTotal;
                share[i] = Math.min((i == Kind.ELIMINATE.ordinal() ? 1 : CAP) * base[i],
                        Math.max(FLOOR * base[i], (1 - REACTION) * share[i] + REACTION * target));
            }
            total();
        }
        Arrays.fill(reward, 0);
        Arrays.fill(cost, 0);
        if (DEBUG && steps % (SEGMENT * 10) == 0) {
            System.err.println("move mix after " + steps + " steps: " + this);
            StringBuilder sb = new StringBuilder("  per try (microseconds / cost units):");
            for (Kind k : KINDS) {
                int i = k.ordinal();
                sb.append(String.format(java.util.Locale.ROOT, " %s %.0f/%.0f", k, debugNanos[i] / 1e3 / Math.max(1, debugTries[i]),
                        debugCost[i] / Math.max(1, debugTries[i])));
            }
            System.err.println(sb);
        }
    }

    private static final boolean DEBUG = Boolean.getBoolean("foodnet.debug");
    private final double[] debugNanos = new double[KINDS.length];
    private final double[] debugCost = new double[KINDS.length];
    private final long[] debugTries = new long[KINDS.length];
    private long debugAt;

    /** A kind's base share in this mix (weight, not percent): {@link Kind#RESTORE} has none outside a re-plan. */
    double base(Kind kind) {
        return base[kind.ordinal()];
    }

    /** The current share of a kind, in percent of all moves (0 while it may not be drawn). */
    double percent(Kind kind) {
        return 100 * drawn(kind.ordinal()) / total;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : KINDS) {
            sb.append(String.format(java.util.Locale.ROOT, "%s %.1f%% ", k, percent(k)));
        }
        return sb.toString().trim();
    }
}
