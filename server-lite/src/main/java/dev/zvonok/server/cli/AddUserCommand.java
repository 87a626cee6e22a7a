package dev.zvonok.server.cli;

import dev.zvonok.model.directory.Role;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.server.directory.PasswordRules;
import dev.zvonok.server.directory.PhoneType;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add",
        mixinStandardHelpOptions = true,
        description = {
                "Creates a user in the configured database: the first admin of a new install, an operator with their"
                        + " desk phone's extension.",
                "The password is asked for on the terminal (twice), or read as the first line of standard input when"
                        + " that is not a terminal: never on the command line, where other users and the shell's"
                        + " history would see it. At least " + AdminRules.MIN_PASSWORD_LENGTH + " characters."
        })
final class AddUserCommand implements Callable<Integer> {

    @Option(names = "--login", required = true, description = "What the user logs in with (kept lower-case).")
    private String login;

    @Option(names = "--name", required = true, description = "The name operators and reports show.")
    private String name;

    @Option(names = "--role", required = true, description = "admin, supervisor or operator.")
    private String role;

    @Option(names = "--city", description = "The user's city (optional).")
    private String city;

    @Option(names = "--extension", paramLabel = "NUMBER",
            description = "The extension of the user's desk phone, e.g. 555: its calls come to this user's card.")
    private String extension;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file, as for serve.")
    private Path config;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    AddUserCommand() {
        this(System.in);
    }

    AddUserCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        ServerConfig settings = ServerConfig.load(config);
        Role userRole = role(role);
        UserDetails details = new UserDetails(login, name, userRole, city, true);
        String extensionNumber = extension == null ? null : extension(settings, extension);
        String password = PasswordRules.require(readPassword());
        try (DirectoryTools directory = DirectoryTools.open(settings)) {
            if (directory.users().findByLogin(details.login()).isPresent()) {
                throw new IllegalArgumentException("there is a user " + details.login() + " already");
            }
            User user = directory.users().create(details, password);
            if (extensionNumber != null) {
                directory.users().addPhone(user.id(), extensionNumber, PhoneType.EXTENSION);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created " + userRole.wireName() + " " + user.login() + " (" + user.displayName() + ")"
                    + (extensionNumber == null ? "" : " on extension " + extensionNumber) + ".");
            out.flush();
        }
        return 0;
    }

    private static Role role(String name) {
        try {
            return Role.of(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role is admin, supervisor or operator, not '" + name + "'", e);
        }
    }

    private static String extension(ServerConfig settings, String extension) {
        String digits = extension.strip();
        String pattern = settings.raw().getString("zvonok.phones.extension-pattern");
        if (!Pattern.compile(pattern).matcher(digits).matches()
                || !settings.phoneNumbers().isShort(digits)) {
            throw new IllegalArgumentException("--extension " + extension + " is no extension of this PBX: it must"
                    + " match zvonok.phones.extension-pattern (" + pattern + ")");
        }
        return digits;
    }

    private String readPassword() {
        Console console = System.console();
        if (console != null && isTerminal(console) && stdin == System.in) {
            char[] first = console.readPassword("Password for %s: ", login.strip().toLowerCase(Locale.ROOT));
            char[] again = console.readPassword("The same password again: ");
            try {
                if (first == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                return new String(first);
            } finally {
                Arrays.fill(first == null ? new char[0] : first, ' ');
                Arrays.fill(again == null ? new char[0] : again, ' ');
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password: type it when asked, or give it on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java 22 gives a Console even when standard input is a pipe; only a terminal can be prompted. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }
}
