package org.foodnet.data;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Data the database refused: a CHECK, foreign key, unique or trigger rule. Carries the name of the rule
 * ({@code stock_not_below_zero}, {@code donation_lot_grams_positive}, ...) and PostgreSQL's message, so a
 * caller can answer with a clear problem description.
 */
public final class ConstraintViolation extends RuntimeException {

    private final String constraint;
    private final String sqlState;

    public ConstraintViolation(String constraint, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
        this.sqlState = sqlState;
    }

    /** The rule that fired, or "" when PostgreSQL named none (e.g. a NOT NULL column). */
    public String constraint() {
        return constraint;
    }

    /** The SQLSTATE: 23514 check, 23503 foreign key, 23505 unique, 23502 not null, 23001 restrict. */
    public String sqlState() {
        return sqlState;
    }

    /** The violation behind an exception thrown by jOOQ or JDBC, if it is one (SQLSTATE class 23). */
    public static Optional<ConstraintViolation> of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolation v) {
                return Optional.of(v);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                String constraint = "";
                String message = sql.getMessage();
                if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                    ServerErrorMessage server = psql.getServerErrorMessage();
                    constraint = server.getConstraint() == null ? "" : server.getConstraint();
                    message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
                }
                return Optional.of(new ConstraintViolation(constraint, sql.getSQLState(), message, thrown));
            }
        }
        return Optional.empty();
    }

    /** Rethrows a constraint violation as a {@link ConstraintViolation}, anything else as it was. */
    public static RuntimeException translate(RuntimeException thrown) {
        return of(thrown).<RuntimeException>map(v -> v).orElse(thrown);
    }
}
