package dev.zvonok.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * @param command   the {@code Exec} line: the app's launcher with its arguments
     */
    public XdgAutostart(Path directory, String command) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.command = Objects.requireNonNull(command, "command");
    }

    /**
     * The command line that started this process, as an {@code Exec} value: jpackage's launcher when installed, else
     * the {@code java} command with its arguments; null when the system does not tell.
     */
    public static String commandOfThisProcess() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            return quote(launcher);
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> executable = info.command();
        if (executable.isEmpty()) {
            return null;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        return Stream.concat(Stream.of(executable.get()), Stream.of(arguments))
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
            Files.write(entry(), List.of(
                    "[Desktop Entry]",
                    "Type=Application",
                    "Name=Zvonok",
                    "Comment=Call cards for the desk phone",
                    // the string escape of desktop entries applies on top of the Exec quoting
                    "Exec=" + command.replace("\\", "\\\\"),
                    "Terminal=false",
                    "X-GNOME-Autostart-enabled=true"), StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(entry());
        }
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
