package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.tracking.ChannelState;
import dev.zvonok.server.tracking.PbxEvent;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.LibraryEventBuilder;
import org.junit.jupiter.api.Test;

/** AMI messages as asterisk-java builds them (its own event builder, our event classes registered), then mapped. */
class ManagerEventMapperTest {

    private final ManagerEventMapper mapper = new ManagerEventMapper(event -> Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void aResyncItemCarriesHowLongTheChannelExistedAndHowLongItTalks() {
        // as Asterisk 22 lists a talking phone leg
        ManagerEvent event = build(AmiMessage.builder()
                .add("Event", "CoreShowChannel").add("ActionID", "resync-4")
                .add("Channel", "PJSIP/777-0000001a").add("ChannelState", "6").add("ChannelStateDesc", "Up")
                .add("CallerIDNum", "777").add("Context", "from-internal").add("Exten", "")
                .add("Uniqueid", "1796403527.28").add("Linkedid", "1796403527.27")
                .add("Application", "AppDial").add("Duration", "00:01:05").add("BridgeId", "b-1")
                .add("BridgedDuration", "00:00:58").build());

        assertThat(event).isInstanceOf(ResyncChannelEvent.class);
        PbxEvent.ChannelSnapshot item = (PbxEvent.ChannelSnapshot) mapper.map(event);
        assertThat(item.state()).isEqualTo(ChannelState.UP);
        assertThat(item.age()).isEqualTo(Duration.ofSeconds(65));
        assertThat(item.bridged()).isEqualTo(Duration.ofSeconds(58));
    }

    @Test
    void anAsterisk20ItemWithoutBridgedDurationStillMaps() {
        ManagerEvent event = build(AmiMessage.builder()
                .add("Event", "CoreShowChannel").add("ActionID", "resync-1")
                .add("Channel", "SIP/888-00000021").add("ChannelState", "5").add("ChannelStateDesc", "Ringing")
                .add("Uniqueid", "1795288822.35").add("Linkedid", "1795288822.34").add("Duration", "00:00:02")
                .build());

        PbxEvent.ChannelSnapshot item = (PbxEvent.ChannelSnapshot) mapper.map(event);
        assertThat(item.age()).isEqualTo(Duration.ofSeconds(2));
        assertThat(item.bridged()).isNull();
    }

    @Test
    void aPickupNamesThePickerAndTheRingingLeg() {
        ManagerEvent event = build(AmiMessage.builder()
                .add("Event", "Pickup").add("Channel", "PJSIP/888-0000001b").add("Uniqueid", "1796403529.29")
                .add("Linkedid", "1796403529.29").add("TargetChannel", "PJSIP/777-0000001a")
                .add("TargetUniqueid", "1796403527.28").add("TargetLinkedid", "1796403527.27").build());

        PbxEvent.PickedUp pickup = (PbxEvent.PickedUp) mapper.map(event);
        assertThat(pickup.picker().uniqueId()).isEqualTo("1796403529.29");
        assertThat(pickup.target().uniqueId()).isEqualTo("1796403527.28");
        assertThat(pickup.target().linkedId()).isEqualTo("1796403527.27");
    }

    private static ManagerEvent build(AmiMessage message) {
        return new LibraryEventBuilder().build(ManagerEventMapperTest.class, message);
    }
}
