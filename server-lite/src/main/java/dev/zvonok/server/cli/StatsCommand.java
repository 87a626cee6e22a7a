package dev.zvonok.server.cli;

import picocli.CommandLine.Command;

/** {@code server-lite stats ...}: the statistics of the configured database, without a running server. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Maintains the statistics of the configured database (the server may be running or stopped).",
        subcommands = StatsRebuildCommand.class)
final class StatsCommand {
}
