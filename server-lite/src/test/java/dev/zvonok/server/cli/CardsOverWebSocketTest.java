package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.CallAnswered;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.CallFinished;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.model.ws.ServerMessage.NotesUpdated;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.Role;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedPbx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator writes on a card is safe once acknowledged: it survives the client going away, the server
 * restarting, and nobody but the card's operator can change it.
 */
class CardsOverWebSocketTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ShapeLibrary SHAPES = ShapeLibrary.load();

    private SimulatedPbx pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        pbx = SimulatedPbx.start(AmiEndpoint.builder(), new PbxSimulator(SHAPES, Instant.now(), 3),
                PlaybackSpeed.realTime());
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    /** A dealer calls Ivanov (777); he answers at once and talks for {@code talk}. */
    private void callIvanov(Duration talk) {
        pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED).withParties(Map.of(Role.OPERATOR, "777"))
                .ring(Duration.ofMillis(300)).talk(talk));
    }

    private static ClientMessage.UpdateCallNotes notes(String ref, String callId, String text, int version) {
        return new ClientMessage.UpdateCallNotes(ref, callId, text, List.of("доставка", "vip"), Priority.HIGH,
                new ClientInfo("Анна Петровна", "Волга-Авто", "Самара, ул. Мира, 1", null), version);
    }

    @Test
    void notesWrittenWhileItRingsAndTalksComeBackAfterAReconnect() throws Exception {
        String callId;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            callIvanov(Duration.ofSeconds(30));
            callId = ivanov.await(IncomingCall.class).callId();
            // typed during the ring: the recorder may not have written the call yet
            ivanov.send(notes("n1", callId, "Просит перезвонить", 0));
            NotesUpdated first = ivanov.await(NotesUpdated.class);
            assertThat(first.ref()).isEqualTo("n1");
            assertThat(first.version()).isEqualTo(1);
            ivanov.await(CallAnswered.class);
            ivanov.send(notes("n2", callId, "Просит перезвонить завтра", 1));
            assertThat(ivanov.await(NotesUpdated.class).version()).isEqualTo(2);
        }

        try (OperatorClient again = server.operator("ivanov")) {
            ActiveCall card = card(again, callId);
            assertThat(card.state()).isEqualTo(ActiveCall.State.ACTIVE);
            assertThat(card.call().caller().name()).isEqualTo("Автодом Волга");
            assertThat(card.notes().notes()).isEqualTo("Просит перезвонить завтра");
            assertThat(card.notes().tags()).containsExactly("доставка", "vip");
            assertThat(card.notes().priority()).isEqualTo(Priority.HIGH);
            assertThat(card.notes().clientInfo().name()).isEqualTo("Анна Петровна");
            assertThat(card.notes().version()).isEqualTo(2);
        }
    }

    @Test
    void anEndedCardAndItsNotesSurviveAServerRestartUntilFinished() throws Exception {
        String callId;
        try (OperatorClient ivanov = server.operator("ivanov")) {
            callIvanov(Duration.ofSeconds(1));
            callId = ivanov.await(IncomingCall.class).callId();
            ivanov.await(CallAnswered.class);
            ivanov.send(notes("n1", callId, "Заказ №4512", 0));
            ivanov.await(NotesUpdated.class);
            CallEnded ended = ivanov.await(CallEnded.class);
            assertThat(ended.awaitingFinish()).isTrue();
        }
        server.server.recorder().awaitIdle(Duration.ofSeconds(10));
        server.close();

        server = LiveServer.start(db.settings(), pbx.endpoint());
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ActiveCall card = card(ivanov, callId);
            assertThat(card.state()).isEqualTo(ActiveCall.State.ENDED);
            assertThat(card.notes().notes()).isEqualTo("Заказ №4512");

            ivanov.send(new ClientMessage.FinishCall("f1", callId));
            CallFinished finished = ivanov.await(CallFinished.class);
            assertThat(finished.callId()).isEqualTo(callId);
        }
        try (OperatorClient ivanov = server.operator("ivanov")) {
            assertThat(ivanov.activeCalls.calls()).as("finished cards stay closed").isEmpty();
        }
    }

    @Test
    void aStaleVersionIsRefusedWithTheStoredNotes() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient ivanovOnHisLaptop = server.operator("ivanov")) {
            callIvanov(Duration.ofSeconds(30));
            String callId = ivanov.await(IncomingCall.class).callId();
            ivanov.send(notes("a", callId, "первая правка", 0));
            ivanov.await(NotesUpdated.class);

            ivanovOnHisLaptop.send(notes("b", callId, "правка с устаревшей версии", 0));
            ServerMessage.Error stale = ivanovOnHisLaptop.await(ServerMessage.Error.class);
            assertThat(stale.code()).isEqualTo("stale-version");
            assertThat(stale.ref()).isEqualTo("b");
            CallNotes current = stale.current();
            assertThat(current.notes()).isEqualTo("первая правка");
            assertThat(current.version()).isEqualTo(1);
        }
    }

    @Test
    void anotherOperatorCannotTouchTheCard() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            callIvanov(Duration.ofSeconds(30));
            String callId = ivanov.await(IncomingCall.class).callId();
            ivanov.send(notes("mine", callId, "моё", 0));
            ivanov.await(NotesUpdated.class);

            petrov.send(notes("theirs", callId, "чужое", 1));
            ServerMessage.Error refused = petrov.await(ServerMessage.Error.class);
            assertThat(refused.code()).isEqualTo("unknown-call");
            petrov.send(new ClientMessage.FinishCall("close-it", callId));
            assertThat(petrov.await(ServerMessage.Error.class).code()).isEqualTo("unknown-call");

            ivanov.send(notes("still-mine", callId, "моё, дополнено", 1));
            assertThat(ivanov.await(NotesUpdated.class).version()).as("nothing changed in between").isEqualTo(2);
        }
    }

    @Test
    void finishClosesTheCardOnEveryClientOfTheUserAndIsIdempotent() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov");
             OperatorClient ivanovOnHisLaptop = server.operator("ivanov")) {
            callIvanov(Duration.ofSeconds(1));
            String callId = ivanov.await(IncomingCall.class).callId();
            ivanov.await(CallEnded.class);

            ivanov.send(new ClientMessage.FinishCall("f1", callId));
            Instant first = ivanov.await(CallFinished.class).finishedAt();
            assertThat(ivanovOnHisLaptop.await(CallFinished.class).callId()).isEqualTo(callId);

            ivanov.send(new ClientMessage.FinishCall("f2", callId));
            assertThat(ivanov.await(CallFinished.class).finishedAt()).isEqualTo(first);
        }
    }

    @Test
    void clickToCallRingsTheOperatorsOwnPhoneThenTheNumber() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.Originate("c1", "8 916 123-45-67"));
            assertThat(ivanov.await(ServerMessage.OriginateAccepted.class).ref()).isEqualTo("c1");

            IncomingCall ring = ivanov.await(IncomingCall.class);
            assertThat(ring.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(ring.extension()).isEqualTo("777");
            assertThat(ring.dialed()).isEqualTo("+79161234567");
        }
    }

    @Test
    void supervisorsWatchEveryCallAndOperatorsMayNot() throws Exception {
        try (OperatorClient supervisor = server.operator("supervisor");
             OperatorClient petrov = server.operator("petrov")) {
            supervisor.send(new ClientMessage.SubscribeAllCalls("all"));
            assertThat(supervisor.await(ServerMessage.Subscribed.class).scope()).isEqualTo("all");
            supervisor.await(ServerMessage.ActiveCalls.class);
            petrov.send(new ClientMessage.SubscribeAllCalls("all"));
            assertThat(petrov.await(ServerMessage.Error.class).code()).isEqualTo("forbidden");

            callIvanov(Duration.ofSeconds(1));
            assertThat(supervisor.await(IncomingCall.class).extension()).isEqualTo("777");
            assertThat(supervisor.await(CallEnded.class).extension()).isEqualTo("777");
            assertThat(petrov.drainUntilPong()).as("the call ended before this ping was answered").isEmpty();
        }
    }

    private static ActiveCall card(OperatorClient client, String callId) {
        return client.activeCalls.calls().stream().filter(card -> card.call().callId().equals(callId))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + callId + " in " + client.activeCalls));
    }
}
