package dev.zvonok.app.notes;

import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveEvents;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ServerMessage;
import java.util.List;
import java.util.Optional;

/** Ivanov's card on a running server, for the tests of what becomes of its notes. */
public final class IvanovsCard {

    private IvanovsCard() {
    }

    /**
     * Ivanov's phone rings, he talks, the caller hangs up; the card waits for "Finish and close". {@code heard} is the
     * app's connection, already connected (its {@code active-calls} came), so that the ring reaches it.
     *
     * @return the call's id
     */
    public static String ring(RunningServer server, LiveEvents heard) {
        server.play(RunningServer.IVANOV_ANSWERS);
        String callId = heard.await(ServerMessage.IncomingCall.class).callId();
        heard.await(ServerMessage.CallEnded.class);
        server.awaitRecordedEndedCalls(1);
        return callId;
    }

    /** What the server has on the card, as another connection of Ivanov's gets it. */
    public static Optional<CallNotes> storedNotes(RunningServer server, Sessions sessions, LiveSettings settings,
                                                  String callId) {
        try (LiveConnection peek = new LiveConnection(server.address().webSocket(), sessions, settings,
                WireJson.mapper())) {
            LiveEvents peeked = new LiveEvents();
            peek.addListener(peeked);
            peek.start();
            return peeked.await(ServerMessage.ActiveCalls.class).calls().stream()
                    .filter(card -> card.call().callId().equals(callId))
                    .map(ActiveCall::notes)
                    .findFirst();
        }
    }

    /** Notes as an operator types them: a text, a tag, a priority and the client's name. */
    public static CallNotes draft(String text) {
        return new CallNotes(text, List.of("доставка"), Priority.HIGH, new ClientInfo("Анна", null, null, null), 0);
    }
}
