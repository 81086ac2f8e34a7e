package org.foodnet.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.foodnet.api.network.NetworkContext;
import org.foodnet.api.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Chooses the network of an API request, after sign-in and before the role rules ({@link SecurityConfiguration}):
 * <ul>
 * <li>{@code /api/networks/{networkId}/rest}: the network named, if the caller has a role there (a token: if it is
 * the token's network); otherwise 404, the same as for a network that does not exist, so nothing confirms another
 * network. The request goes on as {@code /api/rest} (rules, controllers and OpenAPI paths are those of today);</li>
 * <li>{@code /api/rest} without the prefix: the caller's only network (a token: its own); a caller with roles in
 * several networks gets 409 naming them; one with none gets 403;</li>
 * <li>{@code /api/networks} and {@code /api/me/networks} belong to no network.</li>
 * </ul>
 * The chosen network is {@link NetworkContext#current()} for the rest of the request, and the signed-in user's
 * authorities for it are their role there (plus FEDERATION_ADMIN if they have it).
 */
final class NetworkFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/networks/";
    private static final Pattern PREFIXED = Pattern.compile("^/api/networks/([^/]+)(/.+)$");
    /** {@code /api/calendar/{token}.ics}, with or without a network prefix (group 1). */
    private static final Pattern CALENDAR_FEED = Pattern.compile("^/api/(?:networks/([^/]+)/)?calendar/([^/]+)$");

    private final Accounts accounts;

    NetworkFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Paths that belong to no network. */
    static boolean global(String path) {
        return path.equals("/api/networks") || path.equals("/api/me/networks");
    }

    /** What the request's first pass chose, for its later dispatches (an event stream's async dispatch). */
    private record Chosen(String network, Role role, boolean admin) {
    }

    private static final String CHOSEN = NetworkFilter.class.getName() + ".chosen";

    /** The signed-in user's {@link Account} in the chosen network, as read by this request ({@link CurrentUser}). */
    static final String ACCOUNT = NetworkFilter.class.getName() + ".account";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedInAs = SecurityContextHolder.getContext().getAuthentication();
        if (request.getAttribute(CHOSEN) instanceof Chosen chosen && signedInAs != null) {
            proceed(request, response, chain, signedInAs, chosen.network(), chosen.role(), chosen.admin());
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Matcher feed = CALENDAR_FEED.matcher(path);
        if (feed.matches()) {
            // a driver's calendar feed: its token alone names the network (a prefix must be that network, which the
            // feed checks), signed in or not, with one network or several
            HttpServletRequest r = feed.group(1) == null ? request : new Stripped(request, "/api/calendar/" + feed.group(2));
            String previous = NetworkContext.enter(feed.group(1));
            try {
                chain.doFilter(r, response);
            } finally {
                NetworkContext.leave(previous);
            }
            return;
        }
        if (!path.startsWith("/api/") || !signedIn) {
            chain.doFilter(request, response);   // pages, health, documents; unsigned API calls get 401 from the rules
            return;
        }
        String username = auth.getName();
        // one query for the administrator flag and the roles; the chosen network's account is kept for CurrentUser
        Accounts.Standing standing = accounts.standing(username);
        boolean admin = standing.admin();
        String tokenNetwork = auth instanceof TokenAuthentication token ? token.network() : null;
        Matcher prefixed = PREFIXED.matcher(path);
        if (prefixed.matches()) {
            String network = prefixed.group(1);
            String rest = "/api" + prefixed.group(2);
            Optional<Accounts.Membership> role = standing.memberships().stream()
                    .filter(m -> m.network().equals(network)).findFirst();
            if (global(rest) || role.isEmpty() || tokenNetwork != null && !tokenNetwork.equals(network)) {
                ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "no network " + network + " of yours",
                        "networkId", "no network " + network + " of yours");
                return;
            }
            request.setAttribute(ACCOUNT, standing.in(network));
            proceed(new Stripped(request, rest), response, chain, auth, network, role.get().role(), admin);
            return;
        }
        if (global(path)) {
            proceed(request, response, chain, auth, null, null, admin);
            return;
        }
        List<Accounts.Membership> mine = standing.memberships();
        if (tokenNetwork != null) {
            mine = mine.stream().filter(m -> m.network().equals(tokenNetwork)).toList();
        }
        if (mine.size() > 1) {
            String names = mine.stream().map(Accounts.Membership::network).collect(Collectors.joining(", "));
            ProblemResponses.write(request, response, HttpStatus.CONFLICT, "you belong to several networks (" + names
                    + "): call " + PREFIX + "{networkId}" + path.substring(4) + " with one of them", "networkId",
                    "choose one of: " + names);
            return;
        }
        if (mine.isEmpty()) {
            // no role in any network (a federation administrator only, or a token whose owner lost the role there)
            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "you have no role in any network", "role",
                    "you have no role in any network");
            return;
        }
        request.setAttribute(ACCOUNT, standing.in(mine.get(0).network()));
        proceed(request, response, chain, auth, mine.get(0).network(), mine.get(0).role(), admin);
    }

    private static void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                Authentication auth, String network, Role role, boolean admin)
            throws ServletException, IOException {
        request.setAttribute(CHOSEN, new Chosen(network, role, admin));
        List<GrantedAuthority> authorities = Accounts.authorities(role, admin);
        Authentication inNetwork;
        if (auth instanceof TokenAuthentication token) {
            inNetwork = token.with(authorities);
        } else {
            UsernamePasswordAuthenticationToken copy = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(),
                    null, authorities);
            copy.setDetails(auth.getDetails());
            inNetwork = copy;
        }
        SecurityContext original = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(inNetwork);
        SecurityContextHolder.setContext(context);   // this request only: a session keeps the original
        String previous = NetworkContext.enter(network);
        try {
            chain.doFilter(request, response);
        } finally {
            NetworkContext.leave(previous);
            SecurityContextHolder.setContext(original);
        }
    }

    /** The request as {@code /api/rest}: what the rules and the controllers see after the network prefix. */
    private static final class Stripped extends HttpServletRequestWrapper {
        private final String uri;
        private final String servletPath;

        Stripped(HttpServletRequest request, String rest) {
            super(request);
            this.uri = request.getContextPath() + rest;
            this.servletPath = rest;
            // paths parsed for the original address must not be reused
            request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            request.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!("http".equals(getScheme()) && port == 80) && !("https".equals(getScheme()) && port == 443)) {
                url.append(':').append(port);
            }
            return url.append(uri);
        }
    }
}
