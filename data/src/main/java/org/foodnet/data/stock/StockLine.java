package org.foodnet.data.stock;

import java.time.LocalDate;

import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;

/** How much of one lot is on hand at one site. */
public record StockLine(String siteId, String lotId, String category, TemperatureClass temperature, long grams,
                        LocalDate expiryDate, ExpiryKind expiryKind) {
}
