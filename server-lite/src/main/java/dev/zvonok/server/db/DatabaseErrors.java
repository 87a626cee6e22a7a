package dev.zvonok.server.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Tells a failure worth retrying (the database is away or busy) from one that will fail the same way again. */
public final class DatabaseErrors {

    /**
     * SQLSTATE classes and codes that mean "not now": connection exceptions (08), insufficient resources (53),
     * operator intervention such as a shutdown or a server still starting (57P0x), serialization failures and
     * deadlocks (40001, 40P01), lock timeouts (55P03).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "40001", "40P01",
            "55P03");

    private DatabaseErrors() {
    }

    /**
     * A database call failed because the database cannot be reached or is busy now: a transient failure with a SQL
     * failure in its chain (an I/O error alone may be anybody's, a client's dropped upload say).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return isTransient(failure);
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
