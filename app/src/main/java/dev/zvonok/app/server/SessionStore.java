package dev.zvonok.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneRules;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers on disk which server the operator logged in to, as whom, and the refresh token, so that the app starts
 * logged in until the operator logs out. One small JSON file ({@value #FILE_NAME}) in the app's data directory,
 * readable by the operator only. The access token is never stored: it is short-lived and a refresh gets a new one.
 *
 * <p>Not thread-safe on its own: {@link Sessions} is its only user and calls it under its lock.
 */
public final class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    static final String FILE_NAME = "session.json";

    /**
     * What survives a restart.
     *
     * @param refreshToken null once logged out: the server and login stay, for the login form
     * @param user         who the operator is, as the server last said: the app opens with it when the server cannot
     *                     be reached at start, and resumes the session once it can; null in files of older versions
     * @param phones       the server's phone rules, as it last said: numbers read alike while the app opens offline;
     *                     null in files of older versions
     */
    public record Stored(URI server, String login, String refreshToken, UserView user, PhoneRules phones) {

        public Stored {
            Objects.requireNonNull(server, "server");
        }

        public Stored withoutRefreshToken() {
            return new Stored(server, login, null, null, null);
        }

        /** The refresh token is a secret: never in logs. */
        @Override
        public String toString() {
            return "Stored[" + login + "@" + server + (refreshToken == null ? ", logged out" : ", logged in") + "]";
        }
    }

    private final Path file;
    private final ObjectMapper json;

    /** @param dataDirectory the app's own directory, e.g. {@code ~/.zvonok}; created when first written */
    public SessionStore(Path dataDirectory, ObjectMapper json) {
        this.file = Objects.requireNonNull(dataDirectory, "dataDirectory").resolve(FILE_NAME);
        this.json = Objects.requireNonNull(json, "json");
    }

    public Path file() {
        return file;
    }

    /** What was stored; empty when nothing was, or when the file cannot be read (it is then as good as absent). */
    public Optional<Stored> load() {
        try {
            Stored stored = json.readValue(Files.readAllBytes(file), Stored.class);
            return Optional.ofNullable(stored);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {}; starting logged out: {}", file, e.toString());
            return Optional.empty();
        }
    }

    public void save(Stored stored) throws IOException {
        PrivateFiles.writeAtomically(file, json.writeValueAsBytes(stored));
    }

    /** Forgets the refresh token, keeping the server and login for the login form. */
    public void forgetRefreshToken() throws IOException {
        Optional<Stored> stored = load();
        if (stored.isPresent() && stored.get().refreshToken() != null) {
            save(stored.get().withoutRefreshToken());
        }
    }
}
