package org.foodnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
    static final String EMBEDDED_DATABASE = "foodnet";

    private final DatabaseSettings settings;
    private final EmbeddedPostgres embedded;
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

    private Database(DatabaseSettings settings, EmbeddedPostgres embedded, HikariDataSource dataSource) {
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
        EmbeddedPostgres embedded = null;
        HikariDataSource dataSource = null;
        try {
            HikariConfig pool = new HikariConfig();
            pool.setMaximumPoolSize(settings.poolSize());
            pool.setPoolName("foodnet");
            if (settings.embedded()) {
                embedded = startEmbedded(settings.dataDirectory());
                createDatabaseIfMissing(embedded);
                pool.setJdbcUrl(embedded.getJdbcUrl("postgres", EMBEDDED_DATABASE));
                pool.setUsername("postgres");
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

    /** The JDBC URL in use (for an embedded server it names the port it got this time). */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    @Override
    public void close() {
        dataSource.close();
        closeQuietly(embedded);
    }

    // --- embedded PostgreSQL ---------------------------------------------------------------------------------

    private static EmbeddedPostgres startEmbedded(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        if (Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            // an existing cluster; a new one is made by initdb, which wants an empty directory
            ensureNotInUse(dataDirectory);
            stopLeftoverServer(dataDirectory);
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** Refuses a data directory that a live Foodnet process holds (zonky locks "epg-lock" while running). */
    private static void ensureNotInUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the data directory " + dataDirectory
                        + " is in use by another running Foodnet; stop it or set " + DatabaseSettings.DATA_DIR);
            }
            lock.release();
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it) and a postmaster.pid behind.
     * Stop such a server (its clients are gone, so a smart shutdown is quick) and remove a stale pid file, so
     * that the server can be started again on the same directory.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
            LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDirectory);
            ProcessHandle server = process.get();
            server.destroy();
            try {
                server.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warn("PostgreSQL (pid {}) did not stop within 30 s; killing it (it recovers on start)", pid);
                server.destroyForcibly();
                server.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping a leftover PostgreSQL", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e);
            }
        }
        // a clean shutdown removes it; after a crash or a reused pid it is stale
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + EMBEDDED_DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + EMBEDDED_DATABASE, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL", e);
        }
    }
}
