package org.foodnet.solver.move;

import java.util.Random;

import org.foodnet.solver.move.OperatorMix.Kind;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OperatorMixTest {

    /** Every step takes a move; only steps taken by {@code winner} improve the plan. */
    private static OperatorMix run(boolean adaptive, Kind winner, int steps) {
        OperatorMix mix = new OperatorMix(adaptive);
        Random random = new Random(5);
        long soft = -1_000_000;
        mix.stepStarted(HardMediumSoftLongScore.of(0, 0, soft));
        for (int s = 0; s < steps; s++) {
            Kind kind = mix.next(random);
            mix.cost(kind, 0, 10);
            soft += kind == winner ? 1 : -1;
            mix.stepStarted(HardMediumSoftLongScore.of(0, 0, soft));
        }
        return mix;
    }

    @Test
    void theKindThatImprovesThePlanGetsMoreOfTheMoves() {
        OperatorMix mix = run(true, Kind.NEAR_TWO_OPT_STAR, 20 * OperatorMix.SEGMENT);
        double total = java.util.Arrays.stream(Kind.values()).mapToDouble(mix::base).sum();
        double base = 100 * mix.base(Kind.NEAR_TWO_OPT_STAR) / total;
        assertThat(mix.percent(Kind.NEAR_TWO_OPT_STAR)).as("share of the improving kind, base share %.1f %%", base)
                .isGreaterThan(2.5 * base);
        for (Kind k : Kind.values()) {
            double floor = 100 * OperatorMix.FLOOR * mix.base(k) / total;
            assertThat(mix.percent(k)).as("%s keeps at least its floor", k).isGreaterThanOrEqualTo(floor * 0.99);
        }
    }

    @Test
    void cheaperKindWinsWhenRewardsAreEqual() {
        OperatorMix mix = new OperatorMix(true);
        Random random = new Random(9);
        long soft = -1_000_000;
        mix.stepStarted(HardMediumSoftLongScore.of(0, 0, soft));
        for (int s = 0; s < 20 * OperatorMix.SEGMENT; s++) {
            Kind kind = mix.next(random);
            // two kinds improve equally often; the ruin costs ten times as much per try
            mix.cost(kind, 0, kind == Kind.RUIN_NEAR ? 100 : 10);
            soft += kind == Kind.RUIN_NEAR || kind == Kind.RELOCATE ? 1 : -1;
            mix.stepStarted(HardMediumSoftLongScore.of(0, 0, soft));
        }
        assertThat(mix.percent(Kind.RELOCATE)).isGreaterThan(3 * mix.percent(Kind.RUIN_NEAR));
    }

    @Test
    void withoutAdaptationTheBaseSharesStay() {
        OperatorMix mix = run(false, Kind.NEAR_TWO_OPT_STAR, 20 * OperatorMix.SEGMENT);
        double total = java.util.Arrays.stream(Kind.values()).mapToDouble(mix::base).sum();
        for (Kind k : Kind.values()) {
            assertThat(mix.percent(k)).isCloseTo(100 * mix.base(k) / total, within(1e-9));
        }
    }

    @Test
    void restoreMovesOnlyInAReplan() {
        assertThat(new OperatorMix(true).percent(Kind.RESTORE)).isZero();
        assertThat(run(true, Kind.NEAR_TWO_OPT_STAR, 20 * OperatorMix.SEGMENT).percent(Kind.RESTORE)).isZero();
        OperatorMix replan = new OperatorMix(false, true, true);
        // before its first step a mix has no score: route elimination is not drawn yet
        assertThat(replan.percent(Kind.RESTORE)).isCloseTo(100 * Kind.RESTORE.base
                / java.util.Arrays.stream(Kind.values()).filter(k -> k != Kind.ELIMINATE).mapToDouble(k -> k.base).sum(),
                within(1e-9)).isPositive();
    }

    @Test
    void routeEliminationOnlyWhileEverythingDeliverableIsDelivered() {
        OperatorMix mix = new OperatorMix(true);
        assertThat(mix.percent(Kind.ELIMINATE)).as("no score yet").isZero();
        mix.stepStarted(HardMediumSoftLongScore.of(0, -5_000, -1_000_000));
        assertThat(mix.percent(Kind.ELIMINATE)).as("food undelivered").isZero();
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            assertThat(mix.next(random)).isNotEqualTo(Kind.ELIMINATE);
        }
        mix.stepStarted(HardMediumSoftLongScore.of(-1, 0, -1_000_000));
        assertThat(mix.percent(Kind.ELIMINATE)).as("a hard rule broken").isZero();
        mix.stepStarted(HardMediumSoftLongScore.of(0, 0, -1_000_000));
        double total = java.util.Arrays.stream(Kind.values()).mapToDouble(mix::base).sum();
        assertThat(mix.percent(Kind.ELIMINATE)).as("everything delivered")
                .isCloseTo(100 * mix.base(Kind.ELIMINATE) / total, within(1e-9)).isPositive();
        int drawn = 0;
        for (int i = 0; i < 20_000; i++) {
            drawn += mix.next(random) == Kind.ELIMINATE ? 1 : 0;
        }
        assertThat(drawn).isPositive();
    }

    @Test
    void noRouteEliminationWhenLeftOut() {
        OperatorMix mix = new OperatorMix(true, false, false);
        mix.stepStarted(HardMediumSoftLongScore.of(0, 0, -1_000_000));
        assertThat(mix.base(Kind.ELIMINATE)).isZero();
        assertThat(mix.percent(Kind.ELIMINATE)).as("everything delivered, yet not drawn").isZero();
        Random random = new Random(3);
        long soft = -1_000_000;
        for (int s = 0; s < 5 * OperatorMix.SEGMENT; s++) {
            Kind kind = mix.next(random);
            assertThat(kind).isNotEqualTo(Kind.ELIMINATE);
            mix.cost(kind, 0, 10);
            mix.stepStarted(HardMediumSoftLongScore.of(0, 0, ++soft));
        }
        assertThat(mix.percent(Kind.ELIMINATE)).as("not after adapting either").isZero();
    }
}
