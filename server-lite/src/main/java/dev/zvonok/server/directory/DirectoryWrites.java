package dev.zvonok.server.directory;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Objects;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * Runs one directory change in a transaction and, once it is committed, tells the listener (the cache) about it.
 * Constraint violations come out as {@link DirectoryConflictException}, which an admin screen can show.
 */
final class DirectoryWrites {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DSLContext dsl;
    private final DirectoryChangeListener listener;

    DirectoryWrites(DSLContext dsl, DirectoryChangeListener listener) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    <T> T change(String what, TransactionalCallable<T> work) {
        T result;
        try {
            result = dsl.transactionResult(work);
        } catch (DataAccessException e) {
            throw conflictOr(what, e);
        }
        listener.directoryChanged();
        return result;
    }

    /**
     * A change that gives an owner numbers, checked free before they are written ({@code checkNumbers} throws a
     * {@link NumberTakenException} naming who has one). When a rival change takes one of them between the check and
     * the insert, the unique constraint fires instead; the rival has committed by then, so the check, run again
     * outside the failed transaction, names the owner all the same.
     */
    <T> T changeNumbers(String what, TransactionalCallable<T> work, Consumer<DSLContext> checkNumbers) {
        try {
            return change(what, work);
        } catch (DirectoryConflictException e) {
            if (!(e instanceof NumberTakenException) && e.getCause() instanceof DataAccessException cause
                    && UNIQUE_VIOLATION.equals(cause.sqlState())) {
                checkNumbers.accept(dsl);
            }
            throw e;
        }
    }

    /** A broken constraint as a {@link DirectoryConflictException}; any other failure as it is. */
    static RuntimeException conflictOr(String what, DataAccessException e) {
        String state = e.sqlState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return new DirectoryConflictException(what + ": already taken", e);
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            return new DirectoryConflictException(what + ": refers to something that does not exist", e);
        }
        return e;
    }

    DSLContext dsl() {
        return dsl;
    }

    /** The comparable form of an entered number; a number without digits is refused. */
    static String normalizeEntered(PhoneNumbers numbers, String number) {
        String normalized = numbers.normalize(number);
        if (normalized == null) {
            throw new IllegalArgumentException("not a phone number: '" + number + "'");
        }
        if (number.strip().length() > 40 || normalized.length() > 32) {
            throw new IllegalArgumentException("phone number too long: '" + number + "'");
        }
        return normalized;
    }
}
