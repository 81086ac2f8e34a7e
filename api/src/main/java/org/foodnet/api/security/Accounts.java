package org.foodnet.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their password hashes, in PostgreSQL (table api_user), and their role per network (account_role).
 * Methods without a network work in the request's network ({@link NetworkService#region()}).
 */
@Component
public class Accounts implements UserDetailsService {

    /** The authority of a federation administrator (creates networks); network roles are added per request. */
    public static final String FEDERATION_ADMIN = "FEDERATION_ADMIN";

    /** A user's role in one network. */
    public record Membership(String network, Role role, String driverId) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final NetworkService networks;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, NetworkService networks) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.networks = networks;
    }

    /** Signing in checks the password only; the role comes with the network of each request ({@link NetworkFilter}). */
    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, enabled, federation_admin FROM api_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(rs.getBoolean(4) ? List.of(new SimpleGrantedAuthority("ROLE_" + FEDERATION_ADMIN)) : List.of())
                        .disabled(!rs.getBoolean(3)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** The user as seen in the request's network. */
    public Optional<Account> find(String username) {
        return find(username, networks.region());
    }

    public Optional<Account> find(String username, String network) {
        return jdbc.sql("""
                        SELECT u.username, r.role, r.driver_id, u.enabled FROM api_user u
                        LEFT JOIN account_role r ON r.username = u.username AND r.network = ? WHERE u.username = ?""")
                .params(network, username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2) == null ? null : Role.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4), network))
                .optional();
    }

    /** The accounts with a role in the request's network. */
    public List<Account> all() {
        String network = networks.region();
        return jdbc.sql("""
                        SELECT u.username, r.role, r.driver_id, u.enabled FROM api_user u
                        JOIN account_role r ON r.username = u.username AND r.network = ? ORDER BY u.username""")
                .param(network)
                .query((rs, n) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4), network))
                .list();
    }

    /** The networks a user has a role in, by network id. */
    public List<Membership> memberships(String username) {
        return jdbc.sql("SELECT network, role, driver_id FROM account_role WHERE username = ? ORDER BY network")
                .param(username)
                .query((rs, n) -> new Membership(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /**
     * What a request needs of its signed-in user, in one query: whether they are a federation administrator and
     * enabled, and their roles by network (ordered by network). An unknown user: not an administrator, no roles.
     */
    public record Standing(String username, boolean admin, boolean enabled, List<Membership> memberships) {

        /** The user as seen in one network (role null: none there), as {@link #find(String, String)} reads it. */
        public Account in(String network) {
            Membership m = memberships.stream().filter(x -> x.network().equals(network)).findFirst().orElse(null);
            return new Account(username, m == null ? null : m.role(), m == null ? null : m.driverId(), enabled, network);
        }
    }

    public Standing standing(String username) {
        boolean[] user = new boolean[3];   // found, admin, enabled
        List<Membership> memberships = new ArrayList<>();
        jdbc.sql("""
                        SELECT u.federation_admin, u.enabled, r.network, r.role, r.driver_id FROM api_user u
                        LEFT JOIN account_role r ON r.username = u.username WHERE u.username = ? ORDER BY r.network""")
                .param(username)
                .query(rs -> {
                    user[0] = true;
                    user[1] = rs.getBoolean(1);
                    user[2] = rs.getBoolean(2);
                    if (rs.getString(3) != null) {
                        memberships.add(new Membership(rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5)));
                    }
                });
        return new Standing(username, user[0] && user[1], user[0] && user[2], List.copyOf(memberships));
    }

    public boolean federationAdmin(String username) {
        return jdbc.sql("SELECT federation_admin FROM api_user WHERE username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Whether anyone has this role in the request's network. */
    public boolean any(Role role) {
        return jdbc.sql("SELECT count(*) FROM account_role WHERE network = ? AND role = ?")
                .params(networks.region(), role.name()).query(Long.class).single() > 0;
    }

    /** A new user with a role in the request's network. */
    public Account create(String username, String password, Role role, String driverId) {
        return create(username, password, networks.region(), role, driverId);
    }

    @Transactional
    public Account create(String username, String password, String network, Role role, String driverId) {
        // "Coordinator" beside "coordinator" would read as the same person in lists and logs: names are unique
        // ignoring case (sign-in stays exact)
        jdbc.sql("SELECT username FROM api_user WHERE lower(username) = lower(?) AND username <> ?").params(username, username)
                .query(String.class).optional().ifPresent(other -> {
                    throw new Problem(org.springframework.http.HttpStatus.CONFLICT, "user " + other + " exists already",
                            List.of(new Problem.FieldError("username", "differs from the existing user " + other
                                    + " only in upper/lower case")));
                });
        try {
            jdbc.sql("INSERT INTO api_user (username, password_hash) VALUES (?, ?)")
                    .params(username, encoder.encode(password)).update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("user " + username + " exists already");
        }
        grant(username, network, role, driverId);
        return find(username, network).orElseThrow();
    }

    /** Gives an existing user a role in a network (replacing the one they had there). */
    public Account grant(String username, String network, Role role, String driverId) {
        if (jdbc.sql("SELECT count(*) FROM api_user WHERE username = ?").param(username).query(Long.class).single() == 0) {
            throw Problem.notFound("no user " + username);
        }
        jdbc.sql("""
                        INSERT INTO account_role (username, network, role, driver_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT (username, network) DO UPDATE SET role = excluded.role, driver_id = excluded.driver_id""")
                .params(username, network, role.name(), driverId).update();
        return find(username, network).orElseThrow();
    }

    public void setFederationAdmin(String username, boolean admin) {
        if (jdbc.sql("UPDATE api_user SET federation_admin = ? WHERE username = ?").params(admin, username).update() == 0) {
            throw Problem.notFound("no user " + username);
        }
    }

    /** Changes the password of a user of the request's network (another network's user is "not found"). */
    public void changePassword(String username, String password) {
        if (jdbc.sql("""
                        UPDATE api_user SET password_hash = ? WHERE username = ?
                        AND EXISTS (SELECT 1 FROM account_role r WHERE r.username = api_user.username AND r.network = ?)""")
                .params(encoder.encode(password), username, networks.region()).update() == 0) {
            throw Problem.notFound("no user " + username);
        }
    }

    public void setEnabled(String username, boolean enabled) {
        if (jdbc.sql("UPDATE api_user SET enabled = ? WHERE username = ?").params(enabled, username).update() == 0) {
            throw Problem.notFound("no user " + username);
        }
    }

    /** The authorities of a signed-in user in one network: the role there, and the federation role if they have it. */
    static List<GrantedAuthority> authorities(Role role, boolean federationAdmin) {
        List<GrantedAuthority> result = new ArrayList<>();
        if (role != null) {
            result.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        if (federationAdmin) {
            result.add(new SimpleGrantedAuthority("ROLE_" + FEDERATION_ADMIN));
        }
        return result;
    }
}
