package org.foodnet.api.web;

/** A request body over the configured limit (foodnet.max-body-bytes). */
class BodyTooLarge extends RuntimeException {
    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
