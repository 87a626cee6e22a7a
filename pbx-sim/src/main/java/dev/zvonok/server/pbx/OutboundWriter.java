package dev.zvonok.server.pbx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Everything one client is sent goes through here: a bounded queue drained by the client's own writer thread, so
 * that a slow client never holds up publishing to the others.
 *
 * <p>A client that cannot keep up is to be disconnected, as Asterisk does once a write blocks longer than the
 * account's {@code writetimeout}: {@link #offer} says so when the queue is full or the current write has been
 * blocked longer than the write timeout.
 */
final class OutboundWriter implements Runnable {

    /** Marks the end: what was queued before it is written, then the connection closes. Compared by identity. */
    private static final byte[] CLOSE_AFTER_FLUSH = new byte[0];
    private static final int MAX_BATCH = 512;

    private final BlockingQueue<byte[]> queue;
    private final OutputStream out;
    private final long writeTimeoutNanos;
    /** How long {@link #offer} may wait for room in a full queue: 0, or the write timeout under WAIT. */
    private final long offerWaitNanos;
    private final Runnable onEnd;
    /** When the write in progress started; 0 while the writer waits for work. */
    private volatile long writingSinceNanos;

    OutboundWriter(OutputStream out, int capacity, long writeTimeoutNanos, SlowClientPolicy policy, Runnable onEnd) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = out;
        this.writeTimeoutNanos = writeTimeoutNanos;
        this.offerWaitNanos = policy == SlowClientPolicy.WAIT ? writeTimeoutNanos : 0;
        this.onEnd = onEnd;
    }

    /** Queues bytes for the client; false when the client is not keeping up (the caller disconnects it). */
    boolean offer(byte[] wire) {
        long since = writingSinceNanos;
        if (since != 0 && System.nanoTime() - since > writeTimeoutNanos) {
            return false;
        }
        if (offerWaitNanos == 0) {
            return queue.offer(wire);
        }
        try {
            return queue.offer(wire, offerWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // our caller is being stopped: one last try, no waiting
            return queue.offer(wire);
        }
    }

    /** Writes what is queued, then ends; false if the queue had no room even for that. */
    boolean closeAfterFlush() {
        return queue.offer(CLOSE_AFTER_FLUSH);
    }

    int queued() {
        return queue.size();
    }

    @Override
    public void run() {
        List<byte[]> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                writingSinceNanos = System.nanoTime() | 1; // never 0 while writing
                boolean last = false;
                for (byte[] wire : batch) {
                    if (wire == CLOSE_AFTER_FLUSH) {
                        last = true;
                        break;
                    }
                    out.write(wire);
                }
                out.flush();
                writingSinceNanos = 0;
                batch.clear();
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the session is closing
        } catch (IOException e) {
            // the client went away or the session closed the socket; the session logs why
        } finally {
            onEnd.run();
        }
    }
}
