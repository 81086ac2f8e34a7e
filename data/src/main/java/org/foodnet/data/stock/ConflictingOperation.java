package org.foodnet.data.stock;

/** An operation id that was already used for a different ledger operation (a client bug, not a retry). */
public final class ConflictingOperation extends RuntimeException {

    private final LedgerEntry existing;

    public ConflictingOperation(String operationId, LedgerEntry existing) {
        super("operation " + operationId + " was already applied as a different operation: " + existing.kind() + " of "
                + existing.grams() + " g of lot " + existing.lotId());
        this.existing = existing;
    }

    public LedgerEntry existing() {
        return existing;
    }
}
