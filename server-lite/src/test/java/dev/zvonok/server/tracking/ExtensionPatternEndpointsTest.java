package dev.zvonok.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.zvonok.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

/** Which channels are operators' devices: by configuration, whatever the channel technology. */
class ExtensionPatternEndpointsTest {

    private final OperatorEndpoints standard = ServerConfig.from(ConfigFactory.defaultReference()).operatorEndpoints();

    @Test
    void phonesOfEveryUsualTechnologyAreDevicesAndTrunksAreOutsideLines() {
        assertThat(standard.extensionOf(ChannelName.parse("PJSIP/777-0000001a"))).isEqualTo("777");
        assertThat(standard.extensionOf(ChannelName.parse("SIP/888-00000021"))).isEqualTo("888");
        assertThat(standard.extensionOf(ChannelName.parse("IAX2/999-1234"))).isEqualTo("999");
        assertThat(standard.extensionOf(ChannelName.parse("PJSIP/trunk-00000000"))).isNull();
        assertThat(standard.extensionOf(ChannelName.parse("DAHDI/1-1"))).isNull();
        assertThat(standard.extensionOf(ChannelName.parse("DAHDI/i1/89271390907-5"))).isNull();
        assertThat(standard.extensionOf(ChannelName.parse("Local/777@from-queue-00000004;2"))).isNull();
    }

    @Test
    void aPbxWithOtherDevicesAndTrunksNamedLikeExtensionsIsTold() {
        ServerConfig config = ServerConfig.from(ConfigFactory.parseString("""
                zvonok.phones.device-technologies = [PJSIP, DAHDI]
                zvonok.phones.trunks = ["500"]
                """).withFallback(ConfigFactory.defaultReference()));
        OperatorEndpoints endpoints = config.operatorEndpoints();

        assertThat(endpoints.extensionOf(ChannelName.parse("DAHDI/21-1"))).isEqualTo("21");
        assertThat(endpoints.extensionOf(ChannelName.parse("pjsip/777-00000001"))).isEqualTo("777");
        assertThat(endpoints.extensionOf(ChannelName.parse("PJSIP/500-00000002"))).as("a trunk named 500").isNull();
        assertThat(endpoints.extensionOf(ChannelName.parse("SIP/777-00000003"))).as("no chan_sip here").isNull();
    }
}
