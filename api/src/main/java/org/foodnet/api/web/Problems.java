package org.foodnet.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.plan.StalePlan;
import org.foodnet.data.stock.ConflictingOperation;
import org.foodnet.solver.json.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error as RFC 9457 application/problem+json: a title, a detail in words, and for every 4xx an {@code errors}
 * list naming each field and the reason. Nothing a client sends should end as a 500. What "naming" means for
 * refusals that are not about one field of the body (api/README.md, "Errors"): {@code path} (no such address),
 * {@code method} (405), {@code Content-Type} (415), {@code Accept} (406), {@code body} (413, unreadable body),
 * {@code Authorization} (401), {@code role} (403), a header's or parameter's own name, and for a 404/409 of a
 * resource the path variable naming it ({@code id}, {@code lotId}, ...). Details never carry Java class names,
 * SQL constraint names or stack traces: those go to the log.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem e, HttpServletRequest request) {
        return respond(e.status(), e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Object> notFound(NoSuchElementException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler({IllegalArgumentException.class, InputFormatException.class})
    ResponseEntity<Object> invalid(RuntimeException e, HttpServletRequest request) {
        LOG.debug("Refused input", e);
        return respond(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ConstraintViolation.class)
    ResponseEntity<Object> refusedByDatabase(ConstraintViolation e, HttpServletRequest request) {
        LOG.info("Refused by the database: {} ({})", e.constraint(), e.getMessage());
        DatabaseRules.Words words = DatabaseRules.explain(e.constraint(), e.sqlState());
        return respond(words.status(), words.field() + ": " + words.reason(),
                List.of(new Problem.FieldError(words.field(), words.reason())), request);
    }

    /** Boot's jOOQ listener turns database errors into Spring's exceptions; a refused rule is still a 409. */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<Object> database(org.springframework.dao.DataAccessException e, HttpServletRequest request) {
        ConstraintViolation violation = ConstraintViolation.of(e).orElse(null);
        if (violation != null) {
            return refusedByDatabase(violation, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({StalePlan.class, IllegalStateException.class})
    ResponseEntity<Object> conflict(RuntimeException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ConflictingOperation.class)
    ResponseEntity<Object> reusedKey(ConflictingOperation e, HttpServletRequest request) {
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key was already used for a different request: "
                + e.getMessage(), List.of(new Problem.FieldError("Idempotency-Key", "already used for a different request")),
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "your role may not do this",
                List.of(new Problem.FieldError("role", "may not " + request.getMethod() + " " + request.getRequestURI())), request);
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<Object> tooLarge(BodyTooLarge e, HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of(new Problem.FieldError("body", e.getMessage())),
                request);
    }

    /**
     * A multipart body: no endpoint takes one (uploads are text/csv bodies), and multipart parsing is off
     * (spring.servlet.multipart.enabled=false); should a parser still meet one, it is the Content-Type's fault.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> multipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        String reason = "multipart bodies are not accepted: send application/json, or text/csv for uploads";
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + reason,
                List.of(new Problem.FieldError("Content-Type", reason)), request);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> invalidParameters(jakarta.validation.ConstraintViolationException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
    }

    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException e,
                                    HttpServletRequest request) {
        RejectedRequests.Field f = RejectedRequests.field(e);
        return respond(f.status(), f.name() + ": " + f.reason(), List.of(new Problem.FieldError(f.name(), f.reason())), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        BodyTooLarge tooLarge = causeOf(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        LOG.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; see the server log", List.of(), request);
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
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, servlet(request));
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
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = causeOf(ex, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, servlet(request));
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        Problem.FieldError error = json == null
                ? new Problem.FieldError("body", "the request body is missing or cannot be read")
                : jsonError(json, ex);
        LOG.debug("Unreadable body", ex);
        return respond(HttpStatus.BAD_REQUEST, error.field() + ": " + error.reason(), List.of(error), servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large",
                List.of(new Problem.FieldError("body", "is too large")), servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        Problem.FieldError error = pathLevel(ex, servlet);
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        if (status.is5xxServerError()) {
            LOG.error("Request failed", ex);
        }
        ResponseEntity<Object> response = respond(status, error == null ? null : error.field() + ": " + error.reason(),
                error == null ? List.of() : List.of(error), servlet);
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.addAll(headers);
        }
        h.addAll(response.getHeaders());
        h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(response.getBody(), h, response.getStatusCode());
    }

    /** The field a refusal of Spring MVC's own names, in words. */
    private static Problem.FieldError pathLevel(Exception ex, HttpServletRequest request) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return new Problem.FieldError("path", "there is nothing at " + (request == null ? "this address" : request.getRequestURI()));
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? "" : m.getSupportedHttpMethods().stream()
                    .map(Object::toString).collect(Collectors.joining(", "));
            return new Problem.FieldError("method", m.getMethod() + " is not allowed here"
                    + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException m) {
            return new Problem.FieldError("Content-Type", (m.getContentType() == null ? "missing" : "'" + m.getContentType() + "'")
                    + " is not accepted here; send " + m.getSupportedMediaTypes().stream().map(Object::toString)
                    .collect(Collectors.joining(" or ")));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException m) {
            return new Problem.FieldError("Accept", "this address answers only " + m.getSupportedMediaTypes().stream()
                    .map(Object::toString).collect(Collectors.joining(" or ")));
        }
        if (ex instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName();
            if (ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
                name = m.getName();
            }
            InputRules.Refused refused = causeOf(ex, InputRules.Refused.class);
            String reason = refused != null ? refused.getMessage()
                    : "must be " + describe(mismatch.getRequiredType()) + ", got '" + shorten(String.valueOf(mismatch.getValue())) + "'";
            return new Problem.FieldError(name == null ? "path" : name, reason);
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return new Problem.FieldError(missing.getHeaderName(), "required header is missing");
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return new Problem.FieldError(missing.getParameterName(), "required parameter is missing");
        }
        if (ex instanceof MissingPathVariableException missing) {
            return new Problem.FieldError(missing.getVariableName(), "is missing from the address");
        }
        if (ex instanceof org.springframework.web.context.request.async.AsyncRequestTimeoutException) {
            return null;
        }
        if (ex instanceof org.springframework.web.ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return new Problem.FieldError("request", response.getBody().getDetail() == null ? "cannot be handled"
                    : response.getBody().getDetail());
        }
        return null;
    }

    // --- JSON bodies ---------------------------------------------------------------------------------------------

    private static Problem.FieldError jsonError(JacksonException json, Exception whole) {
        String field = path(json);
        String reason;
        if (json instanceof InputRulesModule.InputRefused) {
            reason = json.getOriginalMessage();
        } else if (json instanceof UnrecognizedPropertyException unknown) {
            reason = "is not a field of this request" + (unknown.getKnownPropertyIds() == null ? ""
                    : " (fields: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")) + ")");
            if (field.isEmpty()) {
                field = String.valueOf(unknown.getPropertyName());
            }
        } else if (json instanceof ValueInstantiationException) {
            Throwable cause = json.getCause();
            reason = cause != null && cause.getMessage() != null ? cause.getMessage() : "is not valid";
        } else if (json instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(json.getOriginalMessage());
            if (original.startsWith("Missing required") || original.contains("missing")) {
                reason = "is required";
            } else if (original.contains("Trailing token")) {
                reason = "must hold one JSON value, with nothing after it";
            } else if (original.contains("No content to map") || original.contains("end-of-input")) {
                reason = "the request body is empty or ends too early";
                field = field.isEmpty() ? "body" : field;
            } else if (mismatch.getTargetType() != null) {
                reason = "must be " + describe(mismatch.getTargetType());
                if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                    reason += ", got '" + shorten(String.valueOf(invalid.getValue())) + "'";
                }
            } else {
                reason = "has the wrong type";
            }
        } else if (json instanceof InputCoercionException) {
            reason = "is too large a number";
        } else if (json instanceof StreamReadException && String.valueOf(json.getOriginalMessage()).startsWith("Duplicate")) {
            reason = "appears twice; give each field once";
        } else if (json instanceof StreamReadException) {
            var at = json.getLocation();
            reason = "not valid JSON" + (at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr());
            if (field.isEmpty()) {
                field = "body";
            }
        } else {
            reason = "cannot be read";
        }
        return new Problem.FieldError(field.isEmpty() ? "body" : field, Sanitize.words(firstLine(reason)));
    }

    /** The field a JSON error is about: Jackson's path, else where the parser was. */
    private static String path(JacksonException e) {
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
        if (path.isEmpty() && e.processor() instanceof JsonParser parser) {
            try {
                List<String> parts = new ArrayList<>();
                for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
                    if (c.inObject() && c.currentName() != null) {
                        parts.add(0, c.currentName());
                    } else if (c.inArray() && c.hasCurrentIndex()) {
                        parts.add(0, "[" + c.getCurrentIndex() + "]");
                    }
                }
                for (String p : parts) {
                    if (!path.isEmpty() && !p.startsWith("[")) {
                        path.append('.');
                    }
                    path.append(p);
                }
            } catch (RuntimeException ignored) {
                // no position known
            }
        }
        return path.toString();
    }

    /** A Java type in the words of the API. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer", "short", "Short", "byte", "Byte", "BigInteger" -> "a whole number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "text";
            case "LocalDate" -> "a date like 2026-12-04";
            case "YearMonth" -> "a month like 2026-12";
            case "LocalTime" -> "a time of day like 09:30";
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> "a date and time like 2026-12-04T09:30:00+09:00";
            default -> java.util.Collection.class.isAssignableFrom(type) || type.isArray() ? "a list"
                    : Map.class.isAssignableFrom(type) ? "an object of names and values" : "an object";
        };
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The answer: problem+json; a 4xx without a named field names the resource's path variable, or the body. */
    static ResponseEntity<Object> respond(HttpStatus status, String detail, List<Problem.FieldError> errors,
                                          HttpServletRequest request) {
        // in the asked language (web.Translations): the detail and each reason; field names stay as the request spells them
        detail = Translations.forRequest(detail, request);
        List<Problem.FieldError> named = errors.stream()
                .map(e -> new Problem.FieldError(e.field(), Translations.forRequest(e.reason(), request))).toList();
        if (named.isEmpty() && status.is4xxClientError()) {
            named = List.of(new Problem.FieldError(defaultField(status, request), Sanitize.words(
                    detail == null ? status.getReasonPhrase() : detail)));
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.detail(status, detail, named, request == null ? null : request.getRequestURI()));
    }

    @SuppressWarnings("unchecked")
    private static String defaultField(HttpStatus status, HttpServletRequest request) {
        if (status == HttpStatus.UNAUTHORIZED) {
            return "Authorization";
        }
        if (status == HttpStatus.FORBIDDEN) {
            return "role";
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            return "body";
        }
        if (request != null) {
            Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (vars instanceof Map<?, ?> map && !map.isEmpty()) {
                List<String> names = new ArrayList<>(((Map<String, String>) map).keySet());
                if (status == HttpStatus.NOT_FOUND || status == HttpStatus.CONFLICT) {
                    return names.get(names.size() - 1);
                }
            }
            if (status == HttpStatus.NOT_FOUND) {
                return "path";
            }
            if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                return "body";
            }
        }
        return "request";
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest() : null;
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

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
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
