package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import java.util.ArrayList;
import java.util.List;

/** The recordings as tests read them, independently of the simulator's own cutting. */
final class RecordedCalls {

    private RecordedCalls() {
    }

    static AmiTrace trace(String name) {
        return AmiTrace.loadResource("/ami-traces/" + name + ".ami");
    }

    /** The events after the login envelope ({@code Events: On}), without responses; times as recorded. */
    static List<TimedMessage> eventsAfterLogin(String traceName) {
        List<TimedMessage> events = new ArrayList<>();
        boolean loggedIn = false;
        for (AmiTrace.Entry entry : trace(traceName).entries()) {
            if (entry.kind() == AmiTrace.Kind.RESPONSE && "On".equals(entry.message().get("Events"))) {
                loggedIn = true;
            } else if (loggedIn && entry.kind() == AmiTrace.Kind.EVENT) {
                events.add(new TimedMessage(entry.atMillis(), entry.message()));
            }
        }
        return events;
    }

    /** The events of call {@code number} (1-based) as the simulator cuts it. */
    static List<TimedMessage> callOf(Recording recording) {
        AmiTrace trace = trace(recording.trace());
        return CallSelection.select(trace, recording.callNumber(), new ValueTokenizer(recording.parties())).stream()
                .map(entry -> new TimedMessage(entry.atMillis(), entry.message()))
                .toList();
    }
}
