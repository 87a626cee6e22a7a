package dev.zvonok.app.settings;

import dev.zvonok.app.settings.Settings.CardCorner;
import dev.zvonok.app.settings.Settings.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in {@value #FILE_NAME} in the app's data directory. A missing file is a first start; a file
 * that cannot be read, or a value that makes no sense, gives the default for what is lost and a warning in the log:
 * a damaged settings file must never keep an operator from taking calls.
 */
public final class SettingsStore implements SettingsSaver {

    static final String FILE_NAME = "settings.properties";

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Locale systemLocale;

    /**
     * @param dataDir      the app's own directory (created on the first save)
     * @param systemLocale the computer's locale: the language of a first start
     */
    public SettingsStore(Path dataDir, Locale systemLocale) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME);
        this.systemLocale = Objects.requireNonNull(systemLocale, "systemLocale");
    }

    public Settings load() {
        Settings defaults = Settings.defaults(systemLocale);
        return PropertiesFiles.read(file, "Settings").map(stored -> settings(stored, defaults)).orElse(defaults);
    }

    private Settings settings(Properties stored, Settings defaults) {
        return new Settings(
                value(stored, "server", ServerAddress::parse, defaults.server()),
                value(stored, "language", SettingsStore::language, defaults.language()),
                value(stored, "sound", SettingsStore::bool, defaults.soundOn()),
                value(stored, "volume", SettingsStore::volume, defaults.volume()),
                value(stored, "cardCorner", text -> constant(CardCorner.class, text), defaults.cardCorner()),
                value(stored, "cardScreen", SettingsStore::screen, defaults.cardScreen()),
                value(stored, "startAtLogin", SettingsStore::bool, defaults.startAtLogin()),
                value(stored, "theme", text -> constant(Theme.class, text), defaults.theme()),
                value(stored, "caFile", SettingsStore::caFile, defaults.caFile()));
    }

    /** Replaces the file as a whole (write aside, then move), so that a crash mid-write leaves the old one. */
    @Override
    public void save(Settings settings) throws IOException {
        Properties out = new Properties();
        out.setProperty("server", settings.server().toString());
        out.setProperty("language", settings.language().toLanguageTag());
        out.setProperty("sound", Boolean.toString(settings.soundOn()));
        out.setProperty("volume", Double.toString(settings.volume()));
        out.setProperty("cardCorner", settings.cardCorner().name());
        out.setProperty("cardScreen", Integer.toString(settings.cardScreen()));
        out.setProperty("startAtLogin", Boolean.toString(settings.startAtLogin()));
        out.setProperty("theme", settings.theme().name());
        out.setProperty("caFile", settings.caFile().map(Path::toString).orElse(""));
        // the operator's only: it names the server and the CA file
        PropertiesFiles.replace(file, out, "Zvonok settings");
    }

    public Path file() {
        return file;
    }

    private <T> T value(Properties stored, String key, Function<String, Optional<T>> parse, T fallback) {
        String text = stored.getProperty(key);
        if (text == null) {
            return fallback; // written by an older version, or never chosen
        }
        Optional<T> parsed = parse.apply(text.strip());
        if (parsed.isEmpty()) {
            log.warn("Settings in {}: {}='{}' makes no sense; using {}", file, key, text, fallback);
        }
        return parsed.orElse(fallback);
    }

    private static Optional<Locale> language(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return Languages.ALL.contains(locale) ? Optional.of(locale) : Optional.empty();
    }

    /** Empty text: no file of our own (the system's authorities only). */
    private static Optional<Optional<Path>> caFile(String text) {
        try {
            return Optional.of(text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text)));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Double> volume(String text) {
        try {
            double level = Double.parseDouble(text);
            return level >= 0.0 && level <= 1.0 ? Optional.of(level) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> screen(String text) {
        try {
            int screen = Integer.parseInt(text);
            return screen >= 0 ? Optional.of(screen) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
