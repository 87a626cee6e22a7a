package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.TimedMessage;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The messages of many calls in time order, rendered one at a time. Calls come from a source in order of their start
 * (it may be endless); a call joins just before its first message is due, so only calls in progress are held.
 *
 * <p>Stable: messages due at the same ms come in the order their calls started (then were given), and a call's own
 * messages keep their recorded order.
 */
final class MergedTimeline implements Iterator<TimedMessage> {

    private static final class Cursor {
        final SimulatedCall call;
        final long order;
        int next;

        Cursor(SimulatedCall call, long order) {
            this.call = call;
            this.order = order;
        }

        long dueMillis() {
            return call.atMillis(next);
        }
    }

    private final Iterator<SimulatedCall> calls;
    private final PriorityQueue<Cursor> inProgress = new PriorityQueue<>(
            Comparator.comparingLong(Cursor::dueMillis).thenComparingLong(cursor -> cursor.order));
    private SimulatedCall upcoming;
    private long joined;
    private long lastStart = Long.MIN_VALUE;

    MergedTimeline(Iterator<SimulatedCall> callsInStartOrder) {
        this.calls = callsInStartOrder;
    }

    @Override
    public boolean hasNext() {
        admitDueCalls();
        return !inProgress.isEmpty();
    }

    @Override
    public TimedMessage next() {
        admitDueCalls();
        Cursor cursor = inProgress.poll();
        if (cursor == null) {
            throw new NoSuchElementException();
        }
        TimedMessage message = cursor.call.message(cursor.next++);
        if (cursor.next < cursor.call.size()) {
            inProgress.add(cursor);
        }
        return message;
    }

    /** Lets in every call that starts no later than the earliest message of the calls already in. */
    private void admitDueCalls() {
        while (true) {
            if (upcoming == null && calls.hasNext()) {
                upcoming = calls.next();
                if (upcoming.startMillis() < lastStart) {
                    throw new IllegalStateException("calls must come in start order: " + upcoming.startMillis()
                            + " ms after " + lastStart + " ms");
                }
                lastStart = upcoming.startMillis();
            }
            if (upcoming == null) {
                return;
            }
            Cursor head = inProgress.peek();
            if (head != null && head.dueMillis() < upcoming.startMillis()) {
                return;
            }
            inProgress.add(new Cursor(upcoming, joined++));
            upcoming = null;
        }
    }
}
