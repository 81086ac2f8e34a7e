package org.foodnet.api.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everyone's own personal API tokens, each for the network it is made in (it signs in to that network only). Managing tokens needs the password (Basic or the pages' session): a token
 * cannot make or revoke tokens, so a leaked token cannot outlive its revocation through a token it made.
 */
@RestController
class TokenController {

    record TokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    private final ApiTokens tokens;
    private final CurrentUser user;
    private final NetworkService network;

    TokenController(ApiTokens tokens, CurrentUser user, NetworkService network) {
        this.tokens = tokens;
        this.user = user;
        this.network = network;
    }

    @PostMapping("/api/me/tokens")
    ResponseEntity<ApiTokens.Created> create(@Valid @RequestBody TokenRequest request) {
        ApiTokens.Created created = tokens.create(signedInWithPassword(), network.region(), request.name().strip());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.id())).body(created);
    }

    @GetMapping("/api/me/tokens")
    List<ApiTokens.Token> list() {
        return tokens.of(user.username(), network.region());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(signedInWithPassword(), network.region(), id);
        return ResponseEntity.noContent().build();
    }

    private String signedInWithPassword() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication) {
            throw Problem.forbidden("sign in with your password to make or revoke API tokens, not with a token");
        }
        return user.username();
    }
}
