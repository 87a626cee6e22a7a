package dev.zvonok.app;

import dev.zvonok.app.history.Dialer;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveListener;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Click-to-call over the live connection: sends {@code originate} and completes when the server answers its
 * {@code ref} with {@code originate-accepted} (the operator's phone is about to ring) or with an {@code error}.
 */
final class LiveDialer implements Dialer, LiveListener {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final LiveConnection live;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    LiveDialer(LiveConnection live) {
        this.live = live;
    }

    @Override
    public CompletableFuture<Void> callBack(String number) {
        String ref = "originate-" + UUID.randomUUID();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        waiting.put(ref, answer);
        answer.whenComplete((done, failure) -> waiting.remove(ref));
        if (!live.send(new ClientMessage.Originate(ref, number))) {
            answer.completeExceptionally(new IOException("not connected to the server"));
        }
        return answer.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void received(ServerMessage message) {
        switch (message) {
            case ServerMessage.OriginateAccepted accepted -> complete(accepted.ref(), null);
            case ServerMessage.Error error when error.ref() != null ->
                    complete(error.ref(), new IllegalStateException(error.code() + ": " + error.message()));
            default -> {
            }
        }
    }

    @Override
    public void stateChanged(ConnectionState state) {
        if (!(state instanceof ConnectionState.Connected)) {
            // a click-to-call sent on a dropped connection is never answered: say so now
            waiting.values().forEach(answer -> answer.completeExceptionally(new IOException("connection lost")));
        }
    }

    private void complete(String ref, Throwable failure) {
        CompletableFuture<Void> answer = waiting.get(ref);
        if (answer == null) {
            return;
        }
        if (failure == null) {
            answer.complete(null);
        } else {
            answer.completeExceptionally(failure);
        }
    }
}
