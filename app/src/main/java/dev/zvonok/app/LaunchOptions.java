package dev.zvonok.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code [--server URL] [--data-dir DIR] [--login LOGIN --password PASSWORD]}. The login and
 * password are for the demo and for kiosk set-ups: the app logs in with them at start instead of asking.
 *
 * @param dataDir where settings, the session and the notes journal live: {@code --data-dir}, else
 *                {@code ZVONOK_APP_HOME}, else {@code ~/.zvonok}
 */
record LaunchOptions(Optional<URI> server, Path dataDir, Optional<String> login, Optional<String> password) {

    static LaunchOptions parse(List<String> args, String appHome, Path userHome) {
        URI server = null;
        Path dataDir = appHome == null || appHome.isBlank() ? userHome.resolve(".zvonok") : Path.of(appHome);
        String login = null;
        String password = null;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args.get(++i);
            switch (name) {
                case "--server" -> server = URI.create(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--login" -> login = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --server URL, --data-dir DIR, --login LOGIN, --password PASSWORD)");
            }
        }
        return new LaunchOptions(Optional.ofNullable(server), dataDir, Optional.ofNullable(login),
                Optional.ofNullable(password));
    }

    boolean logsInAtStart() {
        return login.isPresent() && password.isPresent();
    }

    /** Without the password: options end up in logs. */
    @Override
    public String toString() {
        return "LaunchOptions[server=" + server + ", dataDir=" + dataDir + ", login=" + login + ", password="
                + password.map(given -> "***").orElse("none") + "]";
    }
}
