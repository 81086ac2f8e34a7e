package org.foodnet.api.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request signed in with a personal API token. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;

    TokenAuthentication(String username, long tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    public long tokenId() {
        return tokenId;
    }
}
