package dev.zvonok.app.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes journal on disk: one small JSON file per card with something not yet on the server. Each write replaces
 * the card's file atomically and is forced to disk before it returns, so after a crash or a power cut every card
 * has either its previous entry or its new one. An entry is deleted only when the server acknowledged everything in
 * it.
 *
 * <p>Per-card files rather than one append-only log: nothing to compact, and a damaged file costs one card, not all.
 * A file that cannot be read is moved aside ({@code .unreadable}), never deleted, and reported in the log.
 *
 * <p>Not thread-safe: the outbox's thread is its only user.
 */
public final class NotesJournal {

    private static final Logger log = LoggerFactory.getLogger(NotesJournal.class);

    private static final String SUFFIX = ".json";

    private final Path directory;
    private final ObjectMapper json;

    /** @param directory the journal's own directory, e.g. {@code ~/.zvonok/notes}; created when first written */
    public NotesJournal(Path directory, ObjectMapper json) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.json = Objects.requireNonNull(json, "json");
    }

    public Path directory() {
        return directory;
    }

    /** Every entry on disk: what a previous run (or a crash) left unsent. */
    public List<JournalEntry> load() {
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (PrivateFiles.isTemporary(file)) {
                    // a write a crash interrupted: the entry it was replacing is still there
                    Files.deleteIfExists(file);
                } else if (file.getFileName().toString().endsWith(SUFFIX)) {
                    read(file, entries);
                }
            }
        } catch (IOException e) {
            log.error("Cannot read the notes journal in {}: {}", directory, e.toString());
        }
        return entries;
    }

    private void read(Path file, List<JournalEntry> entries) {
        try {
            entries.add(json.readValue(Files.readAllBytes(file), JournalEntry.class));
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.error("Notes journal entry {} cannot be read ({}); moved aside to {}", file, e.toString(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.error("Cannot move {} aside: {}", file, moveFailed.toString());
            }
        }
    }

    /** Stores {@code entry} durably, replacing the card's previous one. */
    public void write(JournalEntry entry) throws IOException {
        PrivateFiles.writeAtomically(fileOf(entry.callId()), json.writeValueAsBytes(entry));
    }

    /** Forgets the card's entry: the server has everything in it. */
    public void remove(String callId) throws IOException {
        PrivateFiles.delete(fileOf(callId));
    }

    /**
     * The card's file: call ids are Asterisk's {@code 1795288xxx.101}, kept readable; anything that is not a letter,
     * digit, dot, dash or underscore is written as {@code ~} and its hex, so no id can name another path.
     */
    Path fileOf(String callId) {
        StringBuilder name = new StringBuilder();
        for (byte b : callId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_') {
                name.append(c);
            } else {
                name.append('~').append(HexFormat.of().toHexDigits(b));
            }
        }
        if (name.charAt(0) == '.') {
            name.insert(0, "~"); // no hidden files, no "." or ".."
        }
        return directory.resolve(name + SUFFIX);
    }
}
