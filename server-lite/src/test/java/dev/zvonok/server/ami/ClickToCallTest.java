package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Originate that click-to-call sends, as the PBX receives it. */
class ClickToCallTest {

    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();

    @Test
    void ringsTheOperatorsPjsipEndpointByDefault() throws Exception {
        assertThat(originateWith(ClickToCall.Settings.defaults()).get("Channel")).isEqualTo("PJSIP/777");
    }

    @Test
    void theChannelTemplateIsASetting() throws Exception {
        ClickToCall.Settings chanSip = new ClickToCall.Settings("SIP/{extension}", "from-internal",
                Duration.ofSeconds(30), ClickToCall.NumberFormat.NATIONAL);

        AmiMessage originate = originateWith(chanSip);

        assertThat(originate.get("Channel")).isEqualTo("SIP/777");
        assertThat(originate.get("Exten")).isEqualTo("89271390907");
        assertThat(originate.get("Context")).isEqualTo("from-internal");
    }

    private AmiMessage originateWith(ClickToCall.Settings settings) throws Exception {
        try (AmiEndpoint pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).callControl(request -> {
                 originates.add(request.action());
                 request.success("Originate successfully queued");
             }).build().start();
             AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", pbx.port(),
                     AmiAccount.CTI.username(), AmiAccount.CTI.secret()), event -> { }).start()) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();

            new ClickToCall(connection, PhoneNumbers.russian(), settings).call("777", "+7 927 139-09-07", outcome -> { });

            assertThat(originates).hasSize(1);
            return originates.getFirst();
        }
    }
}
