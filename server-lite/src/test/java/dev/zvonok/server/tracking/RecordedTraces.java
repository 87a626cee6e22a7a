package dev.zvonok.server.tracking;

import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The recordings of a real Asterisk 20 (chan_sip) and of a real Asterisk 22 (chan_pjsip, under {@code pjsip/}), turned into the tracker's input without sockets: each recorded event goes
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
            "15-restricted-manager-user",
            "pjsip/01-pjsip-direct-answered-caller-hangup",
            "pjsip/02-pjsip-direct-999-no-answer",
            "pjsip/03-pjsip-direct-777-busy",
            "pjsip/04-pjsip-caller-abandons-888-ringing",
            "pjsip/05-pjsip-queue-answered-by-888",
            "pjsip/06-pjsip-ringgroup-777-answers",
            "pjsip/07-pjsip-blind-transfer-777-to-888",
            "pjsip/08-pjsip-attended-transfer-777-to-888",
            "pjsip/09-pjsip-click-to-call-888",
            "pjsip/10-pjsip-two-devices-softphone-answers",
            "pjsip/11-pjsip-group-pickup-by-888",
            "pjsip/12-pjsip-directed-pickup-by-777",
            "pjsip/13-pjsip-voicemail-after-no-answer",
            "pjsip/14-pjsip-internal-999-to-777",
            "pjsip/16-pjsip-two-devices-desk-answers",
            "pjsip/17-pjsip-phone-blind-transfer-refer",
            "pjsip/18-pjsip-phone-attended-transfer-refer",
            "pjsip/20-pjsip-local-queue-two-devices");

    private RecordedTraces() {
    }

    public static AmiTrace load(String name) {
        return AmiTrace.loadResource("/ami-traces/" + name + ".ami");
    }

    /** asterisk-java events of a recording, as its reader would build them, with their arrival times. */
    public static List<ManagerEvent> managerEvents(String name) {
        List<TimedMessage> received = load(name).entries().stream()
                .filter(entry -> entry.kind() == AmiTrace.Kind.EVENT)
                .map(entry -> new TimedMessage(entry.atMillis(), entry.message()))
                .toList();
        return AsteriskJavaEvents.of(received, EPOCH);
    }

    /** The tracker's input for a recording. */
    public static List<PbxEvent> pbxEvents(String name) {
        return AsteriskJavaEvents.mapped(managerEvents(name));
    }
}
