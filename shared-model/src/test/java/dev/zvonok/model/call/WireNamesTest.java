package dev.zvonok.model.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.directory.CallerKind;
import org.junit.jupiter.api.Test;

class WireNamesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void enumsTravelAsLowerCaseSnakeNames() throws Exception {
        assertThat(json.writeValueAsString(OfferResult.ANSWERED_ELSEWHERE)).isEqualTo("\"answered_elsewhere\"");
        assertThat(json.writeValueAsString(CallDisposition.MISSED)).isEqualTo("\"missed\"");
        assertThat(json.writeValueAsString(CallDirection.INBOUND)).isEqualTo("\"inbound\"");
        assertThat(json.writeValueAsString(TransferKind.ATTENDED)).isEqualTo("\"attended\"");
        assertThat(json.writeValueAsString(CallerKind.DEALER)).isEqualTo("\"dealer\"");
    }

    @Test
    void enumsAreReadBackFromTheirWireNames() throws Exception {
        assertThat(json.readValue("\"answered_elsewhere\"", OfferResult.class)).isEqualTo(OfferResult.ANSWERED_ELSEWHERE);
        assertThat(json.readValue("\"pbx\"", HangupSide.class)).isEqualTo(HangupSide.PBX);
    }
}
