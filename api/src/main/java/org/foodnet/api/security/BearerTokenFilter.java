package org.foodnet.api.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: a personal API token ({@link ApiTokens}) signs the request in as its owner,
 * in the token's network, with the owner's role there. An unknown, revoked or malformed token is answered 401 at once (no fallback to Basic).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)
                || header.length() > 6 && header.charAt(6) != ' ') {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Owner owner = tokens.authenticate(header.substring(6).trim()).orElse(null);
        if (owner == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
            return;
        }
        if (!owner.enabled()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new DisabledException("the token's user is disabled"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // the role comes with the network ({@link NetworkFilter}): the token's own, whatever the path names
        context.setAuthentication(new TokenAuthentication(owner.username(), owner.tokenId(), owner.network(), List.of()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
