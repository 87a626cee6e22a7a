package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.pbx.TraceTimeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recording of a real Asterisk whose caller sends a megabyte of caller number and a name full of terminal escapes,
 * replayed over TCP to the whole server: the operator's card shows the number as the product carries it, the call is
 * stored and closed, and the metrics say how many values were cut.
 */
class HostileAmiValuesTest {

    /** 01: 89271390907 calls 777, Ivanov answers, the caller hangs up. */
    private static final String TRACE = "/ami-traces/01-inbound-answered-caller-hangup.ami";
    private static final String CALLER = "89271390907";
    /** The caller's number with a bell in it and a megabyte of digits after it. */
    private static final String HUGE_NUMBER = CALLER + "\u0007" + "0".repeat(1 << 20);
    /** What the product carries of it: printable characters, 32 of them. */
    private static final String CARRIED_NUMBER = CALLER + "0".repeat(32 - CALLER.length());
    private static final String GARBAGE_NAME = "Иван\u0000\u001b[2J\u202eПетров" + "Ж".repeat(300);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    @Test
    void hugeAndGarbageValuesAreCutCountedAndTheCallIsStoredAndClosed() throws Exception {
        AtomicInteger numbersRewritten = new AtomicInteger();
        AtomicInteger namesRewritten = new AtomicInteger();
        TraceTimeline hostile = hostile(TraceTimeline.loadResource(TRACE), numbersRewritten, namesRewritten);
        assertThat(numbersRewritten.get()).isGreaterThan(10);
        assertThat(namesRewritten.get()).isGreaterThan(10);

        try (OperatorClient ivanov = replayed.server().operator("ivanov")) {
            var playback = replayed.pbx().player().schedule(hostile.events(), Duration.ZERO);

            IncomingCall ring = ivanov.await(IncomingCall.class);
            assertThat(ring.callerNumber()).as("the number, cut and cleaned").isEqualTo(CARRIED_NUMBER);
            assertThat(ring.extension()).isEqualTo("777");
            CallEnded ended = ivanov.await(CallEnded.class);
            assertThat(ended.callId()).isEqualTo(ring.callId());

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == 1);
            CallsRecord call = db.dsl().selectFrom(CALLS).fetchSingle();
            assertThat(call.getLinkedid()).isEqualTo(ring.callId());
            assertThat(call.getCallerNumber()).isEqualTo(CARRIED_NUMBER);
            assertThat(call.getDisposition()).isEqualTo("answered");
            assertThat(call.getAnsweredByExtension()).isEqualTo("777");

            assertThat(playback.await(Duration.ofSeconds(20))).isTrue();
            // the last lines sent may still be on their way: the counters reach the count of the values rewritten
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = metrics();
                assertThat(counter(metrics, "zvonok_ami_values_cut_total", "number"))
                        .as("every number sent was cut").isEqualTo(numbersRewritten.get());
                assertThat(counter(metrics, "zvonok_ami_values_cleaned_total", "number"))
                        .isEqualTo(numbersRewritten.get());
                assertThat(counter(metrics, "zvonok_ami_values_cut_total", "name")).isEqualTo(namesRewritten.get());
                assertThat(counter(metrics, "zvonok_ami_values_cleaned_total", "name"))
                        .isEqualTo(namesRewritten.get());
                assertThat(counter(metrics, "zvonok_ami_values_cut_total", "id")).as("nothing else").isZero();
            });
        }
    }

    /**
     * The recording with the caller's number made huge and every name of the caller turned to garbage, in the events
     * the server reads (so that the count of what was rewritten is the count of what it must cut).
     */
    private static TraceTimeline hostile(TraceTimeline recorded, AtomicInteger numbers, AtomicInteger names) {
        List<TimedMessage> events = new ArrayList<>();
        for (TimedMessage timed : recorded.events()) {
            AmiMessage message = timed.message();
            if (!readByTheServer(message)) {
                events.add(timed);
                continue;
            }
            for (String key : message.keys()) {
                if (!CALLER.equals(message.get(key))) {
                    continue;
                }
                if (key.endsWith("Num")) {
                    message = message.with(key, HUGE_NUMBER);
                    numbers.incrementAndGet();
                } else if (key.endsWith("Name")) {
                    message = message.with(key, GARBAGE_NAME);
                    names.incrementAndGet();
                }
            }
            events.add(new TimedMessage(timed.atMillis(), message));
        }
        return new TraceTimeline(recorded.name() + "-hostile", events, recorded.channelsUpAtStart());
    }

    /** The server logs in for the {@code call} and {@code agent} events only: the others never reach it. */
    private static boolean readByTheServer(AmiMessage event) {
        String privilege = event.get("Privilege");
        return privilege != null && List.of(privilege.split(",")).stream()
                .anyMatch(c -> c.equals("call") || c.equals("agent"));
    }

    private String metrics() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + replayed.server().port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private static long counter(String metrics, String name, String kind) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*kind=\"" + kind + "\"[^}]*\\} ([0-9.E+]+)$")
                .matcher(metrics);
        assertThat(m.find()).as(name + " for " + kind).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
