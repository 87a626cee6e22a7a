package dev.zvonok.server.directory;

import org.jooq.DSLContext;

/**
 * What else a {@link DirectoryBatch} writes in its own transaction once its changes are made: the audit log's rows of
 * an import, so that an import is never kept without saying who made it, nor said without having been kept.
 */
@FunctionalInterface
public interface BatchRecorder {

    void record(DSLContext tx);
}
