package dev.zvonok.server.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is: an external PostgreSQL when {@code url} is given, else an embedded PostgreSQL that the
 * process starts itself from {@code embeddedDataDirectory} (kept between runs).
 *
 * @param url                   JDBC url of an external PostgreSQL ({@code jdbc:postgresql://host:5432/zvonok}), or
 *                              null for the embedded one
 * @param user                  user for the external database (the embedded one always uses {@code postgres})
 * @param password              password for the external database, may be null
 * @param embeddedDataDirectory the embedded PostgreSQL's data directory; created and initialized on first start
 * @param embeddedPort          the embedded PostgreSQL's TCP port on localhost; 0 picks a free one at each start
 * @param maxPoolSize           connections in the pool
 * @param connectionTimeout     how long a caller waits for a connection before the pool gives up; this is also how
 *                              quickly a write notices that the database is unreachable
 */
public record DatabaseSettings(
        String url,
        String user,
        String password,
        Path embeddedDataDirectory,
        int embeddedPort,
        int maxPoolSize,
        Duration connectionTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        // configuration files leave unused settings empty rather than absent
        url = blankToNull(url);
        user = blankToNull(user);
        password = blankToNull(password);
        if (url == null) {
            Objects.requireNonNull(embeddedDataDirectory, "an embedded database needs a data directory");
            if (embeddedPort < 0 || embeddedPort > 65535) {
                throw new IllegalArgumentException("embeddedPort out of range: " + embeddedPort);
            }
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only PostgreSQL is supported, got " + url);
        }
        if (maxPoolSize < 2) {
            // the recorder holds one connection while a directory cache miss needs another
            throw new IllegalArgumentException("maxPoolSize must be at least 2");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * As configured ({@code zvonok.database} in reference.conf): an external database when {@code url} is not
     * blank, else the embedded one in {@code dataDirectory} on {@code port}; default pool.
     */
    public static DatabaseSettings of(String url, String user, String password, Path dataDirectory, int port) {
        return new DatabaseSettings(url, user, password, dataDirectory, port, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The embedded PostgreSQL in {@code dataDirectory}, on a free port. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return embedded(dataDirectory, 0);
    }

    public static DatabaseSettings embedded(Path dataDirectory, int port) {
        return new DatabaseSettings(null, null, null, dataDirectory, port, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    public static DatabaseSettings external(String url, String user, String password) {
        return new DatabaseSettings(Objects.requireNonNull(url, "url"), user, password, null, 0, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseSettings withPool(int maxPoolSize, Duration connectionTimeout) {
        return new DatabaseSettings(url, user, password, embeddedDataDirectory, embeddedPort, maxPoolSize,
                connectionTimeout);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Which database, for the first line of a server's log: an operator reads there what it runs on. */
    public String description() {
        return isEmbedded()
                ? "embedded PostgreSQL in " + embeddedDataDirectory.toAbsolutePath()
                        + " (for trying out, not for production: set zvonok.database.url)"
                : "PostgreSQL at " + url + (user == null ? "" : " as " + user);
    }

    /** Without the password: settings end up in logs. */
    @Override
    public String toString() {
        return isEmbedded()
                ? "DatabaseSettings[embedded " + embeddedDataDirectory + ", port " + (embeddedPort == 0 ? "any" : embeddedPort) + "]"
                : "DatabaseSettings[" + url + ", user " + user + "]";
    }
}
