package dev.zvonok.server.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * Sends asynchronous {@code Originate}s and follows each to its end. Asterisk accepts one at once ("Originate
 * successfully queued") and says what became of the rung phone only once the dialling ended, in an
 * {@code OriginateResponse} that echoes the order's {@code ActionID}. That word is told exactly once: the PBX's, or
 * {@link OriginateOutcome#UNKNOWN} when the link to the PBX is lost first (an {@code OriginateResponse} is never
 * replayed on a new login) or when nothing came long after the ring timeout — never a failure or a success that was
 * not seen.
 */
final class OriginateFollower {

    private record Waiting(Consumer<OriginateOutcome> listener, CompletableFuture<String> link) {
    }

    private final AmiConnection pbx;
    private final String prefix;
    private final AtomicLong orders = new AtomicLong();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** The loss of the link the last orders went out on; one listener per link, not one per order. */
    private CompletableFuture<String> link;

    /** @param prefix the ActionIDs' beginning ({@code zvonok-dial-}): which feature sent an order, in the PBX's logs */
    OriginateFollower(AmiConnection pbx, String prefix) {
        this.pbx = pbx;
        this.prefix = prefix;
        // asterisk-java's reader thread: only a lookup and the listener's hand-over
        pbx.addEventListener(event -> {
            if (event instanceof OriginateResponseEvent response && response.getActionId() != null) {
                report(response.getActionId(), OriginateOutcome.of(response.getResponse(), response.getReason()));
            }
        });
    }

    /**
     * What the PBX answered at once, and the ActionID the order went out with (null when it was not sent).
     */
    record Sent(String actionId, ManagerResponse response) {

        boolean refused() {
            return response instanceof ManagerError;
        }
    }

    /**
     * Sends {@code originate} (its ActionID set here, Async on) and, when the PBX accepts it, follows it: {@code outcome}
     * hears once, on asterisk-java's or a timer's thread (it must not block), what became of the phone — the PBX's
     * word, or {@link OriginateOutcome#UNKNOWN} when the link is lost first or nothing came within {@code waitAtMost}.
     * A refused order ({@link Sent#refused()}) is not followed.
     *
     * @throws IOException when the PBX is not connected
     */
    Sent send(OriginateAction originate, Duration waitAtMost, Consumer<OriginateOutcome> outcome) throws IOException {
        String actionId = prefix + orders.incrementAndGet();
        originate.setActionId(actionId);
        originate.setAsync(true);
        // waiting before it is sent: the outcome of a phone that fails or answers at once may come right behind the
        // response; and the link taken before sending, so that no loss slips between
        waiting.put(actionId, new Waiting(outcome, currentLink()));
        ManagerResponse response;
        try {
            response = pbx.send(originate);
        } catch (IOException | RuntimeException e) {
            waiting.remove(actionId);
            throw e;
        }
        if (response instanceof ManagerError) {
            waiting.remove(actionId);
        } else {
            CompletableFuture.delayedExecutor(waitAtMost.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> report(actionId, OriginateOutcome.UNKNOWN));
        }
        return new Sent(actionId, response);
    }

    private synchronized CompletableFuture<String> currentLink() {
        if (link == null || link.isDone()) {
            CompletableFuture<String> next = pbx.nextLoss();
            next.thenRun(this::linkLost);
            link = next;
        }
        return link;
    }

    /** Whatever went out on the lost link will never be reported. */
    private void linkLost() {
        waiting.forEach((actionId, order) -> {
            if (order.link().isDone()) {
                report(actionId, OriginateOutcome.UNKNOWN);
            }
        });
    }

    /** The outcome of the order {@code actionId}, heard once. */
    private void report(String actionId, OriginateOutcome outcome) {
        Waiting order = waiting.remove(actionId);
        if (order != null) {
            order.listener().accept(outcome);
        }
    }
}
