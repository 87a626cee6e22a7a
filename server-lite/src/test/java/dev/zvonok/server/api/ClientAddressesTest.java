package dev.zvonok.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is taken to come from, by whom the server trusts. */
class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(
            List.of(AddressRange.parse("10.0.0.5"), AddressRange.parse("192.168.0.0/16"), AddressRange.parse("::1")));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItWrites() {
        ClientAddresses direct = ClientAddresses.direct();

        assertThat(address(direct.resolve("127.0.0.2", List.of("203.0.113.7")))).isEqualTo("127.0.0.2");
        assertThat(address(direct.resolve("10.0.0.5", List.of("127.0.0.1")))).isEqualTo("10.0.0.5");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotChooseItsAddress() {
        assertThat(address(behindProxies.resolve("203.0.113.9", List.of("127.0.0.1")))).isEqualTo("203.0.113.9");
        assertThat(address(behindProxies.resolve("10.0.0.6", List.of("198.51.100.1")))).isEqualTo("10.0.0.6");
    }

    @Test
    void aTrustedProxyTellsTheClientReadFromTheRightSkippingOurOwnProxies() {
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7")))).isEqualTo("203.0.113.7");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7, 192.168.3.4"))))
                .as("a second proxy of ours in the chain").isEqualTo("203.0.113.7");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("127.0.0.1, 198.51.100.3", "192.168.1.1"))))
                .as("what the client wrote itself, on the left, is never read").isEqualTo("198.51.100.3");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7:51234")))).isEqualTo("203.0.113.7");
        assertThat(address(behindProxies.resolve("[::1]", List.of("[2001:db8::7]:443"))))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aTrustedProxyWithoutHeaderOrWithGarbageIsTheClient() {
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of()))).isEqualTo("10.0.0.5");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("unknown")))).isEqualTo("10.0.0.5");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("evil.example.com, 192.168.0.7"))))
                .as("a name is no address: the last hop we vouch for").isEqualTo("192.168.0.7");
        assertThat(address(behindProxies.resolve("10.0.0.5", List.of("192.168.0.7"))))
                .as("only our proxies all the way").isEqualTo("192.168.0.7");
    }

    @Test
    void rangesAreLiteralsWithPrefixes() {
        assertThat(AddressRange.parse("10.0.0.0/8").contains(literal("10.200.1.1"))).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").contains(literal("11.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.168.4.0/22").contains(literal("192.168.7.255"))).isTrue();
        assertThat(AddressRange.parse("192.168.4.0/22").contains(literal("192.168.8.0"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(literal("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains(literal("10.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("127.0.0.1").contains(literal("::ffff:127.0.0.1")))
                .as("an IPv4-mapped address is its IPv4 address").isTrue();
        assertThat(AddressRange.parse(" ::1 ").toString()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(AddressRange.parse("0.0.0.0/0").contains(literal("8.8.8.8"))).isTrue();

        for (String bad : new String[] {"localhost", "proxy.example.com", "10.0.0.0/33", "10.0.0/8", "", "1.2.3.4/x"}) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static InetAddress literal(String text) {
        return AddressRange.literal(text).orElseThrow();
    }

    private static String address(InetAddress address) {
        return address.getHostAddress();
    }
}
