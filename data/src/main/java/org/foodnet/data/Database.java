package org.foodnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Foodnet's database: an embedded PostgreSQL with a persistent data directory when none is configured, or an
 * external PostgreSQL (see {@link DatabaseSettings}). Opening it runs the Flyway migrations; closing it closes
 * the connection pool and stops the embedded server.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final EmbeddedServer embedded;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    static {
        // jOOQ prints a banner and tips on first use unless told not to
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private Database(DatabaseSettings settings, EmbeddedServer embedded, HikariDataSource dataSource) {
        this.settings = settings;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** Opens the database the environment configures (see {@link DatabaseSettings#fromEnvironment()}). */
    public static Database open() {
        return open(DatabaseSettings.fromEnvironment());
    }

    public static Database open(DatabaseSettings settings) {
        LOG.info("Opening {}", settings);
        EmbeddedServer embedded = null;
        HikariDataSource dataSource = null;
        try {
            HikariConfig pool = new HikariConfig();
            pool.setMaximumPoolSize(settings.poolSize());
            pool.setPoolName("foodnet");
            if (settings.embedded()) {
                embedded = EmbeddedServer.start(settings.dataDirectory(), settings.durable());
                pool.setJdbcUrl(embedded.jdbcUrl());
                pool.setUsername(embedded.appRole());
                pool.setPassword(embedded.appPassword());
            } else {
                pool.setJdbcUrl(settings.url());
                pool.setUsername(settings.user());
                pool.setPassword(settings.password());
            }
            dataSource = new HikariDataSource(pool);
            migrate(dataSource);
            return new Database(settings, embedded, dataSource);
        } catch (RuntimeException | IOException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            closeQuietly(embedded);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL in " + settings.dataDirectory(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Brings the schema up to date (Flyway, migrations in classpath:db/migration). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** jOOQ on the pooled data source; each statement commits unless run inside {@code dsl().transaction(..)}. */
    public DSLContext dsl() {
        return dsl;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server (null with an external URL); for tests in this package. */
    EmbeddedServer embeddedServer() {
        return embedded;
    }

    /** The JDBC URL in use (for an embedded server it names the port it got this time). */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    @Override
    public void close() {
        dataSource.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedServer server) {
        if (server != null) {
            server.close();
        }
    }
}
