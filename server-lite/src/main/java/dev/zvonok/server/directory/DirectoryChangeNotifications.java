package dev.zvonok.server.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to PostgreSQL's {@code zvonok_directory} channel, on which the directory tables' triggers report every
 * committed change, whoever made it, and passes each on to a {@link DirectoryChangeListener} (the cache).
 *
 * <p>Holds one connection of the pool for as long as it runs. While it is not connected it cannot hear anything, so
 * after every (re)connect it reports a change: whatever happened in between is then reloaded.
 */
public final class DirectoryChangeNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryChangeNotifications.class);

    /** The channel the triggers of migration V1 notify. */
    public static final String CHANNEL = "zvonok_directory";

    /**
     * LISTEN has no jOOQ equivalent; this constant statement is the only SQL here. The channel name must match the
     * triggers' {@code pg_notify} call.
     */
    private static final String LISTEN = "LISTEN " + CHANNEL;

    /** How long one wait for notifications blocks; also how quickly {@link #close()} is noticed. */
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final DirectoryChangeListener listener;
    private final Duration reconnectDelay;
    private final Duration idleCheck;
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean listening;

    public DirectoryChangeNotifications(DataSource dataSource, DirectoryChangeListener listener) {
        this(dataSource, listener, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /**
     * @param reconnectDelay wait between attempts to reconnect after the connection was lost
     * @param idleCheck      how long without notifications before the connection is checked with a query: a
     *                       connection through a dead network would otherwise just stay silent
     */
    public DirectoryChangeNotifications(DataSource dataSource, DirectoryChangeListener listener,
                                        Duration reconnectDelay, Duration idleCheck) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reconnectDelay = reconnectDelay;
        this.idleCheck = idleCheck;
        this.thread = Thread.ofPlatform().daemon().name("directory-notifications").unstarted(this::run);
    }

    public DirectoryChangeNotifications start() {
        running = true;
        thread.start();
        return this;
    }

    /** True while a connection is listening; changes made while false are covered by the change reported on reconnect. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(LISTEN);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                listening = true;
                if (warned) {
                    log.info("Listening to directory changes again");
                }
                warned = false;
                listener.directoryChanged();
                listen(connection, pg);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!warned) {
                    log.warn("Not listening to directory changes ({}); retrying every {}", e.getMessage(),
                            reconnectDelay);
                    warned = true;
                }
            } finally {
                listening = false;
            }
            sleep(reconnectDelay);
        }
    }

    private void listen(Connection connection, PGConnection pg) throws SQLException {
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                log.debug("Directory changed: {} notification(s), first from {}", notifications.length,
                        notifications[0].getParameter());
                listener.directoryChanged();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > idleCheck.toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("listening connection is no longer valid", "08006");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
