package org.foodnet.api.security;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.api.web.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The networks (regions) side by side: which ones a person belongs to (the pages' network switch), and for a
 * federation administrator, creating a network with its first coordinator. Everything inside a network is under
 * {@code /api/networks/{networkId}/…} ({@link NetworkFilter}).
 */
@RestController
class NetworksController {

    record CoordinatorRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "must be 3-64 letters, digits or . _ @ -") String username,
                              @Size(min = 8, max = 200) String password) {
    }

    record NetworkRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be 1-63 lower-case letters, digits, _ or -, starting with a letter or digit") String id,
                          @NotBlank @Size(max = 200) String name,
                          @Size(max = 64) String zone,
                          @NotNull @Valid CoordinatorRequest coordinator) {
    }

    /** A network as a person sees it: their role there (null for a federation administrator without one). */
    record NetworkView(String id, String name, String zone, Role role, String driverId) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CurrentUser user;

    NetworksController(JdbcClient jdbc, Accounts accounts, CurrentUser user) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.user = user;
    }

    /** The networks the signed-in person has a role in. */
    @GetMapping("/api/me/networks")
    List<NetworkView> mine() {
        return jdbc.sql("""
                        SELECT a.network, r.network_name, r.time_zone, a.role, a.driver_id FROM account_role a
                        LEFT JOIN region r ON r.code = a.network WHERE a.username = ? ORDER BY a.network""")
                .param(user.username())
                .query((rs, n) -> new NetworkView(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** A federation administrator: every network; anyone else: their own. */
    @GetMapping("/api/networks")
    List<NetworkView> list() {
        String me = user.username();
        if (!accounts.federationAdmin(me)) {
            return mine();
        }
        return jdbc.sql("""
                        SELECT r.code, r.network_name, r.time_zone, a.role, a.driver_id FROM region r
                        LEFT JOIN account_role a ON a.network = r.code AND a.username = ? ORDER BY r.code""")
                .param(me)
                .query((rs, n) -> new NetworkView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : Role.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /**
     * A new network (a region with its name and time zone; its sites, vehicles, … follow with
     * {@code PUT /api/networks/{id}/network}) and its first coordinator: a new account (password required) or an
     * existing one, who gets the role in the new network.
     */
    @PostMapping("/api/networks")
    @Transactional
    ResponseEntity<NetworkView> create(@Valid @RequestBody NetworkRequest request) {
        if (!accounts.federationAdmin(user.username())) {
            throw Problem.forbidden("only a federation administrator may create networks");
        }
        String zone = request.zone() == null ? "Asia/Tokyo" : request.zone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Problem.badField("zone", "unknown time zone " + zone);
        }
        try {
            jdbc.sql("INSERT INTO region (code, network_name, time_zone) VALUES (?, ?, ?)")
                    .params(request.id(), request.name().strip(), zone).update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("network " + request.id() + " exists already");
        }
        CoordinatorRequest c = request.coordinator();
        if (accounts.find(c.username(), request.id()).isPresent()) {
            if (c.password() != null) {
                throw Problem.badField("coordinator.password", "user " + c.username() + " exists: leave the password out");
            }
            accounts.grant(c.username(), request.id(), Role.COORDINATOR, null);
        } else {
            if (c.password() == null) {
                throw Problem.badField("coordinator.password", "a new coordinator needs a password (8+ characters)");
            }
            accounts.create(c.username(), c.password(), request.id(), Role.COORDINATOR, null);
        }
        return ResponseEntity.created(URI.create(NetworkFilter.PREFIX + request.id() + "/network"))
                .body(new NetworkView(request.id(), request.name().strip(), zone, Role.COORDINATOR, null));
    }
}
