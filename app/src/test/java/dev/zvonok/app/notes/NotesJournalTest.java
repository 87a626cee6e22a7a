package dev.zvonok.app.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesJournalTest {

    @TempDir
    Path directory;

    private NotesJournal journal() {
        return new NotesJournal(directory.resolve("notes"), WireJson.mapper());
    }

    private static JournalEntry entry(String callId, String text) {
        return new JournalEntry(callId, new CallNotes(text, List.of("vip"), Priority.URGENT,
                new ClientInfo("Анна", "Волга-Авто", null, null), 0), 3, true,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void whatIsWrittenIsReadBackByANewJournalAsItWas() throws Exception {
        JournalEntry written = entry("1795288652.0", "Просит перезвонить 😀");
        journal().write(written);

        assertThat(journal().load()).containsExactly(written);
    }

    @Test
    void aNewerEntryReplacesTheCardsOlderOneAndRemovingForgetsIt() throws Exception {
        NotesJournal journal = journal();
        journal.write(entry("1795288652.0", "первая"));
        journal.write(entry("1795288652.0", "вторая"));
        journal.write(entry("1795288700.5", "другая карточка"));

        assertThat(journal.load()).extracting(e -> e.draft().notes())
                .containsExactlyInAnyOrder("вторая", "другая карточка");

        journal.remove("1795288652.0");
        journal.remove("1795288652.0"); // twice: nothing to remove, no error
        assertThat(journal.load()).extracting(JournalEntry::callId).containsExactly("1795288700.5");
    }

    @Test
    void entriesAreTheOperatorsOnly() throws Exception {
        NotesJournal journal = journal();
        journal.write(entry("1795288652.0", "секрет"));
        Path file = journal.fileOf("1795288652.0");

        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void anUnreadableEntryIsMovedAsideNotDeletedAndTheOthersStillLoad() throws Exception {
        NotesJournal journal = journal();
        journal.write(entry("1795288652.0", "цела"));
        Files.writeString(journal.directory().resolve("broken.json"), "{\"callId\": \"half a fi");

        assertThat(journal.load()).extracting(JournalEntry::callId).containsExactly("1795288652.0");
        assertThat(journal.directory().resolve("broken.json.unreadable")).exists();
    }

    @Test
    void aWriteThatACrashInterruptedLeavesThePreviousEntryAndItsLeftoverIsCleanedUp() throws Exception {
        NotesJournal journal = journal();
        journal.write(entry("1795288652.0", "до сбоя"));
        Path leftover = journal.directory().resolve("1795288652.0.json.0b9c.tmp");
        Files.writeString(leftover, "{\"callId\":\"1795288652.0\",\"dra");

        assertThat(journal.load()).extracting(e -> e.draft().notes()).containsExactly("до сбоя");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void anyCallIdBecomesAFileNameInsideTheJournalAndDistinctIdsStayDistinct() throws Exception {
        NotesJournal journal = journal();
        List<String> ids = List.of("../../etc/passwd", "..", ".", "a/b", "a~2fb", "C:\\x", "звонок", ".hidden");
        for (String id : ids) {
            journal.write(entry(id, id));
            assertThat(journal.fileOf(id).getParent()).isEqualTo(journal.directory());
            assertThat(journal.fileOf(id).getFileName().toString()).doesNotStartWith(".");
        }

        assertThat(journal.load()).extracting(JournalEntry::callId).containsExactlyInAnyOrderElementsOf(ids);
        try (Stream<Path> files = Files.list(journal.directory())) {
            assertThat(files).hasSize(ids.size());
        }
    }
}
