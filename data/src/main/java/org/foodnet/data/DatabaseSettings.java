package org.foodnet.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Foodnet keeps its data: an external PostgreSQL when a JDBC URL is given, else an embedded PostgreSQL
 * whose data directory survives restarts.
 *
 * <p>Read by {@link #fromEnvironment()} from system properties or, when a property is absent, environment
 * variables:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>foodnet.db.url</td><td>FOODNET_DB_URL</td><td>JDBC URL of an external PostgreSQL; absent: embedded</td></tr>
 *   <tr><td>foodnet.db.user</td><td>FOODNET_DB_USER</td><td>its user</td></tr>
 *   <tr><td>foodnet.db.password</td><td>FOODNET_DB_PASSWORD</td><td>its password</td></tr>
 *   <tr><td>foodnet.data.dir</td><td>FOODNET_DATA_DIR</td><td>embedded data directory, default ~/.foodnet/pgdata</td></tr>
 *   <tr><td>foodnet.db.pool-size</td><td>FOODNET_DB_POOL_SIZE</td><td>connection pool size, default 10</td></tr>
 * </table>
 *
 * @param url           JDBC URL of an external PostgreSQL, or null for the embedded one
 * @param dataDirectory data directory of the embedded PostgreSQL (ignored with an external URL)
 * @param durable       the embedded PostgreSQL flushes every commit to disk (fsync, synchronous_commit and
 *                      full_page_writes on). Always true except where a test opts out with
 *                      {@link #withoutDurabilityForTests()}; there is no setting for it.
 */
public record DatabaseSettings(String url, String user, String password, Path dataDirectory, int poolSize,
                               boolean durable) {

    public static final String URL = "FOODNET_DB_URL";
    public static final String USER = "FOODNET_DB_USER";
    public static final String PASSWORD = "FOODNET_DB_PASSWORD";
    public static final String DATA_DIR = "FOODNET_DATA_DIR";
    public static final String POOL_SIZE = "FOODNET_DB_POOL_SIZE";

    public DatabaseSettings {
        url = url == null || url.isBlank() ? null : url.trim();
        if (url == null) {
            Objects.requireNonNull(dataDirectory, "dataDirectory (needed for the embedded PostgreSQL)");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("poolSize must be in [1, 200], got " + poolSize);
        }
    }

    /** Durable settings (the only kind outside tests). */
    public DatabaseSettings(String url, String user, String password, Path dataDirectory, int poolSize) {
        this(url, user, password, dataDirectory, poolSize, true);
    }

    /** The embedded PostgreSQL on this data directory. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return new DatabaseSettings(null, null, null, dataDirectory, 10);
    }

    /** An external PostgreSQL. */
    public static DatabaseSettings external(String url, String user, String password) {
        return new DatabaseSettings(Objects.requireNonNull(url, "url"), user, password, null, 10);
    }

    public static DatabaseSettings fromEnvironment() {
        String dir = setting("foodnet.data.dir", DATA_DIR).orElse(null);
        Path dataDirectory = dir != null ? Path.of(dir) : defaultDataDirectory();
        int poolSize = setting("foodnet.db.pool-size", POOL_SIZE).map(Integer::parseInt).orElse(10);
        return new DatabaseSettings(setting("foodnet.db.url", URL).orElse(null),
                setting("foodnet.db.user", USER).orElse(null),
                setting("foodnet.db.password", PASSWORD).orElse(null), dataDirectory, poolSize);
    }

    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".foodnet", "pgdata");
    }

    public boolean embedded() {
        return url == null;
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, dataDirectory, size, durable);
    }

    /**
     * For tests only, where durability is not what is tested: the embedded PostgreSQL runs with fsync,
     * synchronous_commit and full_page_writes off, so a crash of PostgreSQL or the machine can lose acknowledged
     * writes. No setting or environment variable leads here.
     */
    public DatabaseSettings withoutDurabilityForTests() {
        return new DatabaseSettings(url, user, password, dataDirectory, poolSize, false);
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        // never print the password
        return embedded() ? "embedded PostgreSQL in " + dataDirectory + (durable ? "" : " (NOT durable: tests only)")
                : "PostgreSQL at " + url + " as " + user;
    }
}
