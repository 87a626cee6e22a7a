package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
            "pbx-crm.local:3771, http://pbx-crm.local:3771",
            "http://pbx-crm.local:3771/, http://pbx-crm.local:3771",
            "'  HTTPS://crm.example.com  ', https://crm.example.com",
            "10.0.0.5:3771, http://10.0.0.5:3771",
            "localhost, http://localhost"})
    void whatOperatorsTypeIsAnAddress(String typed, String address) {
        assertThat(ServerAddress.parse(typed)).contains(URI.create(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://pbx-crm.local", "http://", "pbx crm", "http://host/api",
            "http://host:3771?x=1", "http://user:pw@host"})
    void theRestIsNot(String typed) {
        assertThat(ServerAddress.parse(typed)).isEmpty();
    }
}
