package org.foodnet.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.foodnet.api.web.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * HTTP Basic against the users in PostgreSQL; three roles. The web pages (static files, public) sign in with a
 * form ({@code /login.html} posting to {@code /login}) instead: that keeps a session cookie (SameSite=Strict, see
 * application.properties) which the pages' fetch/EventSource calls send; requests with Basic credentials go through
 * their own stateless chain, so scripts never get a session. CSRF tokens, login throttling and the security headers are
 * in {@link WebProtection}. Ownership (a driver's own trips, an organizer's own
 * donations) is checked in the use cases; the rules here say which role may call which path at all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String COORDINATOR = Role.COORDINATOR.name();
    static final String DRIVER = Role.DRIVER.name();
    static final String ORGANIZER = Role.ORGANIZER.name();

    /**
     * No observations of Spring Security's filters, authentications or authorizations: with them every request wrapped
     * each of the chain's ~15 filters in an observation object, even with the observations switched off by property
     * (measured in api/README.md, "Capacity"). The request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Requests that bring credentials in the Authorization header (scripts, curl, the API tests): HTTP Basic or a
     * personal API token ({@code Bearer}, checked before Basic); stateless, as before.
     */
    @Bean
    @Order(1)
    SecurityFilterChain basic(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher(request -> request.getHeader("Authorization") != null)
                .addFilterBefore(new BearerTokenFilter(tokens, SecurityConfiguration::badToken), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("foodnet").authenticationEntryPoint(SecurityConfiguration::unauthorized));
        WebProtection.forCredentials(http);   // no CSRF token, login throttling, no cross-site writes
        return rules(http);
    }

    /**
     * Everything else: the web pages and their calls. A form login ({@code /login}) keeps the user in the session;
     * without a session the API answers 401 as above.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"));
        WebProtection.forSession(http);   // CSRF tokens (cookie XSRF-TOKEN, header X-XSRF-TOKEN), login throttling
        return rules(http);
    }

    /** Which role may call which path (the same for both ways of signing in). */
    private static SecurityFilterChain rules(HttpSecurity http) throws Exception {
        // the request's network and the caller's role in it, from /api/networks/{networkId}/… or the caller's only one
        Accounts accounts = http.getSharedObject(ApplicationContext.class).getBean(Accounts.class);
        http.addFilterBefore(new NetworkFilter(accounts), AuthorizationFilter.class);
        WebProtection.headers(http);   // Content-Security-Policy, Referrer-Policy, Spring Security's defaults
        http.exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                WebProtection.problem(request, response, 403, "Forbidden", "this request did not come from Foodnet's own"
                                        + " pages (CSRF token missing or wrong); reload the page", "X-XSRF-TOKEN");
                            } else {
                                ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "your role may not " + request.getMethod() + " "
                                        + request.getRequestURI(), "role", "may not " + request.getMethod() + " " + request.getRequestURI());
                            }
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Prometheus: a coordinator (of any network; a personal API token: of its network), e.g. the
                        // scraper with a coordinator's token as its bearer credentials
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(coordinatorSomewhere(
                                        authentication.get(), accounts)))
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/*.html", "/driver-sw.js", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/*").permitAll()   // the token is the key
                        .requestMatchers("/api/me", "/api/me/tokens", "/api/me/tokens/*").authenticated()
                        .requestMatchers("/api/networks", "/api/me/networks").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/sites", "/api/sites/*").hasAnyRole(COORDINATOR, ORGANIZER)
                        .requestMatchers("/api/donations", "/api/donations/**", "/api/donations.csv").hasAnyRole(COORDINATOR, ORGANIZER)
                        .requestMatchers("/api/drivers/*/**").hasAnyRole(COORDINATOR, DRIVER)
                        .requestMatchers("/api/volunteers/*/slots", "/api/volunteers/*/slots/**").hasAnyRole(COORDINATOR, DRIVER)
                        .requestMatchers("/api/**").hasRole(COORDINATOR)
                        .anyRequest().authenticated());
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws IOException {
        // the web pages mark their calls; without the challenge the browser shows no password dialog of its own
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"foodnet\"");
        }
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic (user name and password)",
                "Authorization", "sign in with HTTP Basic (user name and password)");
    }

    private static void badToken(HttpServletRequest request, HttpServletResponse response,
                                 org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"foodnet\", error=\"invalid_token\"");
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "the API token (Authorization: Bearer) is unknown, revoked or malformed",
                "Authorization", "the API token is unknown, revoked or malformed");
    }

    /** Whether the caller is a coordinator in some network (a personal API token: in the token's network). */
    static boolean coordinatorSomewhere(org.springframework.security.core.Authentication auth, Accounts accounts) {
        if (auth == null || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return false;
        }
        String tokenNetwork = auth instanceof TokenAuthentication token ? token.network() : null;
        return accounts.memberships(auth.getName()).stream()
                .anyMatch(m -> m.role() == Role.COORDINATOR && (tokenNetwork == null || tokenNetwork.equals(m.network())));
    }
}
