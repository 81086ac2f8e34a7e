package org.foodnet.api.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json answers written outside Spring MVC's exception handling too (security's 401/403, the body-size
 * filter, the error page), in the same shape as {@link Problems}: title, status, detail in words, and
 * {@code errors: [{field, reason}]}.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** A problem detail; detail and reasons are cleaned of class and constraint names. */
    public static ProblemDetail detail(HttpStatus status, String detail, List<Problem.FieldError> errors, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                Sanitize.words(detail == null ? status.getReasonPhrase() : detail));
        problem.setType(URI.create("about:blank"));
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException ignored) {
                // an address that is not a URI is not repeated
            }
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> new Problem.FieldError(e.field(), Sanitize.words(e.reason()))).toList());
        }
        return problem;
    }

    /**
     * Writes a problem naming one field to a servlet response (filters, security handlers, the error page), its
     * detail and reason in the request's language ({@link Translations}, as {@link Problems} does); field names stay.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                             String field, String reason) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        detail = Translations.forRequest(detail, request);
        reason = Translations.forRequest(reason, request);
        response.resetBuffer();
        ProblemDetail problem = detail(status, detail, field == null ? List.of() : List.of(new Problem.FieldError(field, reason)),
                null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }
}
