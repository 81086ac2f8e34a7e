package org.foodnet.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.foodnet.api.web.ProblemResponses;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web-facing protections, kept apart from the role rules in {@link SecurityConfiguration}:
 * <ul>
 * <li>login throttling ({@link LoginThrottle}) in front of form login and HTTP Basic: a throttled attempt is
 * answered 429 before any password is hashed;</li>
 * <li>CSRF tokens for the session (the pages): Spring Security's double-submit cookie {@code XSRF-TOKEN}, which
 * the pages' JavaScript sends back as the header {@code X-XSRF-TOKEN} (forms: the field {@code _csrf}); the login
 * form needs it too, so a cross-site login is refused;</li>
 * <li>for requests with their own {@code Authorization} header (scripts: HTTP Basic, Bearer), no token: a browser
 * never adds such a header to another site's request, except Basic credentials it cached after its own password
 * dialog, so writes the browser marks as sent from another site ({@code Sec-Fetch-Site}) are refused there;</li>
 * <li>response headers: a Content-Security-Policy without anything inline, Referrer-Policy, and Spring
 * Security's defaults (X-Content-Type-Options, X-Frame-Options, Cache-Control).</li>
 * </ul>
 */
final class WebProtection {

    /** The map tiles (js/coordinator-map.js); data: for Leaflet's blank placeholder image. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI (a developer's tool, from its WebJar) adds a style element of its own: the same policy, but inline
     * styles allowed there; scripts still only from this origin.
     */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private WebProtection() {
    }

    /** Every chain: security headers (a response that sets its own policy, like the printable route sheet, keeps it). */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.addHeaderWriter((request, response) -> {
                    if (!response.containsHeader("Content-Security-Policy")) {
                        response.setHeader("Content-Security-Policy",
                                request.getServletPath().startsWith("/swagger-ui/") ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
                    }
                })
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    /** The chain of requests with an Authorization header: no CSRF token, throttled Basic, no cross-site writes. */
    static void forCredentials(HttpSecurity http) throws Exception {
        LoginThrottle throttle = http.getSharedObject(ApplicationContext.class).getBean(LoginThrottle.class);
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new Throttled(throttle, WebProtection::basicUsername), BasicAuthenticationFilter.class)
                .addFilterBefore(new NoCrossSiteWrites(), BasicAuthenticationFilter.class);
    }

    /** The pages' chain (session): CSRF tokens in a cookie, throttled form login. */
    static void forSession(HttpSecurity http) throws Exception {
        LoginThrottle throttle = http.getSharedObject(ApplicationContext.class).getBean(LoginThrottle.class);
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();   // the pages' JS reads it
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new TokenInCookie())
                        .requireCsrfProtectionMatcher(WebProtection::needsToken))
                .addFilterBefore(new Throttled(throttle, WebProtection::formUsername), UsernamePasswordAuthenticationFilter.class);
    }

    /**
     * Writes that a session could authorise, and the login form. A write without any session has nothing a forged
     * request could use (this chain authenticates by the session only) and gets its 401 as before.
     */
    private static boolean needsToken(HttpServletRequest request) {
        if (!isWrite(request)) {
            return false;
        }
        return "/login".equals(request.getServletPath()) || request.getRequestedSessionId() != null
                || request.getSession(false) != null;
    }

    private static boolean isWrite(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /**
     * The token as it is in the cookie (header or form field; it is never written into a page, so BREACH's
     * masking is not needed), and the cookie set on every response of the chain that has none yet, so that a
     * page loaded from a static file finds it.
     */
    private static final class TokenInCookie extends CsrfTokenRequestAttributeHandler {
        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            token.get();
        }
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;   // not Base64: Spring Security's filter refuses it
        }
    }

    private static String formUsername(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return null;
        }
        return request.getParameter("username");
    }

    /** Answers 429 to a sign-in attempt of a throttled account or address, before the password is checked. */
    private static final class Throttled extends OncePerRequestFilter {
        private final LoginThrottle throttle;
        private final java.util.function.Function<HttpServletRequest, String> username;

        Throttled(LoginThrottle throttle, java.util.function.Function<HttpServletRequest, String> username) {
            this.throttle = throttle;
            this.username = username;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = username.apply(request);
            Optional<LoginThrottle.Refusal> refused = user == null ? Optional.empty()
                    : throttle.blockedFor(user, request.getRemoteAddr());
            if (refused.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            LoginThrottle.Refusal r = refused.get();
            String reason = (r.field().equals("username") ? "too many failed sign-ins for this account"
                    : "too many failed sign-ins from this address") + "; try again in " + r.seconds() + " seconds";
            response.setHeader("Retry-After", Long.toString(r.seconds()));
            problem(request, response, 429, "Too Many Requests", reason, r.field());
        }
    }

    /**
     * Writes (POST, PUT, PATCH, DELETE) that a browser marks as started by another site ({@code Sec-Fetch-Site:
     * cross-site} or {@code same-site}) are refused on the Authorization-header chain; scripts send no such header.
     */
    private static final class NoCrossSiteWrites extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String site = request.getHeader("Sec-Fetch-Site");
            if (isWrite(request) && site != null && !site.toLowerCase(Locale.ROOT).equals("same-origin")
                    && !site.toLowerCase(Locale.ROOT).equals("none")) {
                problem(request, response, 403, "Forbidden", "a write started by another web site is refused", "Sec-Fetch-Site");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** A problem+json answer naming {@code field}, written like every other one ({@link ProblemResponses}). */
    static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String reason, String field) throws IOException {
        ProblemResponses.write(request, response, HttpStatus.valueOf(status), field + ": " + reason, field, reason);
    }

}
