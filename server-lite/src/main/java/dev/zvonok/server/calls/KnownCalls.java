package dev.zvonok.server.calls;

import dev.zvonok.server.tracking.CallInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the writer knows of the calls in progress it wrote itself: their row ids, whether a Linkedid was merged into
 * another call, and the call details last written. Most events then need no lookup and no rewrite of the call row.
 *
 * <p>Only the recorder's writer thread uses it, and it follows the transaction: what a transaction learns counts
 * once it commits; a failed transaction makes it forget everything, since after a failure the database may not be
 * what it remembers. Ended calls are forgotten (the database says they ended); a safety valve empties it if calls
 * pile up without ending.
 */
final class KnownCalls {

    /**
     * @param id            the row the Linkedid's events go to
     * @param merged        the Linkedid was absorbed into the call {@code id}
     * @param info          the call details last written to the row, null when not written by this writer
     * @param identityKnown the caller identity written was a known one (an unknown one may still be upgraded)
     */
    record Known(long id, boolean merged, CallInfo info, boolean identityKnown) {
    }

    private static final int MAX_CALLS = 20_000;

    private final Map<String, Known> committed = new HashMap<>();
    private final Map<String, Known> staged = new HashMap<>();
    private final Set<String> unstaged = new HashSet<>();

    Known get(String linkedid) {
        if (unstaged.contains(linkedid)) {
            return null;
        }
        Known known = staged.get(linkedid);
        return known != null ? known : committed.get(linkedid);
    }

    void put(String linkedid, Known known) {
        unstaged.remove(linkedid);
        staged.put(linkedid, known);
    }

    /** Forgets the call and every Linkedid merged into it. */
    void forgetCall(String linkedid, long id) {
        forget(linkedid);
        committed.forEach((other, known) -> {
            if (known.merged() && known.id() == id) {
                unstaged.add(other);
            }
        });
        staged.entrySet().removeIf(e -> e.getValue().merged() && e.getValue().id() == id);
    }

    private void forget(String linkedid) {
        staged.remove(linkedid);
        unstaged.add(linkedid);
    }

    void commit() {
        committed.keySet().removeAll(unstaged);
        committed.putAll(staged);
        staged.clear();
        unstaged.clear();
        if (committed.size() > MAX_CALLS) {
            committed.clear();
        }
    }

    void rollback() {
        staged.clear();
        unstaged.clear();
        committed.clear();
    }

    int size() {
        return committed.size();
    }
}
