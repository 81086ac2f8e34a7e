package org.foodnet.api.security;

import org.foodnet.api.network.NetworkContext;
import org.foodnet.api.web.Problem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is asking, and what they may see. */
@Component
public class CurrentUser {

    private final Accounts accounts;

    CurrentUser(Accounts accounts) {
        this.accounts = accounts;
    }

    public Account get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw Problem.forbidden("not signed in");
        }
        // read once per request by NetworkFilter, for the request's network
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(NetworkFilter.ACCOUNT) instanceof Account account
                && account.username().equals(auth.getName()) && account.network().equals(NetworkContext.current())) {
            return account;
        }
        return accounts.find(auth.getName()).orElseThrow(() -> Problem.forbidden("no such user"));
    }

    public String username() {
        return get().username();
    }

    /** "me" means the driver linked to the signed-in driver account. */
    public String resolveDriver(String driverId) {
        Account me = get();
        if ("me".equals(driverId)) {
            if (me.driverId() == null) {
                throw Problem.notFound("user " + me.username() + " is not linked to a driver");
            }
            return me.driverId();
        }
        return driverId;
    }

    /** A driver sees only their own trips and availability; coordinators see everyone's. */
    public String requireDriverAccess(String driverId) {
        Account me = get();
        String resolved = resolveDriver(driverId);
        if (me.role() == Role.COORDINATOR || resolved.equals(me.driverId())) {
            return resolved;
        }
        throw Problem.forbidden("user " + me.username() + " may only see their own trips and availability");
    }
}
