package org.foodnet.api.network;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.foodnet.api.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A volunteer's e-mail address and language (table volunteer, columns email and language: data migration V16), kept
 * beside the planning model's {@link org.foodnet.solver.domain.Driver}, which the solver does not need them in.
 */
@Component
public class VolunteerContacts {

    public static final String JA = "ja";
    public static final String EN = "en";
    public static final List<String> LANGUAGES = List.of(JA, EN);

    /** @param email null when the volunteer gets no mail; language {@code ja} or {@code en} */
    public record Contact(String email, String language) {
        public static final Contact NONE = new Contact(null, JA);

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    private final JdbcClient jdbc;

    VolunteerContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every volunteer of the network that has a row (drivers by id). */
    public Map<String, Contact> all(String region) {
        Map<String, Contact> found = new HashMap<>();
        jdbc.sql("""
                        SELECT v.external_id, v.email, v.language FROM volunteer v JOIN region r ON r.id = v.region_id
                        WHERE r.code = ?""")
                .param(region)
                .query((rs, n) -> found.put(rs.getString(1), new Contact(rs.getString(2), rs.getString(3))))
                .list();
        return found;
    }

    public Contact of(String region, String driverId) {
        return all(region).getOrDefault(driverId, Contact.NONE);
    }

    /**
     * Sets the address and/or language of a stored volunteer: a null argument leaves that value as it is; an empty
     * address removes it.
     */
    public void set(String region, String driverId, String email, String language) {
        if (email != null) {
            jdbc.sql("""
                            UPDATE volunteer SET email = ? WHERE external_id = ?
                            AND region_id = (SELECT id FROM region WHERE code = ?)""")
                    .params(email.isBlank() ? null : email.trim(), driverId, region).update();
        }
        if (language != null) {
            jdbc.sql("""
                            UPDATE volunteer SET language = ? WHERE external_id = ?
                            AND region_id = (SELECT id FROM region WHERE code = ?)""")
                    .params(language, driverId, region).update();
        }
    }

    /** Why {@code email} is not a plain address ({@code name@example.org}), or null when it is one (or empty). */
    public static String emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.trim();
        if (e.length() > 254) {
            return "must have at most 254 characters";
        }
        try {
            InternetAddress parsed = new InternetAddress(e, true);
            parsed.validate();
            if (!parsed.getAddress().equals(e) || e.chars().filter(c -> c == '@').count() != 1 || e.chars().anyMatch(Character::isWhitespace)) {
                return "must be a plain e-mail address like name@example.org";
            }
        } catch (AddressException ex) {
            return "must be a plain e-mail address like name@example.org";
        }
        return null;
    }

    /** Why {@code language} is not one of ja, en, or null when it is (or null). */
    public static String languageProblem(String language) {
        return language == null || LANGUAGES.contains(language) ? null : "must be one of ja, en";
    }

    /** 422 naming the field when the address or language is wrong. */
    public static void check(String email, String language) {
        String problem = emailProblem(email);
        if (problem != null) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "email: " + problem,
                    List.of(new Problem.FieldError("email", problem)));
        }
        problem = languageProblem(language);
        if (problem != null) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "language: " + problem,
                    List.of(new Problem.FieldError("language", problem)));
        }
    }
}
