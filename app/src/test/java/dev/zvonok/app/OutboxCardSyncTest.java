package dev.zvonok.app;

import static dev.zvonok.app.notes.IvanovsCard.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveEvents;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.notes.IvanovsCard;
import dev.zvonok.app.notes.NotesJournal;
import dev.zvonok.app.notes.NotesListener;
import dev.zvonok.app.notes.NotesOutbox;
import dev.zvonok.app.notes.NotesOutboxSettings;
import dev.zvonok.app.notes.NotesRejection;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cards' edits and "Finish and close" through the app's own {@link OutboxCardSync} (into the journaled outbox, over
 * the live connection) against the real server.
 */
class OutboxCardSyncTest {

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
    private LiveConnection live;
    private NotesOutbox outbox;
    private OutboxCardSync sync;
    private final LiveEvents heard = new LiveEvents();
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final List<NotesRejection> refused = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start(db);
        sessions = RunningServer.newSessions(dataDirectory);
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
        live = new LiveConnection(server.address().webSocket(), sessions, QUICK, WireJson.mapper());
        live.addListener(heard);
        outbox = new NotesOutbox(new NotesJournal(dataDirectory.resolve("notes"), WireJson.mapper()), live, SETTINGS,
                WireJson.mapper(), Clock.systemUTC());
        outbox.addListener(new NotesListener() {
            @Override
            public void acknowledged(String callId, int version, Instant savedAt) {
                acknowledged.put(callId, version);
            }

            @Override
            public void rejected(String callId, NotesRejection rejection) {
                refused.add(rejection);
            }
        });
        sync = new OutboxCardSync(outbox);
        outbox.start().join();
        live.start();
        heard.await(ServerMessage.ActiveCalls.class); // connected: the ring will reach the app
    }

    @AfterEach
    void stop() {
        live.close();
        outbox.close();
        sessions.close();
        server.close();
    }

    private String ivanovsCard() {
        return IvanovsCard.ring(server, heard);
    }

    private Optional<CallNotes> storedNotes(String callId) {
        return IvanovsCard.storedNotes(server, sessions, QUICK, callId);
    }

    @Test
    void whatTheOperatorTypesIsStoredAndFinishClosesTheCall() {
        String callId = ivanovsCard();

        sync.notesEdited(callId, draft("Просит перезвонить"));
        await().atMost(WAIT).until(() -> acknowledged.containsKey(callId));
        assertThat(sync.unsavedDraft(callId)).isEmpty();
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> {
            assertThat(stored.notes()).isEqualTo("Просит перезвонить");
            assertThat(stored.clientInfo().name()).isEqualTo("Анна");
        });

        sync.finish(callId);

        assertThat(heard.await(ServerMessage.CallFinished.class).callId()).isEqualTo(callId);
        assertThat(storedNotes(callId)).as("finished: no longer waiting").isEmpty();
    }

    @Test
    void notesTypedWhileTheServerIsGoneWaitAsUnsavedAndAreSavedWhenItIsBack() {
        String callId = ivanovsCard();
        server.proxy().cut();

        sync.notesEdited(callId, draft("Перезвонить после обеда"));
        outbox.awaitJournaled(); // the outbox takes edits on its own thread: this one is in now

        assertThat(sync.unsavedDraft(callId)).hasValueSatisfying(
                unsaved -> assertThat(unsaved.notes()).isEqualTo("Перезвонить после обеда"));
        server.proxy().restore();
        await().atMost(WAIT).until(() -> acknowledged.containsKey(callId));
        assertThat(sync.unsavedDraft(callId)).isEmpty();
        assertThat(storedNotes(callId)).hasValueSatisfying(
                stored -> assertThat(stored.notes()).isEqualTo("Перезвонить после обеда"));
    }

    @Test
    void notesBreakingTheServersLimitsAreNeitherKeptNorSent() {
        String callId = ivanovsCard();
        sync.notesEdited(callId, draft("Первая запись"));
        await().atMost(WAIT).until(() -> acknowledged.containsKey(callId));

        sync.notesEdited(callId, draft("я".repeat(CallNotes.MAX_NOTES_CHARS + 1)));

        // refused before it is queued (synchronously), so nothing of it can still be on its way
        assertThat(sync.unsavedDraft(callId)).isEmpty();
        assertThat(storedNotes(callId)).hasValueSatisfying(stored -> {
            assertThat(stored.notes()).isEqualTo("Первая запись");
            assertThat(stored.version()).isEqualTo(1);
        });
    }

    @Test
    void notesAndFinishOfACallThatDoesNotExistAreRefusedByTheServer() {
        sync.notesEdited("no-such-call", draft("Кому это?"));
        await().atMost(WAIT).until(() -> !refused.isEmpty());
        assertThat(refused.getFirst().code()).isEqualTo(ErrorCode.UNKNOWN_CALL.wireName());

        sync.finish("no-such-call-either");
        await().atMost(WAIT).until(() -> refused.size() >= 2);
        assertThat(refused.get(1).code()).isEqualTo(ErrorCode.UNKNOWN_CALL.wireName());
    }
}
