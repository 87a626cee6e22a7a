package dev.zvonok.app.history;

import dev.zvonok.app.settings.PropertiesFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HistoryColumns} in {@value #FILE_NAME} in a directory of one login's own (a PC shared by operators keeps
 * each one's table): {@code notesShown}, {@code order} (the columns' ids, comma-separated) and a {@code width.ID} for
 * each. What cannot be read falls back to the table as built, with a warning in the log: an arrangement is never worth
 * a history that does not open.
 */
public final class HistoryColumnsStore {

    static final String FILE_NAME = "history-columns.properties";

    private static final Logger log = LoggerFactory.getLogger(HistoryColumnsStore.class);

    private final Path file;

    /** @param loginDir the directory of the logged-in user's own files (created on the first save) */
    public HistoryColumnsStore(Path loginDir) {
        this.file = Objects.requireNonNull(loginDir, "loginDir").resolve(FILE_NAME);
    }

    public HistoryColumns load() {
        return PropertiesFiles.read(file, "The history's columns").map(this::columns)
                .orElseGet(HistoryColumns::defaults);
    }

    private HistoryColumns columns(Properties stored) {
        boolean notesShown = "true".equals(stored.getProperty("notesShown", "false").strip().toLowerCase(Locale.ROOT));
        List<HistoryColumns.Column> columns = new ArrayList<>();
        for (String id : stored.getProperty("order", "").split(",")) {
            String name = id.strip();
            if (name.isEmpty() || columns.stream().anyMatch(c -> c.id().equals(name))) {
                continue;
            }
            try {
                columns.add(new HistoryColumns.Column(name, Double.parseDouble(stored.getProperty("width." + name, ""))));
            } catch (IllegalArgumentException e) { // NumberFormatException too
                log.warn("The history's columns in {}: no sensible width for {}; the column keeps its own", file, name);
                return new HistoryColumns(notesShown, List.of());
            }
        }
        return new HistoryColumns(notesShown, columns);
    }

    /** Replaces the file as a whole, so that a crash mid-write leaves the old one. */
    public void save(HistoryColumns arranged) throws IOException {
        Properties out = new Properties();
        out.setProperty("notesShown", Boolean.toString(arranged.notesShown()));
        out.setProperty("order", String.join(",", arranged.columns().stream().map(HistoryColumns.Column::id).toList()));
        for (HistoryColumns.Column column : arranged.columns()) {
            out.setProperty("width." + column.id(), Double.toString(column.width()));
        }
        PropertiesFiles.replace(file, out, "Zvonok: the history's columns");
    }

    public Path file() {
        return file;
    }
}
