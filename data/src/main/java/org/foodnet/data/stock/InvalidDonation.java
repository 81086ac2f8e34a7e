package org.foodnet.data.stock;

/** A donation that names a site it may not: {@code field} is the request's field at fault, the message says why. */
public final class InvalidDonation extends RuntimeException {

    private final String field;

    public InvalidDonation(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
