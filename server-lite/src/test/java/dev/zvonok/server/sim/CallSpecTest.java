package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallSpecTest {

    @Test
    void startsAsRecorded() {
        CallSpec spec = CallSpec.of(Shape.QUEUE_ANSWERED);
        assertThat(spec.parties()).isEqualTo(Shape.QUEUE_ANSWERED.recordedParties());
        assertThat(spec.waits()).isEmpty();
        assertThat(spec.originateActionId()).isNull();
    }

    @Test
    void whoAnswersAQueueCallIsChosenBySwappingTheMembers() {
        CallSpec swapped = CallSpec.of(Shape.QUEUE_ANSWERED)
                .withParties(Map.of(Role.OPERATOR, "777", Role.OTHER_MEMBER, "888"));
        assertThat(swapped.party(Role.OPERATOR)).isEqualTo("777");
        assertThatThrownBy(() -> CallSpec.of(Shape.QUEUE_ANSWERED).operator("777"))
                .hasMessageContaining("cannot share the value 777");
    }

    @Test
    void refusesWhatTheShapeDoesNotHave() {
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).with(Role.DID, "74950000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no role DID");
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).with(Wait.HOLD, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no wait HOLD");
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).withOriginateActionId("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesThatCannotStandInAChannelNameOrACallerId() {
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).operator("10 01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).external("123\r\nEvent: Fake"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallSpec.of(Shape.DIRECT_ANSWERED).talk(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
