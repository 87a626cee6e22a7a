package dev.zvonok.server.cli;

import picocli.CommandLine.Command;

/** {@code server-lite users ...}: the users of the configured database, without a running server. */
@Command(name = "users",
        mixinStandardHelpOptions = true,
        description = "Manages the users of the configured database (the server may be running or stopped).",
        subcommands = AddUserCommand.class)
final class UsersCommand {
}
