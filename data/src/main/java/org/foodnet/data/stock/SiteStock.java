package org.foodnet.data.stock;

import java.util.List;

import org.foodnet.solver.domain.ClassAmounts;

/** The stock on hand at one site: per lot, and totals per temperature class. */
public record SiteStock(String siteId, ClassAmounts totals, List<StockLine> lines) {

    public SiteStock {
        lines = List.copyOf(lines);
    }

    static SiteStock of(String siteId, List<StockLine> lines) {
        ClassAmounts totals = ClassAmounts.ZERO;
        for (StockLine line : lines) {
            totals = totals.with(line.temperature(), totals.get(line.temperature()) + line.grams());
        }
        return new SiteStock(siteId, totals, lines);
    }
}
