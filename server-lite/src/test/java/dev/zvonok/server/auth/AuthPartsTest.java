package dev.zvonok.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.model.directory.Role;
import dev.zvonok.server.directory.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces: settings, the Authorization header, access tokens, log text. */
class AuthPartsTest {

    private static final byte[] SECRET = "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final User IVANOV = new User(7, "ivanov", "Иван Иванов", Role.SUPERVISOR, null, true, List.of());

    @Test
    void settingsRejectAShortSecretAndNeverShowOne() {
        assertThatThrownBy(() -> AuthSettings.defaults().withTokenSecret("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short");
        assertThat(AuthSettings.defaults().withTokenSecret("  ").tokenSecret()).as("blank: generated").isNull();
        AuthSettings configured = AuthSettings.defaults().withTokenSecret("x".repeat(32));
        assertThat(configured.toString()).doesNotContain("xxxx").contains("configured");
        assertThatThrownBy(() -> AuthSettings.defaults().withTokenTtls(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginLimits(0, 1, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginLimits(5, 20, Duration.ofMinutes(2), Duration.ofMinutes(1),
                Duration.ofMinutes(1))).as("max below first").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bearerTokens() {
        assertThat(AccessGuard.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(AccessGuard.bearerToken("BEARER  abc ")).isEqualTo("abc");
        assertThat(AccessGuard.bearerToken("Bearer ")).isNull();
        assertThat(AccessGuard.bearerToken("Basic abc")).isNull();
        assertThat(AccessGuard.bearerToken("Bearerabc")).isNull();
        assertThat(AccessGuard.bearerToken(null)).isNull();
    }

    @Test
    void accessTokensCarryTheUserAndExpire() {
        MutableClock clock = MutableClock.startingNow();
        AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(15), clock);
        String token = tokens.issue(IVANOV);

        assertThat(tokens.decode(token)).contains(new AuthenticatedUser(7, "ivanov", "Иван Иванов", Role.SUPERVISOR));
        assertThat(tokens.decode(token.substring(0, token.length() - 2))).as("tampered").isEmpty();
        assertThat(tokens.decode("")).isEmpty();
        assertThat(tokens.decode(null)).isEmpty();
        assertThat(tokens.decode("x".repeat(10_000))).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(tokens.decode(token)).isEmpty();
    }

    @Test
    void accessTokensOfAnotherAlgorithmAreRefused() {
        AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(15), MutableClock.startingNow());
        String token = tokens.issue(IVANOV);
        String[] parts = token.split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.decode(none + "." + parts[1] + ".")).isEmpty();
    }

    @Test
    void onlyTokensAsWeIssueThemPassEvenWhenMadeWithOurKey() {
        AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(15), java.time.Clock.systemUTC());
        TokenForge forge = TokenForge.withKey(new String(SECRET, StandardCharsets.UTF_8), 7, "ivanov");

        assertThat(tokens.decode(forge.genuine())).as("the forge makes good tokens").isPresent();
        assertThat(tokens.decode(forge.issuedIn(Duration.ofSeconds(20)))).as("within the clocks' skew").isPresent();

        assertThat(tokens.decode(forge.withoutExpiry())).as("no exp").isEmpty();
        assertThat(tokens.decode(forge.withoutIssueTime())).as("no iat").isEmpty();
        assertThat(tokens.decode(forge.issuedIn(Duration.ofMinutes(2)))).as("iat in the future").isEmpty();
        assertThat(tokens.decode(forge.issuedIn(Duration.ofDays(365)))).as("iat next year").isEmpty();
        assertThat(tokens.decode(forge.signedWith("HS384"))).as("HS384").isEmpty();
        assertThat(tokens.decode(forge.signedWith("HS512"))).as("HS512").isEmpty();
        assertThat(tokens.decode(forge.signedWithRsa())).as("RS256").isEmpty();
        assertThat(tokens.decode(forge.unsigned())).as("none").isEmpty();
    }

    @Test
    void logTextCannotForgeLines() {
        assertThat(LogText.of("ivanov")).isEqualTo("'ivanov'");
        assertThat(LogText.of("x\nWARN forged\r\u2028")).isEqualTo("'x?WARN forged??'");
        assertThat(LogText.of(null)).isEqualTo("<none>");
        assertThat(LogText.of("a".repeat(500))).hasSizeLessThan(100);
    }

    @Test
    void accessLevels() {
        assertThat(Access.SUPERVISOR.allows(Role.OPERATOR)).isFalse();
        assertThat(Access.SUPERVISOR.allows(Role.SUPERVISOR)).isTrue();
        assertThat(Access.SUPERVISOR.allows(Role.ADMIN)).isTrue();
        assertThat(Access.ADMIN.allows(Role.SUPERVISOR)).isFalse();
        assertThat(Access.PUBLIC.allows(Role.OPERATOR)).isTrue();
    }
}
