package dev.zvonok.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void theDatabaseBeingAwayIsWorthARetry() {
        assertThat(DatabaseErrors.isTransient(new DataAccessException("pool",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseErrors.isTransient(new DataAccessException("io",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new EOFException())))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("too many connections", "53300"))).isTrue();
    }

    @Test
    void aRefusedStatementIsNot() {
        assertThat(DatabaseErrors.isTransient(new DataAccessException("too long",
                new SQLException("value too long for type character varying(40)", "22001")))).isFalse();
        assertThat(DatabaseErrors.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseErrors.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
