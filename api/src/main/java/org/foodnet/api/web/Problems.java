package org.foodnet.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.plan.StalePlan;
import org.foodnet.data.stock.ConflictingOperation;
import org.foodnet.solver.json.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error as RFC 9457 application/problem+json: a title, a detail in words, and for bad input an
 * {@code errors} list naming each field and the reason. Nothing a client sends should end as a 500.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem e) {
        return respond(e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Object> notFound(NoSuchElementException e) {
        return respond(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler({IllegalArgumentException.class, InputFormatException.class})
    ResponseEntity<Object> invalid(RuntimeException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConstraintViolation.class)
    ResponseEntity<Object> refusedByDatabase(ConstraintViolation e) {
        ResponseEntity<Object> response = respond(HttpStatus.CONFLICT, e.getMessage(),
                e.constraint().isEmpty() ? List.of() : List.of(new Problem.FieldError(e.constraint(), e.getMessage())));
        ((ProblemDetail) response.getBody()).setProperty("rule", e.constraint());
        return response;
    }

    /** Boot's jOOQ listener turns database errors into Spring's exceptions; a refused rule is still a 409. */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<Object> database(org.springframework.dao.DataAccessException e) {
        ConstraintViolation violation = ConstraintViolation.of(e).orElse(null);
        if (violation != null) {
            return refusedByDatabase(violation);
        }
        return unexpected(e);
    }

    @ExceptionHandler({StalePlan.class, IllegalStateException.class})
    ResponseEntity<Object> conflict(RuntimeException e) {
        return respond(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictingOperation.class)
    ResponseEntity<Object> reusedKey(ConflictingOperation e) {
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key was already used for a different request: "
                + e.getMessage(), List.of(new Problem.FieldError("Idempotency-Key", "already used for a different request")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<Object> tooLarge(BodyTooLarge e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> invalidParameters(jakarta.validation.ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        BodyTooLarge tooLarge = causeOf(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        LOG.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; see the server log", List.of());
    }

    // --- Spring MVC's own exceptions, with field names -----------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new Problem.FieldError(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new Problem.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = nameOf(result.getMethodParameter());
            result.getResolvableErrors().forEach(e -> errors.add(new Problem.FieldError(
                    e instanceof org.springframework.validation.FieldError f ? f.getField() : name, e.getDefaultMessage())));
        }
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = causeOf(ex, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        DatabindException databind = causeOf(ex, DatabindException.class);
        if (databind != null) {
            String field = path(databind);
            String reason = databind.getOriginalMessage();
            IllegalArgumentException domain = causeOf(ex, IllegalArgumentException.class);
            if (domain != null && domain.getMessage() != null) {
                reason = domain.getMessage();
            }
            reason = firstLine(reason);
            return respond(HttpStatus.BAD_REQUEST, (field.isEmpty() ? "" : field + ": ") + reason,
                    List.of(new Problem.FieldError(field.isEmpty() ? "$" : field, reason)));
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        String reason = json != null ? "not valid JSON: " + firstLine(json.getOriginalMessage())
                : "the request body is missing or cannot be read";
        return respond(HttpStatus.BAD_REQUEST, reason, List.of(new Problem.FieldError("$", reason)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
                String reason = "must be a valid " + (mismatch.getRequiredType() == null ? "value"
                        : mismatch.getRequiredType().getSimpleName()) + ", got '" + mismatch.getValue() + "'";
                detail.setDetail(mismatch.getName() + ": " + reason);
                detail.setProperty("errors", List.of(new Problem.FieldError(mismatch.getName(), reason)));
            } else if (ex instanceof MissingRequestHeaderException missing) {
                detail.setProperty("errors", List.of(new Problem.FieldError(missing.getHeaderName(), "required header is missing")));
            } else if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException missing) {
                detail.setProperty("errors", List.of(new Problem.FieldError(missing.getParameterName(), "required parameter is missing")));
            }
            HttpHeaders h = new HttpHeaders();
            h.addAll(response.getHeaders());
            h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(detail, h, response.getStatusCode());
        }
        return response;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static ResponseEntity<Object> respond(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? status.getReasonPhrase() : detail);
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String summary(List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            return "invalid request";
        }
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList());
    }

    /** The name a client knows a parameter by: the header, query parameter or path variable name. */
    private static String nameOf(org.springframework.core.MethodParameter p) {
        var header = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        var param = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return p.getParameterName();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid value";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
