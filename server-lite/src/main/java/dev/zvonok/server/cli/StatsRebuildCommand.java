package dev.zvonok.server.cli;

import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.stats.HourlyAggregates;
import dev.zvonok.server.stats.WorkDays;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code server-lite stats rebuild}: recomputes every hourly statistics row from the calls, for the configured service
 * level, short-abandon time and wrap-up cap, with what is kept alongside (the daily roll-ups, the per-call operator
 * rows, and each call's "reached at" and "called in again at"), and the operators' work time per day from the
 * work-status log ({@link WorkDays}). Safe to run any number of times, and while the server runs: readers wait
 * for it, then read the new rows. The server does the same by itself, hour by hour as calls change and all at once
 * when those settings change; this command does it ahead of time, e.g. after importing years of calls.
 */
@Command(name = "rebuild",
        mixinStandardHelpOptions = true,
        description = "Recomputes the hourly statistics from the recorded calls (idempotent).")
final class StatsRebuildCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file, as for serve.")
    private Path config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ServerConfig settings = ServerConfig.load(config);
        long started = System.nanoTime();
        int hours;
        int workDays;
        try (Database database = Database.startOrJoin(settings.database())) {
            hours = new HourlyAggregates(database.dsl(), settings.stats()).rebuild();
            workDays = new WorkDays(database.dsl(), settings.stats()).rebuild();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Recomputed " + hours + " hours of statistics and " + workDays + " rows of work time in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms.");
        out.flush();
        return 0;
    }
}
