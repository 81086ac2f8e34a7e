package org.foodnet.api.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code /error}) as problem+json, in place of Boot's: what the servlet container refuses before
 * Spring MVC sees it (a malformed address, an encoded NUL, a body over the container's limit), errors thrown in
 * filters, and a direct {@code GET /error} (404 naming {@code path}: there is no page there).
 */
@Controller
class ErrorPage implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPage.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (status == null || (code == null && thrown == null)) {
            ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "there is nothing at " + request.getRequestURI(), "path",
                    "there is nothing at " + request.getRequestURI());
            return;
        }
        BodyTooLarge tooLarge = Problems.causeOf(thrown, BodyTooLarge.class);
        if (tooLarge != null) {
            ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), "body", tooLarge.getMessage());
            return;
        }
        if (status.is5xxServerError()) {
            LOG.error("Request to {} failed with {}", uri, status.value(), thrown);
            ProblemResponses.write(request, response, status, "unexpected error; see the server log", null, null);
            return;
        }
        String field = switch (status) {
            case UNAUTHORIZED -> "Authorization";
            case FORBIDDEN -> "role";
            case CONTENT_TOO_LARGE -> "body";
            case METHOD_NOT_ALLOWED -> "method";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type";
            case NOT_ACCEPTABLE -> "Accept";
            default -> "path";
        };
        String reason = switch (status) {
            case NOT_FOUND -> "there is nothing at " + uri;
            case BAD_REQUEST -> "the request cannot be read (address, headers or body are malformed)";
            default -> status.getReasonPhrase();
        };
        ProblemResponses.write(request, response, status, reason, field, reason);
    }
}
