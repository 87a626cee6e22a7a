package dev.zvonok.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The command line: {@code [--server URL] [--data-dir DIR] [--login LOGIN [--password-stdin | --password PASSWORD]]}.
 * The login and password are for the demo and for kiosk set-ups: the app logs in with them at start instead of
 * asking. The password comes, in this order, from {@code --password-stdin} (the first line of standard input),
 * {@code --password} (kept for the demo, but every user of the computer sees it in {@code ps}) or the environment
 * variable {@value #PASSWORD_VARIABLE} (readable by the same user only).
 *
 * @param dataDir               where settings, the session and the notes journal live: {@code --data-dir}, else
 *                              {@code ZVONOK_APP_HOME}, else {@code ~/.zvonok}
 * @param dataDirChosen         whether {@code dataDir} was named ({@code --data-dir} or {@code ZVONOK_APP_HOME})
 *                              rather than the default: a start at login must then name it too
 * @param passwordOnCommandLine whether the password came with {@code --password}, in sight of every {@code ps}
 */
record LaunchOptions(Optional<URI> server, Path dataDir, boolean dataDirChosen, Optional<String> login,
                     Optional<String> password, boolean passwordOnCommandLine) {

    static final String PASSWORD_VARIABLE = "ZVONOK_PASSWORD";
    static final String HOME_VARIABLE = "ZVONOK_APP_HOME";

    /** Standard input's first line, read only when {@code --password-stdin} asks for it. */
    @FunctionalInterface
    interface LineReader {
        /** @return the first line, or empty at the end of input */
        Optional<String> readLine() throws IOException;
    }

    /**
     * @param environment the process's environment ({@code System::getenv}); null for a variable not set
     * @param stdin       standard input's first line; read once, and only for {@code --password-stdin}
     */
    static LaunchOptions parse(List<String> args, Function<String, String> environment, Path userHome,
                               LineReader stdin) {
        URI server = null;
        String appHome = environment.apply(HOME_VARIABLE);
        boolean dataDirChosen = appHome != null && !appHome.isBlank();
        Path dataDir = dataDirChosen ? Path.of(appHome) : userHome.resolve(".zvonok");
        String login = null;
        String password = null;
        boolean passwordStdin = false;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (name.equals("--password-stdin")) {
                passwordStdin = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args.get(++i);
            switch (name) {
                case "--server" -> server = URI.create(value);
                case "--data-dir" -> {
                    dataDir = Path.of(value);
                    dataDirChosen = true;
                }
                case "--login" -> login = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + name + " (known: --server URL,"
                        + " --data-dir DIR, --login LOGIN, --password-stdin, --password PASSWORD)");
            }
        }
        boolean passwordOnCommandLine = password != null;
        if (passwordStdin) {
            if (passwordOnCommandLine) {
                throw new IllegalArgumentException("--password-stdin and --password: give the password once");
            }
            password = firstLine(stdin);
        } else if (password == null && login != null) {
            String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
            password = fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
        }
        if (password != null && login == null) {
            // a password alone is most likely a mistake in a start script: say so instead of asking silently
            throw new IllegalArgumentException("a password without --login LOGIN");
        }
        return new LaunchOptions(Optional.ofNullable(server), dataDir, dataDirChosen, Optional.ofNullable(login),
                Optional.ofNullable(password), passwordOnCommandLine);
    }

    private static String firstLine(LineReader stdin) {
        try {
            String line = stdin.readLine().orElseThrow(
                    () -> new IllegalArgumentException("--password-stdin: standard input is empty"));
            if (line.isEmpty()) {
                throw new IllegalArgumentException("--password-stdin: the first line of standard input is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("--password-stdin: cannot read standard input", e);
        }
    }

    boolean logsInAtStart() {
        return login.isPresent() && password.isPresent();
    }

    /**
     * The arguments a start at login repeats: where the server and the data are, never a login or a password — that
     * start resumes the session stored in the data directory, or asks for the password.
     */
    List<String> withoutCredentials() {
        List<String> kept = new ArrayList<>();
        server.ifPresent(address -> kept.addAll(List.of("--server", address.toString())));
        if (dataDirChosen) {
            kept.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
        }
        return List.copyOf(kept);
    }

    /** Without the password: options end up in logs. */
    @Override
    public String toString() {
        return "LaunchOptions[server=" + server + ", dataDir=" + dataDir + ", login=" + login + ", password="
                + password.map(given -> "***").orElse("none") + "]";
    }
}
