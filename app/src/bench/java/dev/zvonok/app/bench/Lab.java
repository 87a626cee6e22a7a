package dev.zvonok.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.CallQuery;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.Playback;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TimelinePlayer;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedCall;
import dev.zvonok.server.testing.ProcessProbe;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;

/**
 * The world around the measured app: server-lite in a JVM of its own, as in production ({@code server-demo.jar demo
 * --ami}: embedded PostgreSQL, the demo directory — Иван Иванов on 777, password "demo" —, REST and WebSocket), and
 * the PBX it follows, simulated here from the recorded Asterisk call shapes. The app under test is a third process.
 */
final class Lab implements AutoCloseable {

    static final String LOGIN = "ivanov";
    static final String PASSWORD = "demo";
    static final String EXTENSION = "777";

    /** The server's JVM, as the README recommends for a small server (see the server's benchmarks). */
    private static final String SERVER_JVM =
            "-Xmx112m -Xmn48m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m -Xss512k -XX:TieredStopAtLevel=1";

    private final ObjectMapper json = WireJson.mapper();
    private final AmiEndpoint pbx;
    private final PbxSimulator simulator;
    private final TimelinePlayer realTime;
    private final Process server;
    private final int httpPort;
    private final Path dataDir;

    private Lab(AmiEndpoint pbx, PbxSimulator simulator, Process server, int httpPort, Path dataDir) {
        this.pbx = pbx;
        this.simulator = simulator;
        this.realTime = new TimelinePlayer(pbx::publish, PlaybackSpeed.realTime());
        this.server = server;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
    }

    static Lab start() throws Exception {
        long begun = System.nanoTime();
        AmiEndpoint pbx = AmiEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).build().start();
        Path dataDir = Files.createTempDirectory("zvonok-bench-server");
        int httpPort = ProcessProbe.freePort();
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(Arrays.asList(SERVER_JVM.split(" ")));
        command.addAll(List.of("-jar", serverJar().toString(), "demo", "--ami", "127.0.0.1:" + pbx.port(),
                "--port", Integer.toString(httpPort), "--data-dir", dataDir.resolve("pg").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("zvonok-bench-server", ".log").toFile());
        builder.environment().put("ZVONOK_LOG_LEVEL", "WARN");
        builder.environment().put("ZVONOK_HTTP_HOST", "127.0.0.1");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process server = builder.start();
        Lab lab = new Lab(pbx, new PbxSimulator(ShapeLibrary.load(), Instant.now(), 4), server, httpPort, dataDir);
        try {
            lab.awaitHealthy();
            if (!pbx.awaitLogin(Duration.ofSeconds(60))) {
                throw new IllegalStateException("server-lite did not log in to the simulated PBX");
            }
        } catch (Exception e) {
            lab.close();
            throw e;
        }
        System.out.printf("server-lite (pid %d, its own JVM) up and following the simulated PBX after %.1f s%n",
                server.pid(), (System.nanoTime() - begun) / 1e9);
        return lab;
    }

    /** server-demo's shaded jar: {@code -Dbench.server.jar}, else the one on this class path (the bench profile's). */
    private static Path serverJar() {
        String given = System.getProperty("bench.server.jar");
        if (given != null) {
            return Path.of(given);
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(entry -> {
                    String name = entry.getFileName().toString();
                    return name.startsWith("server-demo") && name.endsWith(".jar") && !name.contains("tests");
                })
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("server-demo's jar is not on the class path"));
    }

    /** The server as the app is told it: {@code --server http://127.0.0.1:port}. */
    URI address() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    int port() {
        return httpPort;
    }

    /** Places one call now, in real time (a ring lasts what the spec says). */
    SimulatedCall ring(CallSpec spec) {
        SimulatedCall call = simulator.call(spec, simulator.millisAt(Instant.now()));
        realTime.schedule(call.messagesFromStart(), Duration.ZERO);
        return call;
    }

    /**
     * Plays calls one after another (none overlaps the next), {@code speed} times faster than life, while a WebSocket
     * client logged in as the operator does what an operator does after every answered call: "Finish and close" —
     * else the server would keep every card open and the app would show them all again at login.
     */
    void playInTurn(List<CallSpec> calls, Duration gap, PlaybackSpeed speed) throws Exception {
        List<SimulatedCall> generated = new ArrayList<>();
        long start = simulator.millisAt(Instant.now());
        for (CallSpec spec : calls) {
            SimulatedCall call = simulator.call(spec, start);
            generated.add(call);
            start = call.endMillis() + gap.toMillis();
        }
        List<TimedMessage> timeline = PbxSimulator.merge(generated);
        AtomicInteger finished = new AtomicInteger();
        Session operator = connectFinisher(finished);
        try (TimelinePlayer player = new TimelinePlayer(pbx::publish, speed)) {
            Playback playback = player.schedule(timeline, Duration.ZERO);
            if (!playback.await(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the calls did not play within 30 minutes");
            }
            Thread.sleep(3_000); // the last call's end through the server, and its card finished
        } finally {
            operator.close();
        }
        System.out.printf("%,d calls played (%,d AMI messages); %,d cards finished by the operator%n", calls.size(),
                timeline.size(), finished.get());
    }

    private Session connectFinisher(AtomicInteger finished) throws Exception {
        TokenResponse tokens = api().login(LOGIN, PASSWORD);
        ClientManager tyrus = ClientManager.createClient();
        Session session = tyrus.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    try {
                        if (json.readValue(text, ServerMessage.class) instanceof ServerMessage.CallEnded ended
                                && ended.awaitingFinish()) {
                            opened.getAsyncRemote().sendText(json.writeValueAsString(
                                    new ClientMessage.FinishCall(null, ended.callId())));
                            finished.incrementAndGet();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + httpPort + "/ws"));
        session.getBasicRemote().sendText(json.writeValueAsString(
                new ClientMessage.Authenticate("bench", tokens.accessToken())));
        Thread.sleep(1_000); // authenticated
        return session;
    }

    /** How many calls the operator's history holds (what the app's history pages through). */
    long historySize() throws Exception {
        ServerApi api = api();
        TokenResponse tokens = api.login(LOGIN, PASSWORD);
        return api.calls(tokens.accessToken(), CallQuery.firstPage().limit(1)).pagination().total();
    }

    private ServerApi api() {
        return new ServerApi(ServerAddress.of(address().toString()), ServerApi.newHttpClient(), json,
                ServerApi.DEFAULT_REQUEST_TIMEOUT);
    }

    long serverPid() {
        return server.pid();
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server-lite exited with " + server.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(address() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server-lite did not become healthy");
    }

    @Override
    public void close() throws InterruptedException {
        realTime.close();
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        pbx.close();
        Jvm.deleteTree(dataDir);
    }
}
