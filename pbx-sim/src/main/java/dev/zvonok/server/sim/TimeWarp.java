package dev.zvonok.server.sim;

/**
 * Maps an instant of the recorded call to the same moment of a new call whose waits have other lengths.
 *
 * <p>Inside a burst the recorded spacing is kept (ms-exact), except that a burst may grow or shrink after a given
 * instant (more or fewer dialled digits). Inside a wait an instant keeps its relative position, so the RTCP reports
 * of a longer talk spread out over it. Before the first burst and after the last, time runs as recorded.
 * All instants are ms since the call's first event.
 */
final class TimeWarp {

    private final Bursts recorded;
    private final long[] newStarts;
    private final long[] newEnds;
    private final long[] growAfter;
    private final long[] growth;

    /**
     * @param waits     the new length of each gap, in order
     * @param growAfter per burst, the recorded instant after which it grows by {@code growth} (Long.MAX_VALUE: never)
     */
    TimeWarp(Bursts recorded, long[] waits, long[] growAfter, long[] growth) {
        int count = recorded.count();
        if (waits.length != count - 1) {
            throw new IllegalArgumentException(count + " bursts need " + (count - 1) + " waits, not " + waits.length);
        }
        this.recorded = recorded;
        this.growAfter = growAfter;
        this.growth = growth;
        newStarts = new long[count];
        newEnds = new long[count];
        long start = recorded.starts()[0];
        for (int i = 0; i < count; i++) {
            newStarts[i] = start;
            newEnds[i] = start + recorded.ends()[i] - recorded.starts()[i] + growth[i];
            if (i < count - 1) {
                start = newEnds[i] + waits[i];
            }
        }
    }

    long map(long instant) {
        long[] starts = recorded.starts();
        long[] ends = recorded.ends();
        int last = starts.length - 1;
        if (instant < starts[0]) {
            return instant - starts[0] + newStarts[0];
        }
        if (instant > ends[last]) {
            return instant - ends[last] + newEnds[last];
        }
        for (int i = 0; i <= last; i++) {
            if (instant <= ends[i]) {
                return newStarts[i] + instant - starts[i] + (instant > growAfter[i] ? growth[i] : 0);
            }
            if (instant < starts[i + 1]) {
                long recordedGap = starts[i + 1] - ends[i];
                long newGap = newStarts[i + 1] - newEnds[i];
                return newEnds[i] + Math.round((double) (instant - ends[i]) * newGap / recordedGap);
            }
        }
        throw new AssertionError("unreachable: " + instant);
    }

    /** Where the new call's last burst ends. */
    long end() {
        return newEnds[newEnds.length - 1];
    }
}
