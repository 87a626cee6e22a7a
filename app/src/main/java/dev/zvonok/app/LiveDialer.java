package dev.zvonok.app;

import dev.zvonok.app.history.Dialer;
import dev.zvonok.app.history.PlacedCall;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveListener;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.DialFailure;
import dev.zvonok.model.ws.ServerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Click-to-call over the live connection: sends {@code originate} and completes when the server answers its
 * {@code ref} with {@code originate-accepted} (the operator's phone is about to ring) or with an {@code error}; then
 * follows the accepted call, whose {@code dial-failed} (same {@code ref}) says the phone was not reached after all.
 *
 * <p>The server keeps a {@code dial-failed} until an app acknowledges it, and tells it again on the next socket when it
 * was written into one that died before the acknowledgement came back (a half-open connection, a closed lid): so this
 * dialer acknowledges each one it shows, and recognises one told again by its id — shown once, acknowledged again.
 * One it never placed (another app of the same user did, or this one before a restart) is left to the app that did.
 */
final class LiveDialer implements Dialer, LiveListener {

    static final Duration PATIENCE = Duration.ofSeconds(15);
    /**
     * How long an accepted call is followed. The server's word comes within its ring timeout and patience (90 s by
     * default); a call that went through sends nothing, so a follow-up older than this is forgotten.
     */
    static final Duration FOLLOW_UP = Duration.ofMinutes(10);

    private record Followed(CompletableFuture<DialFailure> notReached, Instant since) {
    }

    private final LiveConnection live;
    private final Clock clock;
    private final Map<String, CompletableFuture<PlacedCall>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    /** The failures shown, by id, and when: one told again is acknowledged again, not shown again. */
    private final Map<String, Instant> shown = new ConcurrentHashMap<>();

    LiveDialer(LiveConnection live) {
        this(live, Clock.systemUTC());
    }

    LiveDialer(LiveConnection live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<PlacedCall> callBack(String number) {
        Instant now = clock.instant();
        followed.values().removeIf(call -> call.since().isBefore(now.minus(FOLLOW_UP)));
        shown.values().removeIf(at -> at.isBefore(now.minus(FOLLOW_UP)));
        String ref = "originate-" + UUID.randomUUID();
        CompletableFuture<PlacedCall> answer = new CompletableFuture<>();
        waiting.put(ref, answer);
        answer.whenComplete((done, failure) -> waiting.remove(ref));
        // followed before it is sent: the server may tell the failure right behind the acceptance
        CompletableFuture<DialFailure> notReached = new CompletableFuture<>();
        followed.put(ref, new Followed(notReached, now));
        answer.whenComplete((done, failure) -> {
            if (failure != null) {
                followed.remove(ref); // never placed: nothing to follow
            }
        });
        if (!live.send(new ClientMessage.Originate(ref, number))) {
            answer.completeExceptionally(new IOException("not connected to the server"));
        }
        return answer.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void received(ServerMessage message) {
        switch (message) {
            case ServerMessage.OriginateAccepted accepted -> accepted(accepted.ref());
            case ServerMessage.DialFailed failed -> notReached(failed);
            case ServerMessage.Error error when error.ref() != null ->
                    complete(error.ref(), new IllegalStateException(error.code() + ": " + error.message()));
            default -> {
            }
        }
    }

    @Override
    public void stateChanged(ConnectionState state) {
        if (!(state instanceof ConnectionState.Connected)) {
            // a click-to-call sent on a dropped connection is never answered: say so now. One already accepted is
            // still followed: the server tells its fate to whichever socket of the user is open then
            waiting.values().forEach(answer -> answer.completeExceptionally(new IOException("connection lost")));
        }
    }

    private void accepted(String ref) {
        CompletableFuture<PlacedCall> answer = waiting.get(ref);
        Followed call = followed.get(ref);
        if (answer != null && call != null) {
            answer.complete(new PlacedCall(call.notReached()));
        }
    }

    private void notReached(ServerMessage.DialFailed failed) {
        if (failed.id() != null && shown.containsKey(failed.id())) {
            acknowledge(failed.id()); // told again: the first acknowledgement was lost with its socket
            return;
        }
        Followed call = failed.ref() == null ? null : followed.remove(failed.ref());
        if (call == null) {
            return; // not placed here: the app that placed it shows and acknowledges it
        }
        call.notReached().complete(failed.reason() == null ? DialFailure.UNKNOWN : failed.reason());
        if (failed.id() != null) { // a server that asks for no acknowledgement sends none
            shown.put(failed.id(), clock.instant());
            acknowledge(failed.id());
        }
    }

    /** Not connected: the server tells it again on the next socket, and it is acknowledged then. */
    private void acknowledge(String id) {
        live.send(new ClientMessage.AckDialFailed("ack-" + id, id));
    }

    private void complete(String ref, Throwable failure) {
        CompletableFuture<PlacedCall> answer = waiting.get(ref);
        if (answer != null) {
            answer.completeExceptionally(failure);
        }
    }
}
