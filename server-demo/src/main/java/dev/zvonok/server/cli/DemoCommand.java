package dev.zvonok.server.cli;

import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.DemoScenario;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedPbx;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the whole server on this machine with nothing else installed: an embedded PostgreSQL with the"
                        + " demo directory (Иван Иванов on 777, Пётр Петров on 888, dealers and companies that call"
                        + " in), and a simulated Asterisk playing the demo scenario in a loop — a call to 777, one to"
                        + " 888, a queue call, a ring-group call and a transfer — built from real Asterisk 20"
                        + " recordings. Every tracked call is logged as it happens and stored.",
                "Serves the REST API, the operators' WebSocket (/ws), /health and /metrics on --port (3771), to this"
                        + " machine only unless --host says otherwise: the demo users' password is public.",
                "Demo users (password 'demo', for the demo only): ivanov, petrov, sidorov, supervisor, admin."
        })
final class DemoCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--ami", paramLabel = "HOST:PORT",
            description = "Follow this PBX (a real Asterisk, or 'server-lite ami-replay') instead of the simulator.")
    private String ami;

    @Option(names = "--ami-user", defaultValue = "crm", description = "AMI user for --ami (default: ${DEFAULT-VALUE}).")
    private String amiUser;

    @Option(names = "--ami-secret", defaultValue = "crm-secret",
            description = "AMI secret for --ami (default: ${DEFAULT-VALUE}).")
    private String amiSecret;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0: every"
                    + " interface, for apps on other machines).")
    private String host;

    @Option(names = "--port", defaultValue = "3771",
            description = "HTTP and WebSocket port of the server (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--pbx-port", defaultValue = "0",
            description = "AMI port of the simulated PBX, for other AMI clients to watch (default: any free port).")
    private int pbxPort;

    @Option(names = "--speed", defaultValue = "1", description = "Pace of the simulated calls (default: as in life).")
    private String speed;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where the embedded PostgreSQL keeps the demo's data (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (phone region, extension pattern).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        try (UntilStopped running = UntilStopped.install()) {
            return runUntil(running);
        }
    }

    /**
     * Runs the demo until {@code running} is told to stop. The simulated PBX starts first and stops last, so that
     * the server logs off from a PBX that is still there; the HTTP port opens once the demo's users exist and the PBX
     * is wired, so that whoever gets an answer from {@code /health} can log in.
     */
    Integer runUntil(UntilStopped running) throws Exception {
        ServerConfig settings = ServerConfig.load(config);
        if (ami != null) {
            try (CallServer server = CallServer.prepare(DatabaseSettings.embedded(dataDir), settings, http(settings))) {
                seed(server, settings);
                server.followPbx(amiAt(ami), settings.operatorEndpoints(), settings.originate()).listen();
                running.await();
            }
            return 0;
        }
        PbxSimulator simulator = new PbxSimulator(ShapeLibrary.load(), Instant.now(), System.nanoTime());
        AmiEndpoint.Builder endpoint = AmiEndpoint.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(pbxPort);
        try (SimulatedPbx pbx = SimulatedPbx.start(endpoint, simulator, PlaybackSpeed.parse(speed));
             CallServer server = CallServer.prepare(DatabaseSettings.embedded(dataDir), settings, http(settings))) {
            seed(server, settings);
            pbx.loopDemo(new DemoScenario(simulator, DemoScenario.Settings.defaults()), Duration.ofSeconds(2));
            log.info("Simulated Asterisk listening on 127.0.0.1:{} (AMI user {} / {})", pbx.endpoint().port(),
                    AmiAccount.CRM.username(), AmiAccount.CRM.secret());
            server.followPbx(AmiSettings.of("127.0.0.1", pbx.endpoint().port(), AmiAccount.CRM.username(),
                    AmiAccount.CRM.secret()), settings.operatorEndpoints(), settings.originate()).listen();
            running.await();
        }
        return 0;
    }

    private static void seed(CallServer server, ServerConfig settings) {
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), settings.phoneNumbers()).seed();
    }

    /** The configured HTTP settings on the demo's own address and port. */
    HttpSettings http(ServerConfig settings) {
        return settings.http().withHost(host).withPort(port);
    }

    private AmiSettings amiAt(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("--ami takes HOST:PORT, got " + hostPort);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ami takes HOST:PORT, got " + hostPort, e);
        }
        return AmiSettings.of(hostPort.substring(0, colon), port, amiUser, amiSecret);
    }
}
