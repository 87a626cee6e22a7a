package dev.zvonok.app.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.server.AccessTokenSource;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.CallNotesRules;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.NotesViolation;
import dev.zvonok.model.call.Priority;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts the server would refuse are refused at once, to the caller, and nothing of them is kept. No server needed. */
class NotesOutboxLimitsTest {

    @TempDir
    Path dataDirectory;

    private LiveConnection neverStarted;
    private NotesOutbox outbox;
    private final NotesEvents told = new NotesEvents();

    @BeforeEach
    void start() {
        AccessTokenSource noTokens = new AccessTokenSource() {
            @Override
            public String accessToken() throws ServerException {
                throw new ServerException.SessionExpired("not in this test");
            }

            @Override
            public String renewAccessToken(String rejected) throws ServerException {
                throw new ServerException.SessionExpired("not in this test");
            }
        };
        neverStarted = new LiveConnection(URI.create("ws://127.0.0.1:9/ws"), noTokens, LiveSettings.defaults(),
                WireJson.mapper());
        outbox = new NotesOutbox(new NotesJournal(dataDirectory.resolve("notes"), WireJson.mapper()), neverStarted,
                NotesOutboxSettings.defaults(), WireJson.mapper(), Clock.systemUTC());
        outbox.addListener(told);
        outbox.start().join();
    }

    @AfterEach
    void stop() {
        outbox.close();
        neverStarted.close();
    }

    @Test
    void notesBeyondTheLimitAreRefusedAndNothingIsKept() {
        Optional<NotesViolation> refused = outbox.edit("1700000000.1",
                new CallNotes("х".repeat(CallNotes.MAX_NOTES_CHARS + 1), List.of(), Priority.NORMAL, null, 0));

        assertThat(refused).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("notes");
            assertThat(violation.message()).isEqualTo("notes: at most 10000 characters, was 10001");
        });
        outbox.awaitJournaled();
        assertThat(dataDirectory.resolve("notes")).doesNotExist();
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.unacknowledgedDraft("1700000000.1")).isEmpty();
    }

    @Test
    void notesAtTheLimitAreTakenAndJournaledAtOnceEvenOffline() throws Exception {
        CallNotes longest = new CallNotes("х".repeat(CallNotes.MAX_NOTES_CHARS), List.of(), Priority.NORMAL,
                new ClientInfo("а".repeat(CallNotes.MAX_CLIENT_FIELD_CHARS), null, null, null), 0);

        assertThat(outbox.edit("1700000000.1", longest)).isEmpty();

        outbox.awaitJournaled();
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(told.pending).endsWith(1);
        try (Stream<Path> journaled = Files.list(dataDirectory.resolve("notes"))) {
            assertThat(journaled).hasSize(1);
        }
        assertThat(outbox.unacknowledgedDraft("1700000000.1")).contains(longest);
    }

    @Test
    void aDraftWithinTheLimitsButTooLargeForOneMessageIsRefusedToo() {
        // control characters are written as \\u0001 in JSON: six bytes each
        String control = "\u0001";
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < CallNotes.MAX_TAGS; i++) {
            tags.add((char) ('a' + i) + control.repeat(CallNotes.MAX_TAG_CHARS - 1));
        }
        CallNotes huge = new CallNotes(control.repeat(CallNotes.MAX_NOTES_CHARS), tags, Priority.NORMAL, null, 0);
        assertThat(CallNotesRules.check(huge)).as("each field within its limit").isEmpty();

        assertThat(outbox.edit("1700000000.1", huge)).hasValueSatisfying(violation ->
                assertThat(violation.problem()).startsWith("too large to send"));
    }
}
