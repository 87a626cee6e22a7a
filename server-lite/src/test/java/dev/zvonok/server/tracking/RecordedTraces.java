package dev.zvonok.server.tracking;

import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.ami.ManagerEventMapper;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.LibraryEventBuilder;

/**
 * The recordings of a real Asterisk 20, turned into the tracker's input without sockets: each recorded event goes
 * through asterisk-java's own event builder and our mapper, stamped with its recorded arrival time.
 */
public final class RecordedTraces {

    /** The moment the recordings' clock starts at, for readable times in failures. */
    public static final Instant EPOCH = Instant.parse("2026-11-21T19:17:30Z");

    public static final List<String> ALL = List.of(
            "01-inbound-answered-caller-hangup",
            "02-inbound-no-answer",
            "03-inbound-busy-rejected",
            "04-inbound-caller-abandons-ringing",
            "05-inbound-queue-answered-by-888",
            "06-inbound-ringgroup-777-answers",
            "07-inbound-blind-transfer-777-to-888",
            "08-inbound-attended-transfer-777-to-888",
            "09-click-to-call-originate",
            "10-internal-777-to-888",
            "11-two-overlapping-inbound",
            "12-inbound-hold-resume",
            "13-resync-coreshowchannels-status",
            "14-queue-local-members",
            "15-restricted-manager-user");

    private RecordedTraces() {
    }

    public static AmiTrace load(String name) {
        return AmiTrace.loadResource("/ami-traces/" + name + ".ami");
    }

    /** asterisk-java events of a recording, as its reader would build them, with their arrival times. */
    public static List<ManagerEvent> managerEvents(String name) {
        LibraryEventBuilder builder = new LibraryEventBuilder();
        List<ManagerEvent> events = new ArrayList<>();
        for (AmiTrace.Entry entry : load(name).entries()) {
            if (entry.kind() != AmiTrace.Kind.EVENT) {
                continue;
            }
            ManagerEvent event = builder.build(RecordedTraces.class, attributes(entry.message()));
            if (event != null) {
                event.setDateReceived(java.util.Date.from(EPOCH.plusMillis(entry.atMillis())));
                events.add(event);
            }
        }
        return events;
    }

    /** The tracker's input for a recording. */
    public static List<PbxEvent> pbxEvents(String name) {
        ManagerEventMapper mapper = new ManagerEventMapper(EventClock.pbxOrReceived());
        List<PbxEvent> events = new ArrayList<>();
        for (ManagerEvent event : managerEvents(name)) {
            PbxEvent mapped = mapper.map(event);
            if (mapped != null) {
                events.add(mapped);
            }
        }
        return events;
    }

    /** The attribute map asterisk-java's reader hands its event builder: lower-case keys, values as received. */
    private static Map<String, Object> attributes(AmiMessage message) {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < message.size(); i++) {
            attributes.putIfAbsent(message.keyAt(i).toLowerCase(Locale.ENGLISH), message.valueAt(i));
        }
        return attributes;
    }
}
