package org.foodnet.api.network;

/** Rules for the external ids a client chooses (sites, vehicles, volunteers). */
public final class Ids {

    /** Letters, digits and . _ : - ; 1-64 characters. */
    public static final String PATTERN = org.foodnet.api.web.CsvCells.ID_PATTERN;
    public static final String MESSAGE = org.foodnet.api.web.CsvCells.ID_MESSAGE;

    private Ids() {
    }
}
