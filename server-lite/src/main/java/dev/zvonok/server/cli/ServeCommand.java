package dev.zvonok.server.cli;

import dev.zvonok.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Runs server-lite against a real Asterisk: logs in to its manager interface (AMI), follows every call"
                        + " and records it in PostgreSQL, until stopped (Ctrl-C, SIGTERM).",
                "Settings come from reference.conf, then --config FILE (or ZVONOK_CONFIG), then ZVONOK_* environment"
                        + " variables, then -Dzvonok.* properties. With no database URL an embedded PostgreSQL keeps"
                        + " its data under zvonok.database.embedded.data-dir."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (HOCON or properties).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        ServerConfig settings = ServerConfig.load(config);
        try (UntilStopped running = UntilStopped.install();
             CallServer server = CallServer.open(settings.database(), settings.phoneNumbers(), settings.http(),
                     settings.auth(), settings.operatorEndpoints())) {
            server.followPbx(settings.ami(), settings.operatorEndpoints(), settings.originate());
            running.await();
        }
        return 0;
    }
}
