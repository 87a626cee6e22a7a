package dev.zvonok.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneRules;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.server.api.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings and messages end up in logs and exception messages whole; the secrets in them must not. Each secret here
 * is a string that cannot appear by chance.
 */
class SecretsInToStringTest {

    private static final String AMI_SECRET = "ami-secret-Zq81";
    private static final String DB_PASSWORD = "db-password-Zq82";
    private static final String TOKEN_SECRET = "token-secret-Zq83-at-least-32-bytes-long";
    private static final String PASSWORD = "user-password-Zq84";
    private static final String ACCESS_TOKEN = "access-token-Zq85";
    private static final String REFRESH_TOKEN = "refresh-token-Zq86";
    private static final String KEYSTORE_PASSWORD = "keystore-password-Zq87";
    private static final List<String> SECRETS = List.of(AMI_SECRET, DB_PASSWORD, TOKEN_SECRET, PASSWORD,
            ACCESS_TOKEN, REFRESH_TOKEN, KEYSTORE_PASSWORD);

    @Test
    void settingsReadFromTheConfigurationNeverShowTheirSecrets() {
        ServerConfig config = ServerConfig.from(ServerConfig.fromEnvironment(Map.of(
                        "ZVONOK_AMI_SECRET", AMI_SECRET,
                        "ZVONOK_DB_URL", "jdbc:postgresql://db.example.local/zvonok",
                        "ZVONOK_DB_USER", "zvonok",
                        "ZVONOK_DB_PASSWORD", DB_PASSWORD,
                        "ZVONOK_AUTH_TOKEN_SECRET", TOKEN_SECRET,
                        "ZVONOK_TLS_KEYSTORE", "/etc/zvonok/server.p12",
                        "ZVONOK_TLS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD))
                .withFallback(ConfigFactory.defaultReference()).resolve());

        assertThat(config.ami().secret()).isEqualTo(AMI_SECRET);
        assertThat(config.database().password()).isEqualTo(DB_PASSWORD);
        assertThat(config.auth().tokenSecret()).isEqualTo(TOKEN_SECRET);
        assertThat(config.http().tls().orElseThrow().keystorePassword()).isEqualTo(KEYSTORE_PASSWORD);
        for (Object settings : List.of(config.ami(), config.database(), config.auth(), config.http())) {
            assertNoSecretIn(settings);
        }
        assertThat(config.ami().toString()).contains("zvonok@127.0.0.1:5038");
        assertThat(config.database().toString()).contains("db.example.local");
        assertThat(config.http().toString()).contains("server.p12");
    }

    @Test
    void protocolRecordsNeverShowPasswordsOrTokens() throws Exception {
        UserView ivanov = new UserView(1, "ivanov", "Иван Иванов", Role.OPERATOR, List.of("777"));
        List<Object> records = List.of(
                new LoginRequest("ivanov", PASSWORD),
                new TokenResponse(ACCESS_TOKEN, REFRESH_TOKEN, 900, ivanov, PhoneRules.RUSSIA),
                new RefreshRequest(REFRESH_TOKEN),
                new ClientMessage.Authenticate("a", ACCESS_TOKEN),
                new ClientMessage.RefreshSession("r", ACCESS_TOKEN));
        for (Object record : records) {
            assertNoSecretIn(record);
            assertThat(Json.mapper().writeValueAsString(record)).as("the wire still carries them")
                    .containsAnyOf(PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN);
        }
        assertThat(new LoginRequest("ivanov", PASSWORD).toString()).contains("ivanov");
        assertThat(new TokenResponse(ACCESS_TOKEN, REFRESH_TOKEN, 900, ivanov, PhoneRules.RUSSIA).toString()).contains("900");
    }

    private static void assertNoSecretIn(Object value) {
        String text = value.toString();
        for (String secret : SECRETS) {
            assertThat(text).as(value.getClass().getSimpleName()).doesNotContain(secret);
        }
    }
}
