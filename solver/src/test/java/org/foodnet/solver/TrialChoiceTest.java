package org.foodnet.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which sharing goes on after the short trial searches (docs/planning-rules.md, "Who gets what"): the fairest,
 * unless it is near its sharing's ceiling (all its parcels delivered) while another sharing's ceiling is clearly higher.
 */
class TrialChoiceTest {

    /** The first sharing after its trial: low so far, but it gives the least served much more (seed 2's case). */
    private static final FoodnetSolver.Candidate FIRST = result(0.237, -20_000, 2_900_000, 0.720);
    /** A reshared sharing after its trial, near its ceiling (0.444 of 0.472). */
    private static final FoodnetSolver.Candidate NEAR = result(0.444, -5_000, 2_920_000, 0.472);

    private static FoodnetSolver.Candidate result(double least, double below, double delivered, double ceiling) {
        return new FoodnetSolver.Candidate(null, new double[] {least, below, delivered}, ceiling, Set.of());
    }

    @Test
    void theFairestGoesOnWhenItsSharingCanStillGiveMore() {
        var again = result(0.474, -5_000, 2_920_000, 0.600);
        assertThat(FoodnetSolver.afterTrials(List.of(FIRST, again))).isSameAs(again);
    }

    @Test
    void aSharingNearItsCeilingGivesWayToOneThatCanGiveClearlyMore() {
        // seed 2's case: the reshared sharing is near its ceiling (0.444 of 0.472), the first sharing gives the
        // least served more (ceiling 0.720 against 0.472) but needs a longer search to deliver it
        var third = result(0.413, -6_000, 2_910_000, 0.410);
        assertThat(FoodnetSolver.afterTrials(List.of(FIRST, NEAR, third))).isSameAs(FIRST);
    }

    @Test
    void nearItsCeilingItStaysWhenNoOtherSharingGivesClearlyMore() {
        var first = result(0.300, -20_000, 2_900_000, 0.500);
        assertThat(FoodnetSolver.afterTrials(List.of(first, NEAR))).isSameAs(NEAR);
    }

    @Test
    void amongTheRoomierTheFairestByTheSameOrderGoesOn() {
        var roomy = result(0.350, -9_000, 2_910_000, 0.650);
        assertThat(FoodnetSolver.afterTrials(List.of(FIRST, NEAR, roomy))).isSameAs(roomy);
    }

    @Test
    void tiesGoToTheOneTriedFirst() {
        var first = result(0.500, -1_000, 2_900_000, 0.800);
        var again = result(0.500, -1_000, 2_900_000, 0.800);
        assertThat(FoodnetSolver.afterTrials(List.of(first, again))).isSameAs(first);
        assertThat(FoodnetSolver.afterTrials(List.of())).isNull();
    }
}
