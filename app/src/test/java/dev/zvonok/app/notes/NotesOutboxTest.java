package dev.zvonok.app.notes;

import static dev.zvonok.app.notes.IvanovsCard.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveEvents;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Notes are never lost", against the real server: offline, across a crash, against another computer's edits. */
class NotesOutboxTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LiveSettings QUICK = LiveSettings.defaults()
            .withRetry(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withPing(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final NotesOutboxSettings SETTINGS = NotesOutboxSettings.defaults()
            .withDebounce(Duration.ofMillis(300), Duration.ofSeconds(2));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** The app as it runs: its live connection, what it heard, its outbox, what that told. */
    private record App(LiveConnection live, LiveEvents heard, NotesOutbox outbox, NotesEvents told) {
    }

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start(db);
        sessions = RunningServer.newSessions(dataDirectory);
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        sessions.close();
        server.close();
    }

    private Path journalDirectory() {
        return dataDirectory.resolve("notes");
    }

    /** Starts the app's live part over the data directory: a new process, as far as notes go. */
    private App startApp() {
        LiveConnection live = new LiveConnection(server.address().webSocket(), sessions, QUICK, WireJson.mapper());
        LiveEvents heard = new LiveEvents();
        live.addListener(heard);
        NotesOutbox outbox = new NotesOutbox(new NotesJournal(journalDirectory(), WireJson.mapper()), live, SETTINGS,
                WireJson.mapper(), Clock.systemUTC());
        NotesEvents told = new NotesEvents();
        outbox.addListener(told);
        toClose.add(live);
        toClose.add(outbox);
        outbox.start().join();
        live.start();
        return new App(live, heard, outbox, told);
    }

    private String ivanovsCard(App app) {
        app.heard().await(ServerMessage.ActiveCalls.class); // connected: the ring will reach the app
        return IvanovsCard.ring(server, app.heard());
    }

    private Optional<CallNotes> storedNotes(String callId) {
        return IvanovsCard.storedNotes(server, sessions, QUICK, callId);
    }

    private long journaled() throws Exception {
        if (!Files.isDirectory(journalDirectory())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(journalDirectory())) {
            return files.count();
        }
    }

    @Test
    void typingIsDebouncedAndTheNewestDraftIsSavedOnce() throws Exception {
        App app = startApp();
        String callId = ivanovsCard(app);

        String typed = "";
        for (char c : "Просит перезвонить".toCharArray()) {
            typed += c;
            assertThat(app.outbox().edit(callId, draft(typed))).isEmpty();
        }

        await().atMost(WAIT).until(() -> !app.told().acks.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> app.told().acks.size() == 1);
        assertThat(app.told().acks.getFirst().version()).isEqualTo(1);
        assertThat(app.told().acks.getFirst().savedAt()).isNotNull();
        assertThat(app.outbox().pendingCount()).isZero();
        assertThat(app.outbox().unacknowledgedDraft(callId)).isEmpty();
        assertThat(journaled()).as("acknowledged: nothing left in the journal").isZero();
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> {
            assertThat(stored.notes()).isEqualTo("Просит перезвонить");
            assertThat(stored.tags()).containsExactly("доставка");
            assertThat(stored.priority()).isEqualTo(Priority.HIGH);
            assertThat(stored.clientInfo().name()).isEqualTo("Анна");
            assertThat(stored.version()).isEqualTo(1);
        });
    }

    @Test
    void notesTypedOfflineSurviveACrashAndAreSavedExactlyOnceAfterTheReconnect() throws Exception {
        App before = startApp();
        String callId = ivanovsCard(before);
        server.goAway();
        before.heard().awaitState(ConnectionState.Reconnecting.class);

        before.outbox().edit(callId, draft("Заказ №4512, перезвонить завтра"));
        before.outbox().awaitJournaled();
        assertThat(journaled()).isEqualTo(1);
        assertThat(before.outbox().pendingCount()).isEqualTo(1);
        // the app dies: its socket goes with it, and nothing more is done with its outbox
        before.live().close();

        App after = startApp();
        assertThat(after.outbox().unacknowledgedDraft(callId)).as("for the card to show over active-calls")
                .hasValueSatisfying(draft -> assertThat(draft.notes()).startsWith("Заказ №4512"));
        assertThat(after.outbox().pendingCount()).isEqualTo(1);
        server.comeBack();

        await().atMost(WAIT).until(() -> !after.told().acks.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> after.told().acks.size() == 1);
        assertThat(after.told().acks.getFirst()).satisfies(ack -> {
            assertThat(ack.callId()).isEqualTo(callId);
            assertThat(ack.version()).isEqualTo(1);
        });
        assertThat(after.outbox().pendingCount()).isZero();
        assertThat(journaled()).isZero();
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> {
            assertThat(stored.notes()).isEqualTo("Заказ №4512, перезвонить завтра");
            assertThat(stored.version()).as("saved once").isEqualTo(1);
        });
    }

    @Test
    void aDraftTheServerAlreadyHasIsNotSavedAgainAfterACrashBeforeItsAcknowledgement() throws Exception {
        App before = startApp();
        String callId = ivanovsCard(before);
        before.outbox().edit(callId, draft("уже на сервере"));
        await().atMost(WAIT).until(() -> before.told().acks.size() == 1);
        before.live().close();
        before.outbox().close();
        // as if the app died after the server stored the draft but before its answer came back
        new NotesJournal(journalDirectory(), WireJson.mapper())
                .write(new JournalEntry(callId, draft("уже на сервере"), 0, false, Instant.now()));

        App after = startApp();

        await().atMost(WAIT).until(() -> after.told().acks.size() == 1);
        assertThat(after.told().acks.getFirst().version()).isEqualTo(1);
        assertThat(after.told().acks.getFirst().savedAt()).as("the server did not store it again").isNull();
        assertThat(after.told().conflicts).isEmpty();
        assertThat(journaled()).isZero();
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(1));
    }

    @Test
    void aSaveFromAnotherComputerMeanwhileKeepsTheLocalDraftAndTellsTheConflict() throws Exception {
        App app = startApp();
        String callId = ivanovsCard(app);
        app.outbox().edit(callId, draft("первая правка"));
        await().atMost(WAIT).until(() -> app.told().acks.size() == 1);

        // Ivanov's laptop saves the card on top of version 1
        try (LiveConnection laptop = new LiveConnection(server.address().webSocket(), sessions, QUICK,
                WireJson.mapper())) {
            LiveEvents heard = new LiveEvents();
            laptop.addListener(heard);
            laptop.start();
            heard.awaitState(ConnectionState.Connected.class);
            laptop.send(new ClientMessage.UpdateCallNotes("laptop-1", callId, "с ноутбука", List.of(),
                    Priority.LOW, ClientInfo.EMPTY, 1));
            assertThat(heard.await(ServerMessage.NotesUpdated.class).version()).isEqualTo(2);
        }

        app.outbox().edit(callId, draft("вторая правка"));

        await().atMost(WAIT).until(() -> app.told().conflicts.size() == 1);
        NotesEvents.Conflict conflict = app.told().conflicts.getFirst();
        assertThat(conflict.callId()).isEqualTo(callId);
        assertThat(conflict.serverNotes().notes()).isEqualTo("с ноутбука");
        assertThat(conflict.serverNotes().version()).isEqualTo(2);
        assertThat(conflict.keptDraft().notes()).isEqualTo("вторая правка");
        await().atMost(WAIT).until(() -> app.told().acks.size() == 2);
        assertThat(app.told().acks.get(1).version()).isEqualTo(3);
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> {
            assertThat(stored.notes()).isEqualTo("вторая правка");
            assertThat(stored.version()).isEqualTo(3);
        });
        assertThat(journaled()).isZero();
    }

    @Test
    void finishAskedForOfflineIsDoneAfterTheReconnectOnceTheLastNotesAreSaved() throws Exception {
        App app = startApp();
        String callId = ivanovsCard(app);
        server.goAway();
        app.heard().awaitState(ConnectionState.Reconnecting.class);

        app.outbox().edit(callId, draft("итог разговора"));
        app.outbox().finish(callId);
        app.outbox().finish(callId); // pressed twice: still one card to close
        app.outbox().awaitJournaled();
        assertThat(Files.readString(new NotesJournal(journalDirectory(), WireJson.mapper()).fileOf(callId)))
                .contains("итог разговора").contains("\"finishRequested\":true");
        server.comeBack();

        ServerMessage.CallFinished finished = app.heard().await(ServerMessage.CallFinished.class);
        assertThat(finished.callId()).isEqualTo(callId);
        List<ServerMessage> answers = app.heard().messages.stream()
                .filter(m -> m instanceof ServerMessage.NotesUpdated || m instanceof ServerMessage.CallFinished)
                .toList();
        assertThat(answers).as("the notes are saved before the card is closed")
                .hasExactlyElementsOfTypes(ServerMessage.NotesUpdated.class, ServerMessage.CallFinished.class);
        await().atMost(WAIT).until(() -> app.outbox().pendingCount() == 0);
        assertThat(journaled()).isZero();
        assertThat(storedNotes(callId)).as("closed: no longer restored").isEmpty();
    }

    @Test
    void notesOnACallTheServerDoesNotKnowAreRejectedAndKept() throws Exception {
        App app = startApp();
        app.heard().awaitState(ConnectionState.Connected.class);

        app.outbox().edit("1700000000.999", draft("чужой звонок"));

        await().atMost(WAIT).until(() -> app.told().rejections.size() == 1);
        assertThat(app.told().rejections.getFirst().rejection().code()).isEqualTo("unknown-call");
        assertThat(app.outbox().pendingCount()).as("kept, never dropped unseen").isEqualTo(1);
        assertThat(journaled()).isEqualTo(1);

        app.outbox().discard("1700000000.999"); // the operator gives it up, knowingly
        await().atMost(WAIT).until(() -> app.outbox().pendingCount() == 0);
        assertThat(journaled()).isZero();
        assertThat(app.outbox().unacknowledgedDraft("1700000000.999")).isEmpty();
    }
}
