package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One call-control action from a logged-in client, and the way to answer it. */
public final class CallControlRequest {

    private final AmiMessage action;
    private final AmiAccount account;
    private final ChannelTable channels;
    private final Consumer<AmiMessage> responder;
    private final Consumer<AmiMessage> publisher;
    private final AtomicBoolean responded = new AtomicBoolean();

    CallControlRequest(AmiMessage action, AmiAccount account, ChannelTable channels, Consumer<AmiMessage> responder,
                       Consumer<AmiMessage> publisher) {
        this.action = action;
        this.account = account;
        this.channels = channels;
        this.responder = responder;
        this.publisher = publisher;
    }

    /** The action as the client sent it (header lookups are case-insensitive). */
    public AmiMessage action() {
        return action;
    }

    /** The action's name in lower case: {@code originate}, {@code redirect}, {@code blindtransfer}... */
    public String name() {
        return action.get("Action").strip().toLowerCase(Locale.ROOT);
    }

    public String header(String key) {
        return action.get(key);
    }

    public String actionId() {
        return action.actionId();
    }

    /** The manager account the client logged in with. */
    public String username() {
        return account.username();
    }

    /** What the account may run beyond the action itself (an Originate's application may need {@code system}). */
    int writeMask() {
        return account.writeMask();
    }

    /** The PBX's live channels, to check that a named channel exists. */
    public ChannelTable channels() {
        return channels;
    }

    /** Sends the response to the client; the action's ActionID is added when missing. Only the first call counts. */
    public void respond(AmiMessage response) {
        if (responded.compareAndSet(false, true)) {
            responder.accept(AmiResponses.withActionId(response, actionId()));
        }
    }

    public void success(String message) {
        respond(AmiResponses.success(actionId(), message));
    }

    public void error(String message) {
        respond(AmiResponses.error(actionId(), message));
    }

    public boolean responded() {
        return responded.get();
    }

    /** Publishes an event to every client, as {@link AmiEndpoint#publish} does; call it after responding. */
    public void publish(AmiMessage event) {
        publisher.accept(event);
    }
}
