package dev.zvonok.server.cli;

import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ami-replay",
        mixinStandardHelpOptions = true,
        description = {
                "Pretends to be Asterisk: listens for AMI clients, and once one has logged in (and the start delay"
                        + " has passed) plays the recorded trace to every logged-in client, at its recorded pace or"
                        + " faster. Answers Login, CoreSettings, Ping, CoreShowChannels, Status, Originate, ... as"
                        + " the PBX the trace was recorded on does (Asterisk 22 for the pjsip recordings, whose banner"
                        + " says AMI 11.0.0; Asterisk 20 otherwise).",
                "Accounts: crm/crm-secret (read and write all), cti/cti-secret (read call,agent; write"
                        + " call,originate) and ctirs/ctirs-secret (read call,agent; write call,originate,reporting),"
                        + " unless --user is given. Actions an account may not write are refused as Asterisk refuses"
                        + " them (Permission denied)."
        })
final class AmiReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "The recording: NN-name.ami (with NN-name.timing.tsv beside it).")
    private Path trace;

    @Option(names = "--port", defaultValue = "5038", description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--speed", defaultValue = "1", description = "1 = as recorded (default), 10 = ten times faster,"
            + " max = as fast as possible.")
    private String speed;

    @Option(names = "--start-delay", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long after the first login before playing (default: ${DEFAULT-VALUE}).")
    private double startDelay;

    @Option(names = "--user", description = "Accept only this AMI user (with --secret).")
    private String user;

    @Option(names = "--secret", description = "The secret of --user.")
    private String secret;

    @Option(names = "--read", defaultValue = "all",
            description = "Event classes --user may read, as in manager.conf (default: ${DEFAULT-VALUE}).")
    private String read;

    @Option(names = "--write", defaultValue = "all",
            description = "Actions --user may run, as the write line of manager.conf (default: ${DEFAULT-VALUE}).")
    private String write;

    @Option(names = "--exit", description = "Exit once the trace has played instead of staying up as an idle PBX.")
    private boolean exitWhenPlayed;

    @Override
    public Integer call() throws Exception {
        AmiTrace recording = AmiTrace.load(trace);
        TraceTimeline timeline = TraceTimeline.of(recording);
        PrintWriter err = spec.commandLine().getErr();
        AmiEndpoint.Builder pbx = AmiEndpoint.builder().bindAddress(InetAddress.getByName(bind)).port(port)
                .accounts(accounts()).identity(AsteriskIdentity.recordedIn(recording));
        CountDownLatch stop = new CountDownLatch(1);
        try (PbxReplay replay = PbxReplay.start(pbx, PlaybackSpeed.parse(speed))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ami-replay-stop"));
            err.printf("ami-replay: %s (%d events, %s) on %s:%d; waiting for a client to log in%n", timeline.name(),
                    timeline.events().size(), timeline.length(), bind, replay.endpoint().port());
            err.flush();
            var playback = replay.playAfterFirstLogin(timeline, Duration.ofMillis(Math.round(startDelay * 1000)));
            playback.finished().thenRun(() -> {
                err.println("ami-replay: trace played");
                err.flush();
                if (exitWhenPlayed) {
                    stop.countDown();
                }
            });
            stop.await();
        }
        return 0;
    }

    private List<AmiAccount> accounts() {
        if (user == null) {
            return AmiAccount.defaults();
        }
        if (secret == null) {
            throw new IllegalArgumentException("--user needs --secret");
        }
        List<AmiAccount> accounts = new ArrayList<>();
        accounts.add(AmiAccount.of(user, secret, read, write));
        return accounts;
    }
}
