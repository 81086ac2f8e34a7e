package org.foodnet.api.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request signed in with a personal API token. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;
    private final String network;

    TokenAuthentication(String username, long tokenId, String network, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        this.network = network;
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

    /** The one network the token signs in to. */
    public String network() {
        return network;
    }

    /** The same token with other authorities (its role in its network). */
    TokenAuthentication with(Collection<? extends GrantedAuthority> authorities) {
        TokenAuthentication copy = new TokenAuthentication(username, tokenId, network, authorities);
        copy.setDetails(getDetails());
        return copy;
    }
}
