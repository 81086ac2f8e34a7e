package org.foodnet.api.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the api itself decides (not found, wrong state, not allowed), answered as problem+json.
 *
 * @param errors the fields at fault, each with its reason (may be empty)
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public Problem(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public Problem(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, what);
    }

    public static Problem badField(String field, String reason) {
        return new Problem(HttpStatus.BAD_REQUEST, field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field at fault: its path in the request ("slots[0].from", "month", "Idempotency-Key") and why. */
    public record FieldError(String field, String reason) {
    }
}
