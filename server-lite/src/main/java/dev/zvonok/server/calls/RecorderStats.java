package dev.zvonok.server.calls;

/**
 * What the {@link CallRecorder} has done so far.
 *
 * @param queued   events received from the tracker
 * @param written  events committed to the database
 * @param retries  failed attempts that were (or will be) tried again
 * @param failures events given up on: refused by the database again and again, or still queued at close
 * @param pending  events received but not yet written or given up on
 */
public record RecorderStats(long queued, long written, long retries, long failures, long pending) {
}
