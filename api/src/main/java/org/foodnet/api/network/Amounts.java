package org.foodnet.api.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.foodnet.solver.domain.ClassAmounts;

/** Grams per temperature class (常温 / 冷蔵 / 冷凍), as in the file formats. */
public record Amounts(@NotNull @PositiveOrZero @Max(1_000_000_000L) Long ambientGrams,
                      @NotNull @PositiveOrZero @Max(1_000_000_000L) Long chilledGrams,
                      @NotNull @PositiveOrZero @Max(1_000_000_000L) Long frozenGrams) {

    public ClassAmounts toDomain() {
        return new ClassAmounts(ambientGrams, chilledGrams, frozenGrams);
    }
}
