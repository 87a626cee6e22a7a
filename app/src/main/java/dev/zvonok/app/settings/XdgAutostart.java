package dev.zvonok.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Linux desktops (GNOME, KDE, XFCE...) start every {@code .desktop} entry in {@code ~/.config/autostart} at login
 * (the XDG Autostart specification): enabled is "our entry is there".
 */
public final class XdgAutostart implements Autostart {

    static final String ENTRY_NAME = "zvonok.desktop";

    private final Path directory;
    private final String command;

    /**
     * @param directory usually {@code ~/.config/autostart}
     * @param command   the {@code Exec} line: the app's launcher with the arguments it needs, never credentials
     */
    public XdgAutostart(Path directory, String command) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.command = Objects.requireNonNull(command, "command");
    }

    /**
     * The command that starts this app again, as an {@code Exec} value: jpackage's launcher when installed, else the
     * {@code java} command with the JVM's own arguments; then {@code kept}. The app's arguments this process got are
     * left out whole — they may carry a login and a password, which must never land in a file (the start at login
     * resumes the stored session instead). Null when the system does not tell the command line.
     *
     * @param appArguments the arguments the app got (the tail of the process's command line)
     * @param kept         what the start at login needs, e.g. {@code --server URL}; no secrets
     */
    public static String commandOfThisProcess(List<String> appArguments, List<String> kept) {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            return command(List.of(launcher), kept);
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> executable = info.command();
        if (executable.isEmpty()) {
            return null;
        }
        return javaCommand(executable.get(), List.of(info.arguments().orElse(new String[0])), appArguments, kept);
    }

    /**
     * {@code executable} and the process's arguments without the app's, then {@code kept}; null when the app's
     * arguments are not the process's last ones (then we cannot tell the JVM's from the app's, and write nothing).
     */
    static String javaCommand(String executable, List<String> processArguments, List<String> appArguments,
                              List<String> kept) {
        int jvmPart = processArguments.size() - appArguments.size();
        if (jvmPart < 0 || !processArguments.subList(jvmPart, processArguments.size()).equals(appArguments)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        words.add(executable);
        words.addAll(processArguments.subList(0, jvmPart));
        return command(words, kept);
    }

    private static String command(List<String> launcher, List<String> kept) {
        return Stream.concat(launcher.stream(), kept.stream())
                .map(XdgAutostart::quote).collect(Collectors.joining(" "));
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return Files.isRegularFile(entry());
    }

    @Override
    public void setEnabled(boolean enabled) throws IOException {
        if (enabled) {
            Files.createDirectories(directory);
            writeOwnerOnly(entry(), List.of(
                    "[Desktop Entry]",
                    "Type=Application",
                    "Name=Zvonok",
                    "Comment=Call cards for the desk phone",
                    // the string escape of desktop entries applies on top of the Exec quoting
                    "Exec=" + command.replace("\\", "\\\\"),
                    "Terminal=false",
                    "X-GNOME-Autostart-enabled=true"));
        } else {
            Files.deleteIfExists(entry());
        }
    }

    /**
     * Only the operator reads it (0600 where there are POSIX permissions): it says how the app starts, and an entry
     * of an older version may have carried a password that this rewrite drops. Written aside and moved over, so an
     * existing entry's wider permissions go with it.
     */
    private static void writeOwnerOnly(Path file, List<String> lines) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(aside);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            Files.write(aside, lines, StandardCharsets.UTF_8);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    @Override
    public boolean dropCredentials() throws IOException {
        if (!isEnabled()) {
            return false;
        }
        boolean carriesCredentials = Files.readAllLines(entry(), StandardCharsets.UTF_8).stream()
                .anyMatch(line -> line.startsWith("Exec=")
                        && (line.contains("--password") || line.contains("--login")));
        if (carriesCredentials) {
            setEnabled(true);
        }
        return carriesCredentials;
    }

    public Path entry() {
        return directory.resolve(ENTRY_NAME);
    }

    /**
     * The Exec key's quoting: an argument with spaces or special characters goes in double quotes, with
     * {@code " ` $ \} escaped and {@code %} doubled.
     */
    static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> " \t\"'`$\\;&|<>()*?#%".indexOf(c) >= 0)) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : argument.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
            if (c == '%') {
                quoted.append('%'); // a lone % starts a field code (%f, %u...)
            }
        }
        return quoted.append('"').toString();
    }
}
