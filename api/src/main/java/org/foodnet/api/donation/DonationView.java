package org.foodnet.api.donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;

/**
 * A logged donation: what was logged, its current grams after corrections, and its ledger rows.
 *
 * @param grams logged grams plus corrections
 */
record DonationView(String lotId, String siteId, String donorId, String category, TemperatureClass temperature,
                    long grams, LocalDate expiryDate, ExpiryKind expiryKind, LocalDate availableFrom, String earmarkedFor,
                    String loggedBy, OffsetDateTime loggedAt, List<Entry> ledger) {

    /** One ledger row of the lot. */
    record Entry(long sequence, String kind, String fromSiteId, String toSiteId, String recipientId, long grams,
                 Long corrects, String reason, OffsetDateTime occurredAt, String recordedBy) {
    }
}
