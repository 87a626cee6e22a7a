package dev.zvonok.server.directory;

import org.jooq.DSLContext;

/**
 * What else a directory change writes, in the change's own transaction: the audit log's row, so that a change is
 * never kept without saying who made it, nor said without having been kept.
 *
 * @param <T> what changed (a {@link User}, a {@link Dealer}...)
 */
@FunctionalInterface
public interface ChangeRecorder<T> {

    /**
     * @param tx     the change's transaction
     * @param before the thing before the change; null when it was created
     * @param after  the thing after the change; null when it was deleted
     */
    void record(DSLContext tx, T before, T after);

    static <T> ChangeRecorder<T> none() {
        return (tx, before, after) -> {
        };
    }
}
