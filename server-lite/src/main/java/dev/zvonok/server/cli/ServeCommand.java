package dev.zvonok.server.cli;

import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.DatabaseSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Runs server-lite against a real Asterisk: logs in to its manager interface (AMI), follows every call"
                        + " and records it in PostgreSQL, until stopped (Ctrl-C, SIGTERM).",
                "Settings come from reference.conf, then --config FILE (or ZVONOK_CONFIG), then ZVONOK_* environment"
                        + " variables, then -Dzvonok.* properties. A database URL is required (ZVONOK_DB_URL); the"
                        + " first line of the log names the database in use."
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /** What the log says while nobody can administer the server: a new install's first step. */
    static final String NO_ADMIN = "There is no active admin in the database, so nobody can set this call centre up."
            + " Create the first one with the same settings (configuration file, ZVONOK_* variables) as this server:"
            + " {} users add --login admin --name \"Administrator\" --role admin{}"
            + " (with sudo where the settings are readable by root only) — the password is asked for, or read from"
            + " standard input; this server may keep running."
            + " See the README, \"Setting up your call centre\".";

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (HOCON or properties).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        ServerConfig settings = ServerConfig.load(config);
        DatabaseSettings database = settings.database();
        // the first line of the log: which database this server writes to, before anything else can go wrong
        log.info("Database: {}", database.description());
        try (UntilStopped running = UntilStopped.install();
             CallServer server = CallServer.prepare(database, settings, settings.http())) {
            if (!server.users().hasActiveAdmin()) {
                // the package's launcher names itself (zvonok-server); a jar run by hand is told as the README shows it
                log.warn(NO_ADMIN, System.getProperty("zvonok.command", "java -jar server-lite.jar"),
                        config == null ? "" : " --config " + config);
            }
            // listening only once the PBX is wired: /health then tells the truth from its first answer
            server.followPbx(settings.ami(), settings.operatorEndpoints(), settings.originate()).listen();
            running.await();
        }
        return 0;
    }
}
