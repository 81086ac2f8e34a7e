package org.foodnet.data.stock;

import java.time.Instant;

/**
 * One row of the stock ledger: {@code grams} of a lot moved out of {@code fromSiteId} (if any) into
 * {@code toSiteId} (if any). A delivery names its recipient; a correction the row it corrects.
 *
 * @param sequence  the row's number in the ledger (ascending in the order rows were written)
 * @param corrects  for a correction, the sequence of the corrected row
 * @param replayed  true when this call did not write the row because its operation id was already applied
 */
public record LedgerEntry(long sequence, String operationId, EntryKind kind, String lotId, String fromSiteId,
                          String toSiteId, String recipientId, long grams, Long corrects, String reason,
                          Instant occurredAt, Instant recordedAt, String recordedBy, boolean replayed) {

    /** The change this row makes to the stock of its lot at a site. */
    public long deltaAt(String siteId) {
        long delta = 0;
        if (siteId.equals(toSiteId)) {
            delta += grams;
        }
        if (siteId.equals(fromSiteId)) {
            delta -= grams;
        }
        return delta;
    }
}
