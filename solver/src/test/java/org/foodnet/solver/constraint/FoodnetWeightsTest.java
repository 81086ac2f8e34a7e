package org.foodnet.solver.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.foodnet.solver.model.PlanFixture.leg;

import java.time.Duration;
import java.util.Map;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.Parcel;
import org.foodnet.solver.model.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;

/** A coordinator's per-plan weights: a factor on one rule multiplies that rule's score and nothing else. */
class FoodnetWeightsTest extends ConstraintTestSupport {

    private static SolutionManager<MonthPlan, HardMediumSoftLongScore> scores;

    @BeforeAll
    static void scoreCalculation() {
        scores = SolutionManager.create(SolverFactory.create(FoodnetSolver.solverConfig(SolveOptions.of(Duration.ofSeconds(1)))));
    }

    /** Two trips, one parcel delivered, one moved part way and one not moved. */
    private static MonthPlan plan(FoodnetWeights weights) {
        PlanFixture fx = PlanFixture.of(small()).weights(weights);
        Parcel delivered = fx.parcel("lot-1", "caf-1", day(10), 10.0, DONOR1_TO_CAF1);
        Parcel partWay = fx.parcel("lot-1", "caf-2", day(12), 10.0, DONOR1_TO_CAF2);
        fx.parcel("lot-1", "caf-1", day(20), 10.0, DONOR1_TO_CAF1);
        fx.deliver(fx.trip("drv-1", 9), delivered);
        fx.carry(fx.trip("drv-3", 7), leg(partWay, 1));
        return fx.plan();
    }

    private static ScoreExplanation<MonthPlan, HardMediumSoftLongScore> explain(FoodnetWeights weights) {
        return scores.explain(plan(weights), SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
    }

    private static HardMediumSoftLongScore ruleScore(ScoreExplanation<MonthPlan, HardMediumSoftLongScore> e, String rule) {
        ConstraintMatchTotal<HardMediumSoftLongScore> total = e.getConstraintMatchTotalMap()
                .get(ConstraintMatchTotal.composeConstraintId(FoodnetConstraints.PACKAGE, rule));
        return total == null ? HardMediumSoftLongScore.ZERO : total.getScore();
    }

    @Test
    void scalingTripsByFiveMultipliesTheTripsScoreByFive() {
        ScoreExplanation<MonthPlan, HardMediumSoftLongScore> plain = explain(new FoodnetWeights());
        ScoreExplanation<MonthPlan, HardMediumSoftLongScore> scaled = explain(FoodnetWeights.scaled(Map.of("Trips", 5L)));

        assertThat(ruleScore(plain, FoodnetConstraints.TRIPS)).isEqualTo(HardMediumSoftLongScore.ofSoft(-2 * HOUR));
        assertThat(ruleScore(scaled, FoodnetConstraints.TRIPS)).isEqualTo(HardMediumSoftLongScore.ofSoft(-5 * 2 * HOUR));
        for (String rule : FoodnetConstraints.NAMES) {
            if (!rule.equals(FoodnetConstraints.TRIPS)) {
                assertThat(ruleScore(scaled, rule)).as(rule).isEqualTo(ruleScore(plain, rule));
            }
        }
        assertThat(scaled.getScore()).isEqualTo(plain.getScore().add(HardMediumSoftLongScore.ofSoft(-4 * 2 * HOUR)));
    }

    @Test
    void theDefaultWeightsCountEveryRuleOnceInItsLevel() {
        ScoreExplanation<MonthPlan, HardMediumSoftLongScore> plain = explain(new FoodnetWeights());
        // medium: 20 kg of ambient rice (urgency 1) undelivered; caf-2 gets none of its 10 kg (6 kg below its
        // floor: 4·B + 16·B²÷F = 20 per gram), caf-1 10 of its 20 kg (2 kg below its floor of 12 kg: 8,000 + 5,333)
        assertThat(plain.getScore().mediumScore()).isEqualTo(-20_000 - 20 * 6_000 - (8_000 + 5_333));
        assertThat(ruleScore(plain, FoodnetConstraints.STRANDED)).isEqualTo(HardMediumSoftLongScore.ofSoft(-10_000 * 100));
        assertThat(plain.getScore().hardScore()).isZero();
    }

    @Test
    void weightZeroSwitchesARuleOff() {
        ScoreExplanation<MonthPlan, HardMediumSoftLongScore> plain = explain(new FoodnetWeights());
        ScoreExplanation<MonthPlan, HardMediumSoftLongScore> off = explain(FoodnetWeights.scaled(Map.of("Stranded food", 0L)));

        assertThat(ruleScore(off, FoodnetConstraints.STRANDED)).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(off.getScore()).isEqualTo(plain.getScore().subtract(ruleScore(plain, FoodnetConstraints.STRANDED)));
    }

    @Test
    void unknownRuleNameIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> FoodnetWeights.scaled(Map.of("Trip count", 5L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Trip count")
                .hasMessageContaining(String.join(", ", FoodnetConstraints.NAMES));
    }

    @Test
    void negativeFactorIsRefused() {
        assertThatThrownBy(() -> FoodnetWeights.scaled(Map.of("Trips", -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Trips");
    }

    @Test
    void describeListsEveryRuleWithItsWeight() {
        Map<String, String> described = FoodnetWeights.scaled(Map.of("Trips", 5L)).describe();
        assertThat(described.keySet()).containsExactlyElementsOf(FoodnetConstraints.NAMES);
        assertThat(described.get(FoodnetConstraints.TRIPS)).isEqualTo(HardMediumSoftLongScore.ofSoft(5).toString());
        assertThat(described.get(FoodnetConstraints.PAIR)).isEqualTo(HardMediumSoftLongScore.ofHard(1).toString());
        assertThat(described.get(FoodnetConstraints.UNDELIVERED)).isEqualTo(HardMediumSoftLongScore.ofMedium(1).toString());
    }
}
