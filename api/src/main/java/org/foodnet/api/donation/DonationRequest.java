package org.foodnet.api.donation;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.foodnet.api.web.CsvCells;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * A donation as an organizer logs it.
 *
 * @param siteId        where the food is now: the donor (awaiting pickup) or the hub / a depot it was dropped off at
 * @param donorId       who gave it; left out: the site itself (a food-drive drop-off)
 * @param grams         whole grams (12.5 kg = 12500)
 * @param availableFrom first day it may be picked up; left out: today
 * @param earmarkedFor  a recipient the donor gave it to
 */
record DonationRequest(@NotBlank @Pattern(regexp = CsvCells.ID_PATTERN, message = CsvCells.ID_MESSAGE) String siteId,
                       @Pattern(regexp = CsvCells.ID_PATTERN, message = CsvCells.ID_MESSAGE) String donorId,
                       @NotBlank @Size(max = 50) String category,
                       @NotNull TemperatureClass temperature,
                       @NotNull @Positive @Max(10_000_000) Long grams,
                       @NotNull LocalDate expiryDate,
                       ExpiryKind expiryKind,
                       LocalDate availableFrom,
                       @Pattern(regexp = CsvCells.ID_PATTERN, message = CsvCells.ID_MESSAGE) String earmarkedFor) {
}
