package dev.zvonok.server.bench;

import static dev.zvonok.server.testing.ProcessProbe.freePort;
import static dev.zvonok.server.testing.ProcessProbe.highWaterKib;
import static dev.zvonok.server.testing.ProcessProbe.jcmd;
import static dev.zvonok.server.testing.ProcessProbe.nativeMemory;
import static dev.zvonok.server.testing.ProcessProbe.rssKib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.tracking.ChannelName;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * How fast a ring reaches the operator's screen, with 1,000 operators connected and 100 calls a second.
 *
 * <p>server-lite runs as in production, in its own JVM from {@code server-lite.jar serve}, so that its resident
 * memory can be read; PostgreSQL (with one user per extension 1000–1999) and the simulated PBX run here. 1,000 Tyrus
 * WebSocket clients log in over HTTP and authenticate. For every phone that starts ringing (the DialBegin that rings
 * an operator's phone, as our AMI endpoint writes it) the time is taken; when that operator's client receives its
 * {@code incoming-call}, the latency is the difference: AMI write, TCP, asterisk-java, tracking, identification,
 * history, WebSocket. Every ring must reach its operator exactly once, and no one else. Like operators, the clients
 * close each card when its call has ended ("Finish and close").
 *
 * <p>With {@code -Dbench.supervisors=N}, N supervisors also watch the live board ({@code subscribe-board}, all 1,000
 * operators and every queue): the harness counts their frames and bytes per second, how old each change is when it
 * arrives, and the server's CPU while measured — run it with 0 and with 10 to see what the board adds. It also
 * takes the first supervisor's frames apart ({@link BoardFrameParts}: which parts of a frame carry its bytes), and
 * with {@code -Dbench.frameTo=file} writes one of them (the 20th measured) to that file as it came.
 */
public final class DeliveryLatency {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern PHONE = Pattern.compile("\\d{2,6}");
    private static final double CALLS_PER_SECOND = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 20));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
    private static final HttpClient LOGINS = HttpClient.newHttpClient();
    private static final int SUPERVISORS = Integer.getInteger("bench.supervisors", 0);
    /**
     * The server's JVM options, as recommended in the README for a small server: a small heap with the serial
     * collector (two cores: no concurrent collector threads to compete with), and the C1 compiler only (C2's code
     * and compiler arenas cost tens of MB for no gain in latency here). docs/benchmarks.md has the comparison.
     */
    private static final String SERVER_JVM =
            "-Xmx112m -Xmn48m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m -Xss512k -XX:TieredStopAtLevel=1";

    /** Ring key (Linkedid/extension) → when the PBX wrote it, and when its incoming-call arrived. */
    private final Map<String, Long> rungAt = new ConcurrentHashMap<>();
    private final Map<String, Long> shownAt = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong misdelivered = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    /** Per supervisor while measured: board frames, their bytes, and each change's age on arrival (ms). */
    private final Map<String, AtomicLong> boardFrames = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> boardBytes = new ConcurrentHashMap<>();
    /** With {@code -Dbench.frameTo=file}: the first supervisor's 20th frame measured, as it came. */
    private static final String FRAME_TO = System.getProperty("bench.frameTo");
    /** Whose frames are taken apart: what a frame is made of is the same for every supervisor watching all. */
    private final String firstSupervisor = "sup1";
    private final BoardFrameParts frameParts = new BoardFrameParts();
    private final List<Long> changeAgesMs = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        new DeliveryLatency().run(Path.of(System.getProperty("bench.jar", "server-lite/target/server-lite.jar")));
        System.exit(0); // the WebSocket client's threads would linger until their idle timeout
    }

    private void run(Path jar) throws Exception {
        long begun = System.nanoTime();
        try (BenchDirectory directory = BenchDirectory.start(Storm.OPERATORS);
             AmiEndpoint pbx = AmiEndpoint.builder().build().start()) {
            directory.addSupervisors(SUPERVISORS);
            System.out.printf("Directory of 1,000 operators ready in %.1f s%n", (System.nanoTime() - begun) / 1e9);
            int httpPort = freePort();
            Process server = startServer(jar, directory, pbx.port(), httpPort);
            try {
                awaitHealthy(httpPort);
                System.out.printf("server-lite healthy after %.1f s%n", (System.nanoTime() - begun) / 1e9);
                long connecting = System.nanoTime();
                List<Session> clients = connectOperators(httpPort);
                System.out.printf("%d operators logged in, connected and authenticated in %.1f s%n", clients.size(),
                        (System.nanoTime() - connecting) / 1e9);
                List<Session> supervisors = connectSupervisors(httpPort);

                Duration total = WARM_UP.plus(MEASURED);
                long start = System.nanoTime();
                measureFrom = start + WARM_UP.toNanos();
                // calls keep going after the last one started (a transfer lasts minutes): stop shortly after
                long stopAt = start + total.plusSeconds(5).toNanos();
                Thread feeder = Thread.ofPlatform().name("pbx-load").start(() ->
                        feed(pbx, Storm.load(CALLS_PER_SECOND, 44).messages(0, total), start, stopAt));
                Thread.sleep(WARM_UP.toMillis());
                List<double[]> serverBefore = ringLatencyBuckets(httpPort);
                Duration cpuBefore = server.info().totalCpuDuration().orElse(Duration.ZERO);
                long measuredFrom = System.nanoTime();
                measureUntil = measuredFrom + MEASURED.toNanos();
                long peakRss = 0;
                while (feeder.isAlive()) {
                    peakRss = Math.max(peakRss, rssKib(server.pid()));
                    feeder.join(1_000);
                }
                System.out.printf("load played after %.1f s%n", (System.nanoTime() - begun) / 1e9);
                Duration cpu = server.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
                double seconds = (System.nanoTime() - measuredFrom) / 1e9;
                System.out.printf("server-lite CPU while measured: %.1f s in %.1f s = %.0f %% of one core%n",
                        cpu.toMillis() / 1e3, seconds, cpu.toMillis() / 10.0 / seconds);
                reportBoard(supervisors.size());
                Thread.sleep(3_000); // the last rings' messages in flight
                peakRss = Math.max(peakRss, rssKib(server.pid()));
                report(peakRss, highWaterKib(server.pid()),
                        serverSideLatency(serverBefore, ringLatencyBuckets(httpPort)));
                System.out.println("server-lite native memory (NMT, committed):");
                nativeMemory(server.pid()).forEach(line -> System.out.println("  " + line));
                if (Boolean.getBoolean("bench.histogram")) {
                    jcmd(server.pid(), "GC.class_histogram").stream().limit(25).forEach(System.out::println);
                }
            } finally {
                server.destroy();
                if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.out.println("server-lite did not stop within 30 s of SIGTERM; killing it");
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    /**
     * Plays the load as a PBX would live it: each message at its time, generated as it comes, so that this JVM holds
     * only the calls in progress (a pre-built list of a million messages would make its own GC pauses part of what is
     * measured).
     */
    private void feed(AmiEndpoint pbx, Iterator<TimedMessage> load, long startNanos, long stopNanos) {
        while (load.hasNext()) {
            TimedMessage next = load.next();
            long due = startNanos + next.atMillis() * 1_000_000L;
            if (due > stopNanos) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            publish(pbx, next.message());
        }
    }

    /** Publishes, noting when each operator's phone starts ringing. */
    private void publish(AmiEndpoint pbx, AmiMessage message) {
        if (message.isEvent("DialBegin")) {
            String extension = operatorPhone(message.get("DestChannel"));
            if (extension != null && System.nanoTime() >= measureFrom) {
                rungAt.putIfAbsent(message.get("DestLinkedid") + "/" + extension, System.nanoTime());
            }
        }
        pbx.publish(message);
    }

    private static String operatorPhone(String channel) {
        ChannelName name = ChannelName.parse(channel);
        return !name.local() && PHONE.matcher(name.resource()).matches() ? name.resource() : null;
    }

    private void received(String extension, Session session, String text) {
        long now = System.nanoTime();
        if (text.startsWith("{\"type\":\"call-ended\"") && text.contains("\"awaitingFinish\":true")) {
            finish(session, text); // as an operator does after the call: "Finish and close"
            return;
        }
        if (!text.startsWith("{\"type\":\"incoming-call\"")) {
            return;
        }
        try {
            JsonNode ring = JSON.readTree(text);
            if (!extension.equals(ring.get("extension").asText())) {
                misdelivered.incrementAndGet();
            }
            if (shownAt.putIfAbsent(ring.get("callId").asText() + "/" + ring.get("extension").asText(), now) != null) {
                duplicates.incrementAndGet();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void finish(Session session, String callEnded) {
        try {
            String callId = JSON.readTree(callEnded).get("callId").asText();
            session.getAsyncRemote().sendText(JSON.writeValueAsString(new ClientMessage.FinishCall(null, callId)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Session> connectOperators(int port) throws Exception {
        ClientManager tyrus = ClientManager.createClient();
        tyrus.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        List<Session> sessions = new ArrayList<>();
        for (String extension : Storm.OPERATORS) {
            TokenResponse tokens = login(port, "op" + extension);
            Session session = tyrus.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session opened, EndpointConfig config) {
                    opened.addMessageHandler(String.class,
                            (MessageHandler.Whole<String>) text -> received(extension, opened, text));
                }
            }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + port + "/ws"));
            session.getBasicRemote().sendText(JSON.writeValueAsString(
                    new ClientMessage.Authenticate("auth", tokens.accessToken())));
            sessions.add(session);
        }
        Thread.sleep(2_000); // every authenticate answered
        return sessions;
    }

    /** Supervisors who log in and watch the board, each frame counted while measured. */
    private List<Session> connectSupervisors(int port) throws Exception {
        ClientManager tyrus = ClientManager.createClient();
        tyrus.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        List<Session> sessions = new ArrayList<>();
        for (int i = 1; i <= SUPERVISORS; i++) {
            String login = "sup" + i;
            boardFrames.put(login, new AtomicLong());
            boardBytes.put(login, new AtomicLong());
            Session session = tyrus.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session opened, EndpointConfig config) {
                    opened.addMessageHandler(String.class,
                            (MessageHandler.Whole<String>) text -> boardFrame(login, text));
                }
            }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + port + "/ws"));
            session.getBasicRemote().sendText(JSON.writeValueAsString(
                    new ClientMessage.Authenticate("auth", login(port, login).accessToken())));
            session.getBasicRemote().sendText(JSON.writeValueAsString(new ClientMessage.SubscribeBoard("board")));
            sessions.add(session);
        }
        return sessions;
    }

    private void boardFrame(String supervisor, String text) {
        long now = System.nanoTime();
        if (now < measureFrom || now > measureUntil || !text.startsWith("{\"type\":\"board")) {
            return;
        }
        long frame = boardFrames.get(supervisor).incrementAndGet();
        boardBytes.get(supervisor).addAndGet(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        if (text.startsWith("{\"type\":\"board-changed\"")) {
            try {
                JsonNode change = JSON.readTree(text).get("change");
                java.time.Instant at = java.time.Instant.parse(change.get("at").asText());
                changeAgesMs.add(Duration.between(at, java.time.Instant.now()).toMillis());
                if (supervisor.equals(firstSupervisor)) {
                    frameParts.add(change);
                    if (frame == 20 && FRAME_TO != null) { // to see what a frame is made of
                        java.nio.file.Files.writeString(java.nio.file.Path.of(FRAME_TO), text);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void reportBoard(int supervisors) {
        if (supervisors == 0) {
            System.out.println("Board: no supervisor watching");
            return;
        }
        frameParts.report();
        double seconds = MEASURED.toMillis() / 1e3;
        long[] frames = boardFrames.values().stream().mapToLong(AtomicLong::get).sorted().toArray();
        long[] bytes = boardBytes.values().stream().mapToLong(AtomicLong::get).sorted().toArray();
        long[] ages = changeAgesMs.stream().mapToLong(Long::longValue).map(ms -> ms * 1_000_000).sorted().toArray();
        System.out.printf("Board, %d supervisors watching 1,000 operators: per supervisor (median) %.1f frames/s,"
                        + " %,.0f bytes/s; a change's age on arrival p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                supervisors, frames[frames.length / 2] / seconds, bytes[bytes.length / 2] / seconds,
                percentile(ages, 50), percentile(ages, 99), ages.length == 0 ? 0 : ages[ages.length - 1] / 1e6);
    }

    private static TokenResponse login(int port, String login) throws Exception {
        return JSON.readValue(LOGINS.send(HttpRequest.newBuilder()
                .uri(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new LoginRequest(login, "bench"))))
                .build(), HttpResponse.BodyHandlers.ofString()).body(), TokenResponse.class);
    }

    private void report(long peakRssKib, long highWaterKib, String serverSide) {
        List<Long> latencies = new ArrayList<>();
        long lost = 0;
        for (Map.Entry<String, Long> ring : rungAt.entrySet()) {
            Long shown = shownAt.get(ring.getKey());
            if (shown == null) {
                lost++;
            } else {
                latencies.add(shown - ring.getValue());
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("Load: %.0f calls/s for %s after %s of warm-up; %,d rings measured%n", CALLS_PER_SECOND,
                MEASURED, WARM_UP, rungAt.size());
        System.out.printf("PBX write -> operator's client has incoming-call: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                        + " max %.2f ms%n", percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf("Rings lost: %d, shown twice: %d, shown to the wrong operator: %d%n", lost,
                duplicates.get(), misdelivered.get());
        System.out.printf("server-lite resident memory: peak %,d MB while measured (VmHWM %,d MB)%n",
                peakRssKib / 1024, highWaterKib / 1024);
        System.out.println("Server side (asterisk-java received -> frames queued), from /metrics: " + serverSide);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static Process startServer(Path jar, BenchDirectory directory, int amiPort, int httpPort)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(System.getProperty("bench.server.jvm", SERVER_JVM).split(" ")));
        command.addAll(List.of("-XX:NativeMemoryTracking=summary",
                "-Xlog:gc:file=" + System.getProperty("java.io.tmpdir") + "/server-lite-bench-gc.log",
                "-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("server-lite-bench", ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ZVONOK_DB_URL", directory.database.jdbcUrl());
        env.put("ZVONOK_DB_USER", "postgres");
        env.put("ZVONOK_AMI_HOST", "127.0.0.1");
        env.put("ZVONOK_AMI_PORT", Integer.toString(amiPort));
        env.put("ZVONOK_AMI_USER", AmiAccount.CRM.username());
        env.put("ZVONOK_AMI_SECRET", AmiAccount.CRM.secret());
        env.put("ZVONOK_HTTP_HOST", "127.0.0.1");
        env.put("ZVONOK_HTTP_PORT", Integer.toString(httpPort));
        env.put("ZVONOK_LOG_LEVEL", "WARN");
        // glibc's per-thread malloc arenas reserve memory by the tens of MB; two are plenty for a JVM
        env.put("MALLOC_ARENA_MAX", "2");
        System.out.printf("server-lite: %s%n", String.join(" ", builder.command()));
        return builder.start();
    }

    private static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
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

    /** The server's own histogram of ring delivery (AMI event received -> frames queued), read off /metrics. */
    private static List<double[]> ringLatencyBuckets(int port) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher bucket = Pattern.compile(
                "zvonok_delivery_ring_latency_seconds_bucket\\{le=\"([^\"]+)\"} ([0-9.E+]+)").matcher(metrics);
        List<double[]> buckets = new ArrayList<>();
        while (bucket.find()) {
            double bound = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
            buckets.add(new double[] {bound, Double.parseDouble(bucket.group(2))});
        }
        return buckets;
    }

    /** The server's ring latency while measured: the histogram at the end less the one when warm-up ended. */
    private static String serverSideLatency(List<double[]> before, List<double[]> after) {
        if (after.isEmpty() || before.size() != after.size()) {
            return "not found";
        }
        List<double[]> window = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            window.add(new double[] {after.get(i)[0], after.get(i)[1] - before.get(i)[1]});
        }
        double total = window.getLast()[1];
        return String.format("p50 <= %.2f ms, p99 <= %.2f ms over %,.0f rings", upperBound(window, total * 0.50) * 1000,
                upperBound(window, total * 0.99) * 1000, total);
    }

    private static double upperBound(List<double[]> cumulative, double count) {
        for (double[] bucket : cumulative) {
            if (bucket[1] >= count) {
                return bucket[0];
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
