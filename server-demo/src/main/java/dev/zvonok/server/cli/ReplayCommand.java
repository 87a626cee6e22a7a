package dev.zvonok.server.cli;

import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.replay.CallJsonLines;
import dev.zvonok.server.replay.TraceReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Runs a recorded AMI trace through the real stack (a local AMI endpoint -> asterisk-java -> call"
                        + " tracking; no database) and prints the calls as JSON Lines, one object per call.",
                "Times are scaled back to the recording's pace, whatever the playback speed.",
                "Exit status: 0 done; 1 its AMI connection dropped before the trace was through (the calls printed"
                        + " are then not all of them); 2 a missing or malformed trace."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "The recording: NN-name.ami, with NN-name.timing.tsv beside it"
            + " for its timing (without one the messages play back to back).")
    private Path trace;

    @Option(names = "--speed", defaultValue = "20",
            description = "Playback speed: 1 = as recorded, 20 = twenty times faster (default: ${DEFAULT-VALUE}),"
                    + " max = as fast as possible (times then are arrival times).")
    private String speed;

    @Option(names = "--timeout", defaultValue = "PT60S",
            description = "Give up if the PBX side stalls this long (ISO-8601, default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (phone region, extension pattern).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        AmiTrace recording = AmiTrace.load(trace);
        ServerConfig settings = ServerConfig.load(config);
        CallJsonLines json = new CallJsonLines();
        PrintWriter out = spec.commandLine().getOut();
        TraceReplay replay = new TraceReplay(settings.phoneNumbers(), settings.operatorEndpoints(),
                PlaybackSpeed.parse(speed), timeout);
        replay.run(recording, call -> {
            out.println(json.line(call));
            out.flush();
        });
        return 0;
    }
}
