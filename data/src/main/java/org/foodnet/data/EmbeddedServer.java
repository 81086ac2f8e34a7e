package org.foodnet.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky's binaries) on a persistent data directory, locked down and durable.
 *
 * <ul>
 *   <li>Listens on 127.0.0.1 (TCP) only; Unix-domain sockets are off.</li>
 *   <li>{@code pg_hba.conf} (rewritten on every start) allows host connections from 127.0.0.1 with
 *       scram-sha-256 passwords only; nothing is trusted.</li>
 *   <li>The superuser {@code postgres} gets a password generated at first start (initdb {@code --pwfile});
 *       the application connects as role {@code foodnet} (LOGIN, NOSUPERUSER, NOCREATEROLE, NOCREATEDB), which
 *       owns database {@code foodnet} and its schema {@code public}. Both passwords are kept in the data
 *       directory in files of mode 0600: {@value #SUPERUSER_PASSWORD_FILE} and {@value #APP_PASSWORD_FILE}.</li>
 *   <li>Durable unless a test says otherwise: {@code fsync=on}, {@code synchronous_commit=on},
 *       {@code full_page_writes=on} on the command line, after zonky's {@code -F} (fsync off), so they win.</li>
 *   <li>A data directory of an older Foodnet (trust authentication, application connecting as
 *       {@code postgres}, no password files) is upgraded in place on its first start: see {@link #upgrade}.</li>
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "foodnet";
    static final String DATABASE = "foodnet";
    static final String SUPERUSER_PASSWORD_FILE = "postgres.password";
    static final String APP_PASSWORD_FILE = "foodnet.password";
    static final String LISTEN_ADDRESS = "127.0.0.1";

    /** The access rules Foodnet keeps: passwords (SCRAM) over TCP from this machine, nothing else. */
    static final String LOCKED_HBA = """
            # Written by Foodnet on every start of the embedded PostgreSQL (see data/README.md); edits are replaced.
            # Only TCP from this machine, only with a password (SCRAM-SHA-256). No Unix-domain socket is opened.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    /**
     * Used only while upgrading a data directory of an older Foodnet, for the seconds it takes to give the
     * superuser a password: the superuser from 127.0.0.1 only (that directory trusted everyone from there before).
     */
    private static final String UPGRADE_HBA = """
            # Temporary, while Foodnet upgrades this data directory to password authentication.
            host    all       postgres  127.0.0.1/32  trust
            """;

    /**
     * Settings for a small machine serving many short writes (see data/README.md for the measurement). Durability
     * is not touched: fsync, synchronous_commit and full_page_writes are set above.
     * <ul>
     *   <li>{@code checkpoint_timeout} 15 min, {@code max_wal_size} 2 GB (defaults 5 min, 1 GB): a checkpoint is
     *       followed by a full-page image in the WAL for the first change of every page, and donations change
     *       randomly keyed index pages, so a checkpoint every 5 minutes met every busy stretch. Crash recovery
     *       replays at most 15 minutes of WAL (at 200 donations/s about 0.5 GB).</li>
     *   <li>{@code jit} off: JIT compilation of a large query (a month's network, reports) costs hundreds of
     *       milliseconds of one of two cores; the short statements of donations never gain from it.</li>
     * </ul>
     */
    static final java.util.Map<String, String> TUNING = java.util.Map.of(
            "checkpoint_timeout", "15min",
            "max_wal_size", "2GB",
            "jit", "off");

    private final EmbeddedPostgres postgres;
    private final String appPassword;

    private EmbeddedServer(EmbeddedPostgres postgres, String appPassword) {
        this.postgres = postgres;
        this.appPassword = appPassword;
    }

    int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of the application's database (no credentials in it). */
    String jdbcUrl() {
        return jdbcUrl(port(), DATABASE);
    }

    String appRole() {
        return APP_ROLE;
    }

    String appPassword() {
        return appPassword;
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port + "/" + database;
    }

    /** Starts (creating or upgrading when needed) the embedded server on this directory, on a free port. */
    static EmbeddedServer start(Path dataDirectory, boolean durable) throws IOException {
        return start(dataDirectory, durable, 0);
    }

    /** The same on a fixed TCP port of 127.0.0.1 (0: any free port), for other processes to join. */
    static EmbeddedServer start(Path dataDirectory, boolean durable, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        boolean existing = Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (existing) {
            // an existing cluster; a new one is made by initdb, which wants an empty directory
            ensureNotInUse(dataDirectory);
            stopLeftoverServer(dataDirectory);
        }
        Path superuserFile = dataDirectory.resolve(SUPERUSER_PASSWORD_FILE);
        boolean upgrade = existing && !Files.exists(superuserFile);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256");
        if (port > 0) {
            builder.setPort(port);
        }
        String durability = durable ? "on" : "off";
        builder.setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability);
        // data/README.md, "Settings measured": fewer checkpoints (each followed by a burst of full-page images in the
        // WAL), and no JIT compilation taking a core from short requests
        for (var setting : TUNING.entrySet()) {
            builder.setServerConfig(setting.getKey(), setting.getValue());
        }

        String superuserPassword;
        Path initdbPasswordFile = null;
        if (!existing) {
            // initdb sets the superuser's password from a file and writes pg_hba.conf with scram-sha-256 (zonky
            // passes its "locale" settings to initdb as --name=value, after its own "-A trust", so these win)
            superuserPassword = PasswordFile.generate();
            initdbPasswordFile = PasswordFile.createOwnerOnly(dataDirectory.toAbsolutePath().getParent(), ".foodnet-initdb");
            Files.writeString(initdbPasswordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            builder.setLocaleConfig("pwfile", initdbPasswordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256");
        } else if (upgrade) {
            LOG.warn("Upgrading the embedded PostgreSQL in {} to password authentication and its own application role",
                    dataDirectory);
            superuserPassword = null;
        } else {
            superuserPassword = PasswordFile.read(superuserFile);
        }
        String startPassword = superuserPassword;
        builder.setDataDirectoryCustomizer(directory -> {
            try {
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), upgrade ? UPGRADE_HBA : LOCKED_HBA);
                if (!existing) {
                    PasswordFile.write(superuserFile, startPassword);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (superuserPassword != null) {
            builder.setConnectConfig("password", superuserPassword);
        }

        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (initdbPasswordFile != null) {
                Files.deleteIfExists(initdbPasswordFile);
            }
        }
        try {
            if (upgrade) {
                superuserPassword = upgrade(postgres.getPort(), dataDirectory);
            }
            String appPassword = prepareApplication(postgres.getPort(), superuserPassword, dataDirectory);
            return new EmbeddedServer(postgres, appPassword);
        } catch (SQLException | IOException | RuntimeException e) {
            close(postgres);
            if (e instanceof SQLException sql) {
                throw new IllegalStateException("could not prepare the embedded PostgreSQL in " + dataDirectory
                        + ": " + sql.getMessage(), sql);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * First start on a data directory of an older Foodnet (pg_hba.conf trusted every local TCP connection):
     * started with only the superuser trusted from 127.0.0.1, it gets a generated password (sent as a SCRAM
     * verifier, never in clear), which is kept in {@value #SUPERUSER_PASSWORD_FILE}; then pg_hba.conf is locked and
     * reloaded. Ownership is handed to the application role by {@link #prepareApplication} like on every start.
     * Interrupted half-way, it simply runs again on the next start (no password file yet).
     */
    private static String upgrade(int port, Path dataDirectory) throws SQLException, IOException {
        String password = PasswordFile.generate();
        try (Connection c = connect(port, SUPERUSER, null, "postgres")) {
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            PasswordFile.write(dataDirectory.resolve(SUPERUSER_PASSWORD_FILE), password);
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), LOCKED_HBA);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        }
        // the reload is asynchronous: wait until a connection without a password is refused
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = connect(port, SUPERUSER, null, "postgres")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not reload pg_hba.conf in " + dataDirectory);
                }
            } catch (SQLException refused) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while upgrading " + dataDirectory, e);
            }
        }
        LOG.warn("The embedded PostgreSQL in {} now requires passwords; they are in {} and {} there (mode 0600)",
                dataDirectory, SUPERUSER_PASSWORD_FILE, APP_PASSWORD_FILE);
        return password;
    }

    /**
     * Makes sure, as the superuser, that the application role exists with the password of
     * {@value #APP_PASSWORD_FILE} (generating both when the file is missing), that database {@code foodnet}
     * exists, and that the role owns it, its schema {@code public} and everything in that schema (objects an
     * older Foodnet created as {@code postgres} are handed over). Returns the application's password.
     */
    private static String prepareApplication(int port, String superuserPassword, Path dataDirectory)
            throws SQLException, IOException {
        Path appFile = dataDirectory.resolve(APP_PASSWORD_FILE);
        String appPassword;
        try (Connection c = connect(port, SUPERUSER, superuserPassword, "postgres"); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                s.execute("CREATE ROLE " + APP_ROLE);
            }
            // also on every start: whatever someone changed, the role stays unprivileged
            s.execute("ALTER ROLE " + APP_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS");
            if (!roleExists || !Files.exists(appFile)) {
                appPassword = PasswordFile.generate();
                c.unwrap(PGConnection.class).alterUserPassword(APP_ROLE, appPassword.toCharArray(), "scram-sha-256");
                PasswordFile.write(appFile, appPassword);
            } else {
                appPassword = PasswordFile.read(appFile);
            }
            boolean databaseExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                databaseExists = rs.next();
            }
            if (!databaseExists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE);
            } else {
                s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APP_ROLE);
            }
        }
        try (Connection c = connect(port, SUPERUSER, superuserPassword, DATABASE)) {
            handOver(c);
        }
        return appPassword;
    }

    /** Hands schema public and every object in it to the application role (a no-op when it owns them all). */
    private static void handOver(Connection c) throws SQLException {
        List<String> statements = new ArrayList<>();
        statements.add("ALTER SCHEMA public OWNER TO " + APP_ROLE);
        String notOurs = " <> (SELECT oid FROM pg_roles WHERE rolname = '" + APP_ROLE + "')";
        // relations; a sequence belonging to a column (serial, identity) follows its table
        query(c, """
                SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END || ' ' || c.oid::regclass::text
                FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND c.relowner""" + notOurs + """
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                ORDER BY 1""", statements);
        query(c, """
                SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END
                       || ' ' || p.oid::regprocedure::text
                FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace AND p.proowner""" + notOurs + """
                ORDER BY 1""", statements);
        // domains, enums, ranges and free-standing composite types (a table's row type follows the table)
        query(c, """
                SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END || ' ' || t.oid::regtype::text
                FROM pg_type t
                WHERE t.typnamespace = 'public'::regnamespace AND t.typowner""" + notOurs + """
                  AND (t.typtype IN ('d', 'e', 'r')
                       OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
                ORDER BY 1""", statements);
        try (Statement s = c.createStatement()) {
            for (String object : statements) {
                String sql = object.startsWith("ALTER ") ? object : "ALTER " + object + " OWNER TO " + APP_ROLE;
                s.execute(sql);
            }
        }
        if (statements.size() > 1) {
            LOG.info("Handed {} objects of database {} to role {}", statements.size() - 1, DATABASE, APP_ROLE);
        }
    }

    private static void query(Connection c, String sql, List<String> into) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    static Connection connect(int port, String user, String password, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(port, database), properties);
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
     * Stop such a server with SIGTERM (a smart shutdown: its clients are gone, so it is quick; no password is
     * needed to signal it) and remove a stale pid file, so that the server can be started again on the same
     * directory. When PostgreSQL was killed too, the pid file is stale and PostgreSQL recovers from its WAL on start.
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
            } catch (ExecutionException e) {
                throw new IOException(e);
            }
        }
        // a clean shutdown removes it; after a crash or a reused pid it is stale
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    @Override
    public void close() {
        close(postgres);
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL", e);
        }
    }
}
