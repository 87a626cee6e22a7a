package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code server-lite replay}: JSON Lines on stdout, exit 0; a clear message and exit 2 for a bad trace, exit 1 when its
 * AMI connection drops before the trace is through.
 */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectPerCallWithTheDocumentedFields() throws Exception {
        Path trace = copyRecording("08-inbound-attended-transfer-777-to-888");

        Run run = run("replay", "--speed", "40", trace.toString());

        assertThat(run.exitCode).isZero();
        List<JsonNode> calls = run.jsonLines();
        assertThat(calls).hasSize(1);
        JsonNode call = calls.getFirst();
        assertThat(call.fieldNames()).toIterable().contains("linkedid", "direction", "caller", "dialed",
                "disposition", "answeredBy", "offers", "transfers", "startAt", "answerAt", "endAt");
        assertThat(call.get("linkedid").asText()).isEqualTo("1795288735.17");
        assertThat(call.get("caller").asText()).isEqualTo("+79271390907");
        assertThat(call.get("disposition").asText()).isEqualTo("answered");
        assertThat(call.get("transfers").get(0).get("kind").asText()).isEqualTo("attended");
        assertThat(call.get("offers").get(0).fieldNames()).toIterable()
                .contains("extension", "result", "ringAt", "answerAt", "endAt");
        assertThat(call.get("startAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    /** Trace 11 with a PBX stop between the two calls' answers: no call can be reported rightly, and none is. */
    @Test
    void exitsWithStatus1WhenItsAmiConnectionDropsMidTrace() throws Exception {
        byte[] recorded;
        try (InputStream in = getClass().getResourceAsStream("/ami-traces/11-two-overlapping-inbound.ami")) {
            recorded = in.readAllBytes();
        }
        String trace = new String(recorded, StandardCharsets.UTF_8);
        int firstAnswer = trace.indexOf("Event: BridgeEnter");
        Path cut = dir.resolve("11-with-a-pbx-restart.ami"); // no timing file: the messages play back to back
        Files.writeString(cut, trace.substring(0, firstAnswer)
                + "Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Uncleanly\r\nRestart: True\r\n\r\n"
                + trace.substring(firstAnswer));

        Run run = run("replay", cut.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("server-lite replay: the AMI connection dropped after")
                .contains("are not all of the trace's").doesNotContain("Exception");
        assertThat(run.jsonLines()).isEmpty();
    }

    @Test
    void refusesAMissingTraceWithExitStatus2() {
        Run run = run("replay", dir.resolve("nothing-here.ami").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("no such trace file").contains("nothing-here.ami");
        assertThat(run.out).isEmpty();
    }

    @Test
    void refusesAMalformedTraceWithExitStatus2() throws Exception {
        Path garbage = dir.resolve("garbage.ami");
        Files.writeString(garbage, "Asterisk Call Manager/9.0.0\r\nthis is not AMI\r\n\r\n");

        Run run = run("replay", garbage.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("not a 'Key: value' line");
    }

    @Test
    void refusesATimingFileThatDoesNotMatchItsTrace() throws Exception {
        Path trace = copyRecording("02-inbound-no-answer");
        Path timing = dir.resolve("02-inbound-no-answer.timing.tsv");
        Files.writeString(timing, Files.readString(timing).replaceFirst("\t29\n", "\t28\n"));

        Run run = run("replay", trace.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("does not tile the trace");
    }

    @Test
    void everySubcommandExplainsItself() {
        for (String command : List.of("replay", "ami-replay")) {
            Run run = run(command, "--help");
            assertThat(run.exitCode).isZero();
            assertThat(run.out).contains("Usage: server-lite " + command);
        }
    }

    private Path copyRecording(String name) throws Exception {
        for (String suffix : List.of(".ami", ".timing.tsv")) {
            try (InputStream in = getClass().getResourceAsStream("/ami-traces/" + name + suffix)) {
                Files.copy(in, dir.resolve(name + suffix));
            }
        }
        return dir.resolve(name + ".ami");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DemoServerLite.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
            return lines;
        }
    }
}
