package dev.zvonok.server.bench;

import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long a PBX link that dies without a word (no FIN, no RST: a NAT that forgot it) goes unnoticed. server-lite
 * (its {@link AmiConnection}, defaults of reference.conf) reaches our AMI endpoint through a TCP relay; the relay then
 * stops carrying bytes in both directions and closes nothing. Measured: from that moment to the connection's state
 * turning DISCONNECTED. Between runs the relay carries again and the connection is made anew.
 *
 * <p>Two cases: an idle link (only Pings and Pongs; the freeze falls at a random moment of the ping cycle) and a busy
 * one (an event every 20 ms until the freeze).
 */
public final class DeadLinkDetection {

    private static final int RUNS = Integer.getInteger("bench.runs", 9);

    public static void main(String[] args) throws Exception {
        try (AmiEndpoint pbx = AmiEndpoint.builder().build().start();
             TcpProxy network = new TcpProxy(pbx.port())) {
            AmiSettings settings = AmiSettings.of("127.0.0.1", network.port(), AmiAccount.CRM.username(),
                    AmiAccount.CRM.secret()).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
            System.out.printf("Ping after %d ms of silence, dead after %d ms more without a word; %d runs each%n",
                    settings.pingAfterSilence().toMillis(), settings.pingTimeout().toMillis(), RUNS);
            try (AmiConnection connection = new AmiConnection(settings, event -> { }).start()) {
                double[] idle = new double[RUNS];
                double[] busy = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    idle[run] = measure(connection, network, pbx, false);
                    busy[run] = measure(connection, network, pbx, true);
                    System.out.printf("  run %d: idle %,.0f ms, busy %,.0f ms%n", run + 1, idle[run], busy[run]);
                }
                System.out.println("Dead link noticed, idle link: " + Stats.of(idle).format("ms"));
                System.out.println("Dead link noticed, busy link: " + Stats.of(busy).format("ms"));
            }
        }
    }

    private static double measure(AmiConnection connection, TcpProxy network, AmiEndpoint pbx, boolean busy)
            throws Exception {
        if (!connection.awaitConnected(Duration.ofSeconds(30))) {
            throw new IllegalStateException("not connected: " + connection.lastError());
        }
        AtomicBoolean talking = new AtomicBoolean(busy);
        Thread traffic = Thread.ofVirtual().start(() -> {
            while (talking.get()) {
                pbx.publish(AmiMessage.of("Event", "Newstate", "Privilege", "call,all", "Channel", "PJSIP/777-1",
                        "ChannelState", "5", "ChannelStateDesc", "Ringing", "Uniqueid", "1.1", "Linkedid", "1.1"));
                sleepQuietly(20);
            }
        });
        // a random moment of the ping cycle (an idle link is asked for a Ping about once a second)
        Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1000));
        var loss = connection.nextLoss();
        long frozenAt = System.nanoTime();
        network.freeze();
        try {
            loss.get(30, TimeUnit.SECONDS);
            return (System.nanoTime() - frozenAt) / 1e6;
        } finally {
            talking.set(false);
            traffic.join();
            network.thaw();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
