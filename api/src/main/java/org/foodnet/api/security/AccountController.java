package org.foodnet.api.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts of the request's network: who may sign in with which role there (coordinators); everyone may ask who they are. */
@RestController
class AccountController {

    record AccountRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "must be 3-64 letters, digits or . _ @ -") String username,
                          @NotBlank @Size(min = 8, max = 200) String password,
                          @NotNull Role role,
                          @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be a volunteer id") String driverId) {
    }

    record RoleRequest(@NotNull Role role,
                       @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be a volunteer id") String driverId) {
    }

    record PasswordRequest(@NotBlank @Size(min = 8, max = 200) String password) {
    }

    private final Accounts accounts;
    private final CurrentUser user;
    private final NetworkService network;

    AccountController(Accounts accounts, CurrentUser user, NetworkService network) {
        this.accounts = accounts;
        this.user = user;
        this.network = network;
    }

    @GetMapping("/api/me")
    Account me() {
        return user.get();
    }

    @GetMapping("/api/users")
    List<Account> list() {
        return accounts.all();
    }

    @PostMapping("/api/users")
    ResponseEntity<Account> create(@Valid @RequestBody AccountRequest request) {
        checkDriver(request.role(), request.driverId());
        Account created = accounts.create(request.username(), request.password(), request.role(), request.driverId());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    /**
     * Gives an existing account (of any network, e.g. a coordinator elsewhere) a role in this network, or changes the
     * role it has here.
     */
    @PutMapping("/api/users/{username}/role")
    Account role(@PathVariable String username, @Valid @RequestBody RoleRequest request) {
        checkDriver(request.role(), request.driverId());
        return accounts.grant(username, network.region(), request.role(), request.driverId());
    }

    private void checkDriver(Role role, String driverId) {
        if (role == Role.DRIVER) {
            if (driverId == null) {
                throw Problem.badField("driverId", "a DRIVER account must name its volunteer");
            }
            if (!network.load(network.monthOrCurrent(null)).driversById().containsKey(driverId)) {
                throw Problem.badField("driverId", "no volunteer " + driverId);
            }
        } else if (driverId != null) {
            throw Problem.badField("driverId", "only a DRIVER account names a volunteer");
        }
    }

    @PutMapping("/api/users/{username}/password")
    ResponseEntity<Void> password(@PathVariable String username, @Valid @RequestBody PasswordRequest request) {
        accounts.changePassword(username, request.password());
        return ResponseEntity.noContent().build();
    }
}
