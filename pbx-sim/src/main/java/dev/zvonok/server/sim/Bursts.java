package dev.zvonok.server.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The bursts of a recorded call: runs of events that arrive together, separated by idle gaps of at least
 * {@link #MIN_GAP_MILLIS} in which only RTCP reports arrive. The gaps are the call's {@link Wait waits}.
 *
 * @param starts first event time of each burst (ms since the call's first event)
 * @param ends   last event time of each burst
 */
record Bursts(long[] starts, long[] ends) {

    /** Inside a burst Asterisk's events follow each other within ms (the DTMF of 08: 45-150 ms); humans take longer. */
    static final long MIN_GAP_MILLIS = 400;

    static Bursts detect(long[] times, boolean[] rtcp) {
        List<long[]> bursts = new ArrayList<>();
        long[] current = null;
        for (int i = 0; i < times.length; i++) {
            if (rtcp[i]) {
                continue;
            }
            if (current == null || times[i] - current[1] >= MIN_GAP_MILLIS) {
                current = new long[] {times[i], times[i]};
                bursts.add(current);
            } else {
                current[1] = times[i];
            }
        }
        return new Bursts(bursts.stream().mapToLong(b -> b[0]).toArray(), bursts.stream().mapToLong(b -> b[1]).toArray());
    }

    int count() {
        return starts.length;
    }

    /** The idle gap after burst {@code i}. */
    long gapAfter(int i) {
        return starts[i + 1] - ends[i];
    }

    /** The burst holding the instant, or -1 when it falls in a gap or outside the call. */
    int burstAt(long instant) {
        for (int i = 0; i < starts.length; i++) {
            if (instant >= starts[i] && instant <= ends[i]) {
                return i;
            }
        }
        return -1;
    }
}
