package dev.zvonok.server.cli;

import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.directory.DirectoryConflictException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * server-lite's command line: each subcommand is one way to run it and the composition root of that way. The ways
 * that bring their own PBX (demo, replay, ami-replay) are server-demo's {@code DemoServerLite}, not the product's.
 *
 * <p>Exit status: 0 done, 1 failed while running (e.g. an import with rejected rows), 2 bad input (arguments,
 * configuration, an unreadable file).
 */
@Command(name = "server-lite",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Follows every call of an Asterisk PBX over AMI and records it.",
        subcommands = {
                ServeCommand.class,
                UsersCommand.class,
                StatsCommand.class,
                ImportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class ServerLite {

    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /** @param stdin where commands read what they are told on standard input (a new user's password) */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == AddUserCommand.class ? (K) new AddUserCommand(stdin) : defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new ServerLite(), factory);
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            if (isBadInput(failure)) {
                cmd.getErr().println(cmd.getColorScheme().errorText("server-lite: " + failure.getMessage()));
                return BAD_INPUT;
            }
            throw failure;
        });
        return commandLine;
    }

    private static boolean isBadInput(Exception failure) {
        return failure instanceof ServerConfig.InvalidConfigException
                || failure instanceof UncheckedIOException
                || failure instanceof DirectoryConflictException
                || failure instanceof IllegalArgumentException;
    }
}
