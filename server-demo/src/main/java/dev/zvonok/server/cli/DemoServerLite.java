package dev.zvonok.server.cli;

import dev.zvonok.server.amiwire.MalformedAmiMessageException;
import dev.zvonok.server.replay.TraceReplay;
import java.io.InputStream;
import picocli.CommandLine;

/**
 * server-lite's command line with the commands that bring their own PBX: {@code demo} (the whole server on a
 * simulated Asterisk), {@code replay} (a recorded trace through the real tracking stack) and {@code ami-replay} (a fake
 * Asterisk playing a trace). The main class of server-demo.jar, which ./demo runs; the production server, server-lite
 * alone, has neither these commands nor the simulator they need.
 *
 * <p>Exit status as server-lite's; besides, 1 when replay's AMI connection dropped, 2 for a malformed trace.
 */
public final class DemoServerLite {

    private DemoServerLite() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /** @param stdin where commands read what they are told on standard input (a new user's password) */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine commandLine = ServerLite.commandLine(stdin);
        CommandLine help = commandLine.getCommandSpec().removeSubcommand("help");
        commandLine.addSubcommand(new DemoCommand())
                .addSubcommand(new ReplayCommand())
                .addSubcommand(new AmiReplayCommand())
                .addSubcommand("help", help); // still listed last
        CommandLine.IExecutionExceptionHandler serverLite = commandLine.getExecutionExceptionHandler();
        // set after the subcommands are added: picocli hands a handler only to the subcommands it already has
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            if (failure instanceof MalformedAmiMessageException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("server-lite: " + failure.getMessage()));
                return ServerLite.BAD_INPUT;
            }
            if (failure instanceof TraceReplay.ConnectionLostException) {
                cmd.getErr().println(cmd.getColorScheme().errorText(
                        "server-lite " + cmd.getCommandName() + ": " + failure.getMessage()));
                return ServerLite.FAILED;
            }
            return serverLite.handleExecutionException(failure, cmd, parseResult);
        });
        return commandLine;
    }
}
