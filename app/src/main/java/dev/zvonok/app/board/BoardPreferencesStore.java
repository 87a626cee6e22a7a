package dev.zvonok.app.board;

import dev.zvonok.app.settings.PropertiesFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's {@link BoardPreferences} in a file of their own next to the app's settings ({@code board.properties}
 * in the app's directory): a file the operator's Settings never rewrite, so neither can lose the other's changes. A
 * value that makes no sense falls back to its default, never to a board without alerts.
 */
public final class BoardPreferencesStore {

    static final String FILE_NAME = "board.properties";

    private static final Logger log = LoggerFactory.getLogger(BoardPreferencesStore.class);

    private final Path file;

    public BoardPreferencesStore(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME);
    }

    public BoardPreferences load() {
        return PropertiesFiles.read(file, "Board preferences").map(this::preferences)
                .orElseGet(BoardPreferences::defaults);
    }

    private BoardPreferences preferences(Properties stored) {
        BoardThresholds defaults = BoardThresholds.defaults();
        BoardThresholds thresholds = defaults;
        try {
            thresholds = new BoardThresholds(
                    seconds(stored, "queueWarningSeconds", defaults.queueWarning()),
                    seconds(stored, "queueCriticalSeconds", defaults.queueCritical()),
                    seconds(stored, "callerWaitingAlertSeconds", defaults.callerWaitingAlert()),
                    seconds(stored, "wrapupAlertSeconds", defaults.wrapupAlert()),
                    (int) number(stored, "unansweredRingsAlert", defaults.unansweredRingsAlert()));
        } catch (IllegalArgumentException e) {
            log.warn("Board thresholds in {} do not fit together ({}); using the defaults", file, e.getMessage());
        }
        Set<AlertKind> muted = EnumSet.noneOf(AlertKind.class);
        for (String name : stored.getProperty("muted", "").split(",")) {
            if (!name.isBlank()) {
                try {
                    muted.add(AlertKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    log.warn("Board preferences in {}: no alert '{}' to mute", file, name);
                }
            }
        }
        return new BoardPreferences(thresholds, muted);
    }

    /** Replaces the file as a whole, so that a crash mid-write leaves the old one. */
    public void save(BoardPreferences preferences) throws IOException {
        BoardThresholds t = preferences.thresholds();
        Properties out = new Properties();
        out.setProperty("queueWarningSeconds", Long.toString(t.queueWarning().toSeconds()));
        out.setProperty("queueCriticalSeconds", Long.toString(t.queueCritical().toSeconds()));
        out.setProperty("callerWaitingAlertSeconds", Long.toString(t.callerWaitingAlert().toSeconds()));
        out.setProperty("wrapupAlertSeconds", Long.toString(t.wrapupAlert().toSeconds()));
        out.setProperty("unansweredRingsAlert", Integer.toString(t.unansweredRingsAlert()));
        out.setProperty("muted", String.join(",", preferences.muted().stream().sorted().map(Enum::name).toList()));
        PropertiesFiles.replace(file, out, "Zvonok supervisor board");
    }

    public Path file() {
        return file;
    }

    private Duration seconds(Properties stored, String key, Duration fallback) {
        return Duration.ofSeconds(number(stored, key, fallback.toSeconds()));
    }

    private long number(Properties stored, String key, long fallback) {
        String text = stored.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        log.warn("Board preferences in {}: {}='{}' makes no sense; using {}", file, key, text, fallback);
        return fallback;
    }
}
