package org.foodnet.api.security;

import java.util.List;
import java.util.Optional;

import org.foodnet.api.web.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Users and their password hashes, in PostgreSQL (table api_user). */
@Component
public class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM api_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3)).disabled(!rs.getBoolean(4)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, role, driver_id, enabled FROM api_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT username, role, driver_id, enabled FROM api_user ORDER BY username")
                .query((rs, n) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public boolean any(Role role) {
        return jdbc.sql("SELECT count(*) FROM api_user WHERE role = ?").param(role.name()).query(Long.class).single() > 0;
    }

    public Account create(String username, String password, Role role, String driverId) {
        try {
            jdbc.sql("INSERT INTO api_user (username, password_hash, role, driver_id) VALUES (?, ?, ?, ?)")
                    .params(username, encoder.encode(password), role.name(), driverId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("user " + username + " exists already");
        }
        return find(username).orElseThrow();
    }

    public void changePassword(String username, String password) {
        if (jdbc.sql("UPDATE api_user SET password_hash = ? WHERE username = ?").params(encoder.encode(password), username)
                .update() == 0) {
            throw Problem.notFound("no user " + username);
        }
    }

    public void setEnabled(String username, boolean enabled) {
        if (jdbc.sql("UPDATE api_user SET enabled = ? WHERE username = ?").params(enabled, username).update() == 0) {
            throw Problem.notFound("no user " + username);
        }
    }
}
