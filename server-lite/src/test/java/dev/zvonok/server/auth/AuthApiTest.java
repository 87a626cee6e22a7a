package dev.zvonok.server.auth;

import static dev.zvonok.server.db.schema.Tables.REFRESH_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.phone.PhoneRules;
import dev.zvonok.server.api.AddressRange;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.PhoneType;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The auth endpoints and the /api guard, over HTTP against a real server and a real database. */
class AuthApiTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String PASSWORD = "s3cret-пароль";
    private static final Duration USER_CACHE = Duration.ofMillis(200);

    private final Passwords passwords = new Passwords(4);
    private final MutableClock clock = MutableClock.startingNow();
    private UserRepository users;
    private User operator;
    private AuthServer server;
    private ApiClient client;

    @BeforeEach
    void setUp() {
        db.clean();
        users = new UserRepository(db.dsl(), PhoneNumbers.russian(), passwords, DirectoryChangeListener.NONE);
        operator = users.create(new UserDetails("ivanov", "Иван Иванов", Role.OPERATOR, "Москва", true), PASSWORD);
        users.addPhone(operator.id(), "777", PhoneType.EXTENSION);
        users.addPhone(operator.id(), "8 916 555-12-34", PhoneType.MOBILE);
        users.create(UserDetails.of("petrova", "Мария Петрова", Role.SUPERVISOR), PASSWORD);
        users.create(UserDetails.of("admin", "Админ", Role.ADMIN), PASSWORD);
        users.create(new UserDetails("sidorov", "Сидор Сидоров", Role.OPERATOR, null, false), PASSWORD);
        server = start(AuthSettings.defaults().withActiveUserCacheTtl(USER_CACHE));
        client = server.client;
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private AuthServer start(AuthSettings settings) {
        return new AuthServer(settings, db.dsl(), users, passwords, clock);
    }

    @Test
    void loginAnswersTokensWhoseAccessTokenOpensMe() {
        HttpResponse<String> response = client.post("/api/auth/login", new LoginRequest(" Ivanov ", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        TokenResponse tokens = client.read(response, TokenResponse.class);
        assertThat(tokens.expiresIn()).isEqualTo(15 * 60);
        assertThat(tokens.user()).isEqualTo(new UserView(operator.id(), "ivanov", "Иван Иванов", Role.OPERATOR,
                List.of("777")));
        assertThat(tokens.accessToken().split("\\.")).as("a JWT").hasSize(3);
        assertThat(tokens.refreshToken()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(tokens.accessToken());

        HttpResponse<String> me = client.get("/api/me", tokens.accessToken());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(client.read(me, UserView.class)).isEqualTo(tokens.user());
        assertThat(client.get("/api/test/whoami", tokens.accessToken()).body()).isEqualTo("{\"login\":\"ivanov\"}");
    }

    @Test
    void refreshTokensAreKeptOnlyAsTheirHash() {
        TokenResponse tokens = login("ivanov");

        List<String> stored = db.dsl().select(REFRESH_TOKENS.TOKEN_HASH).from(REFRESH_TOKENS).fetch().getValues(0,
                String.class);
        assertThat(stored).containsExactly(RefreshTokens.hash(tokens.refreshToken()));
        assertThat(stored.getFirst()).doesNotContain(tokens.refreshToken()).hasSize(64);
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        HttpResponse<String> none = client.get("/api/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(client.error(none).code()).isEqualTo("not-authenticated");

        HttpResponse<String> garbage = client.get("/api/test/whoami", "not.a.token");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(client.error(garbage).code()).isEqualTo("invalid-token");
        assertThat(garbage.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");

        String token = login("ivanov").accessToken();
        assertThat(client.getWithAuthorization("/api/me", "Basic " + token).statusCode()).isEqualTo(401);
        assertThat(client.getWithAuthorization("/api/me", "bearer " + token).statusCode())
                .as("the scheme is case-insensitive").isEqualTo(200);
    }

    @Test
    void publicEndpointsAndUnknownPaths() {
        assertThat(client.get("/api/test/open", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/no-such-thing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongPasswordAndUnknownLoginGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = client.post("/api/auth/login", new LoginRequest("ivanov", "wrong"));
        HttpResponse<String> unknownLogin = client.post("/api/auth/login", new LoginRequest("nobody", PASSWORD));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownLogin.statusCode()).isEqualTo(401);
        assertThat(unknownLogin.body()).isEqualTo(wrongPassword.body());
        assertThat(client.error(wrongPassword).code()).isEqualTo("bad-credentials");
    }

    @Test
    void aDisabledUserIsToldSo() {
        HttpResponse<String> response = client.post("/api/auth/login", new LoginRequest("sidorov", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(client.error(response).code()).isEqualTo("account-disabled");
    }

    @Test
    void malformedRequestsAnswer400WithAJsonBody() {
        for (String body : List.of("{\"login\": \"ivanov\", ", "", "null", "[1, 2]", "{\"login\": \"ivanov\"}",
                "{\"password\": \"x\"}")) {
            HttpResponse<String> response = client.postRaw("/api/auth/login", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            ApiError error = client.error(response);
            assertThat(error.code()).as(body).isIn("malformed-json", "bad-request");
        }
        assertThat(client.error(client.postRaw("/api/auth/login", "{\"login\": ")).code()).isEqualTo("malformed-json");
        assertThat(client.postRaw("/api/auth/refresh", "{}").statusCode()).isEqualTo(400);
        assertThat(client.postRaw("/api/auth/logout", "{\"refreshToken\": \"\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void guessesAtALoginSlowDownTheAddressTheyComeFromWithGrowingWaits() {
        ApiClient guesser = clientFrom("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertThat(failLogin(guesser, "ivanov").statusCode()).as("free failure %d", i + 1).isEqualTo(401);
        }
        for (long wait : new long[] {1, 2, 4, 8}) {
            HttpResponse<String> slowed = guesser.post("/api/auth/login", new LoginRequest("IVANOV", PASSWORD));
            assertThat(slowed.statusCode()).as("even with the right password").isEqualTo(429);
            assertThat(guesser.error(slowed).code()).isEqualTo("too-many-attempts");
            assertThat(slowed.headers().firstValue("Retry-After")).contains(Long.toString(wait));
            clock.advance(Duration.ofSeconds(wait));
            assertThat(failLogin(guesser, "ivanov").statusCode()).as("after %d s", wait).isEqualTo(401);
        }

        assertThat(clientFrom("127.0.0.1").post("/api/auth/login", new LoginRequest("ivanov", PASSWORD))
                .statusCode()).as("Ivanov from his own PC, whatever the guesser did").isEqualTo(200);
        assertThat(guesser.post("/api/auth/login", new LoginRequest("petrova", PASSWORD)).statusCode())
                .as("another login from the guesser's address").isEqualTo(200);

        clock.advance(Duration.ofSeconds(16));
        assertThat(guesser.post("/api/auth/login", new LoginRequest("ivanov", PASSWORD)).statusCode())
                .as("the wait over, the right password").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(failLogin(guesser, "ivanov").statusCode()).as("a success forgave the failures")
                    .isEqualTo(401);
        }
    }

    @Test
    void anAddressTryingManyLoginsIsSlowedDownAndNoOtherAddressIs() {
        ApiClient guesser = clientFrom("127.0.0.2");
        for (int i = 0; i < 20; i++) {
            assertThat(failLogin(guesser, "guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = guesser.post("/api/auth/login", new LoginRequest("ivanov", PASSWORD));
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).contains("1");

        assertThat(clientFrom("127.0.0.1").post("/api/auth/login", new LoginRequest("ivanov", PASSWORD))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void xForwardedForIsBelievedOnlyFromATrustedProxy() {
        server.close();
        server = new AuthServer(AuthSettings.defaults(), new ClientAddresses(List.of(AddressRange.parse("127.0.0.3"))),
                db.dsl(), users, passwords, clock);

        ApiClient untrusted = clientFrom("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertThat(untrusted.postForwarded("/api/auth/login", new LoginRequest("ivanov", "wrong"),
                    "198.51.100." + i).statusCode()).isEqualTo(401);
        }
        assertThat(untrusted.postForwarded("/api/auth/login", new LoginRequest("ivanov", PASSWORD), "198.51.100.99")
                .statusCode()).as("a made-up address is no way past the limit").isEqualTo(429);

        ApiClient proxy = clientFrom("127.0.0.3");
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.postForwarded("/api/auth/login", new LoginRequest("ivanov", "wrong"), "203.0.113.7")
                    .statusCode()).isEqualTo(401);
        }
        assertThat(proxy.postForwarded("/api/auth/login", new LoginRequest("ivanov", PASSWORD), "203.0.113.7")
                .statusCode()).as("the client behind the proxy is slowed down").isEqualTo(429);
        assertThat(proxy.postForwarded("/api/auth/login", new LoginRequest("ivanov", PASSWORD),
                "127.0.0.9, 203.0.113.8").statusCode()).as("another client behind the same proxy").isEqualTo(200);
        assertThat(proxy.post("/api/auth/login", new LoginRequest("ivanov", PASSWORD)).statusCode())
                .as("the proxy itself has not failed").isEqualTo(200);
    }

    /** A client on another loopback address (Linux has all of 127/8), to look like another PC. */
    private ApiClient clientFrom(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            assumeTrue(canConnectFrom(local), address + " is not a local address here");
            return new ApiClient(server.port(), local);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean canConnectFrom(InetAddress address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void loginAndRefreshTellTheAppTheServersPhoneRules() {
        server.close();
        UserRepository kazakh = new UserRepository(db.dsl(), new PhoneNumbers("KZ", 4), passwords,
                DirectoryChangeListener.NONE);
        server = new AuthServer(AuthSettings.defaults(), db.dsl(), kazakh, passwords, clock);
        client = server.client;

        TokenResponse tokens = login("ivanov");
        assertThat(tokens.phones()).isEqualTo(new PhoneRules("KZ", 4));
        HttpResponse<String> refreshed = client.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken()));
        assertThat(client.read(refreshed, TokenResponse.class).phones()).isEqualTo(new PhoneRules("KZ", 4));
    }

    @Test
    void refreshRotatesAndAReusedTokenEndsTheSession() {
        TokenResponse first = login("ivanov");
        TokenResponse other = login("ivanov");

        HttpResponse<String> refreshed = client.post("/api/auth/refresh", new RefreshRequest(first.refreshToken()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        TokenResponse second = client.read(refreshed, TokenResponse.class);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.user().login()).isEqualTo("ivanov");
        assertThat(client.get("/api/me", second.accessToken()).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = client.post("/api/auth/refresh", new RefreshRequest(first.refreshToken()));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(client.error(reused).code()).isEqualTo("invalid-refresh-token");
        assertThat(client.post("/api/auth/refresh", new RefreshRequest(second.refreshToken())).statusCode())
                .as("the reuse revoked the whole session").isEqualTo(401);

        assertThat(client.post("/api/auth/refresh", new RefreshRequest(other.refreshToken())).statusCode())
                .as("another session of the same user lives on").isEqualTo(200);
        assertThat(client.post("/api/auth/refresh", new RefreshRequest("made-up")).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        TokenResponse tokens = login("ivanov");

        assertThat(client.post("/api/auth/logout", new RefreshRequest(tokens.refreshToken())).statusCode())
                .isEqualTo(204);
        assertThat(client.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken())).statusCode())
                .isEqualTo(401);
        assertThat(client.post("/api/auth/logout", new RefreshRequest(tokens.refreshToken())).statusCode())
                .as("twice is no error").isEqualTo(204);
        assertThat(client.post("/api/auth/logout", new RefreshRequest("made-up")).statusCode()).isEqualTo(204);
    }

    @Test
    void tokensExpire() {
        TokenResponse tokens = login("ivanov");

        clock.advance(Duration.ofMinutes(14));
        assertThat(client.get("/api/me", tokens.accessToken()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = client.get("/api/me", tokens.accessToken());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(client.error(expired).code()).isEqualTo("invalid-token");

        TokenResponse renewed = refresh(tokens.refreshToken());
        assertThat(client.get("/api/me", renewed.accessToken()).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(30));
        assertThat(client.post("/api/auth/refresh", new RefreshRequest(renewed.refreshToken())).statusCode())
                .isEqualTo(401);
        assertThat(client.post("/api/auth/login", new LoginRequest("ivanov", PASSWORD)).statusCode())
                .isEqualTo(200);
        assertThat(db.dsl().fetchCount(REFRESH_TOKENS)).as("expired refresh tokens are cleared at a login")
                .isEqualTo(1);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        User ivanov = users.findByLogin("ivanov").orElseThrow();
        String forged = new AccessTokens("another secret, long enough for HS256 !!".getBytes(),
                Duration.ofMinutes(15), clock).issue(ivanov);

        assertThat(client.get("/api/me", forged).statusCode()).isEqualTo(401);
        assertThat(server.auth.tokenVerifier().verify(forged)).isEmpty();
    }

    @Test
    void tokensForgedWithTheRealKeyAreRefusedWith401() {
        login("ivanov"); // the server generates its key at the first start; a login proves it is there
        TokenForge forge = TokenForge.withStoredKey(db.dsl(), operator.id(), "ivanov");
        assertThat(client.get("/api/me", forge.genuine()).statusCode()).as("the forge is right").isEqualTo(200);

        for (String forged : List.of(forge.withoutExpiry(), forge.withoutIssueTime(),
                forge.issuedIn(Duration.ofHours(1)), forge.signedWith("HS384"), forge.signedWith("HS512"),
                forge.signedWithRsa(), forge.unsigned())) {
            HttpResponse<String> refused = client.get("/api/me", forged);
            assertThat(refused.statusCode()).as(forged).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(client.error(refused).code()).isEqualTo("invalid-token");
        }
    }

    @Test
    void aUserDisabledAfterLoginIsShutOutOnceTheCacheForgetsThem() {
        TokenResponse tokens = login("ivanov");
        TokenVerifier verifier = server.auth.tokenVerifier();
        assertThat(verifier.verify(tokens.accessToken())).contains(
                new AuthenticatedUser(operator.id(), "ivanov", "Иван Иванов", Role.OPERATOR));

        users.update(operator.id(), new UserDetails("ivanov", "Иван Иванов", Role.OPERATOR, "Москва", false));

        await().atMost(Duration.ofSeconds(5)).until(() -> verifier.verify(tokens.accessToken()).isEmpty());
        assertThat(client.get("/api/me", tokens.accessToken()).statusCode()).isEqualTo(401);
        HttpResponse<String> refreshed = client.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken()));
        assertThat(refreshed.statusCode()).isEqualTo(403);
        assertThat(client.error(refreshed).code()).isEqualTo("account-disabled");

        users.update(operator.id(), new UserDetails("ivanov", "Иван Иванов", Role.OPERATOR, "Москва", true));
        assertThat(client.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken())).statusCode())
                .as("enabled again, the user logs in again: the old session stays ended").isEqualTo(401);
    }

    @Test
    void theVerifierTellsTheUserAsTheDirectoryHasThemNow() {
        TokenResponse tokens = login("ivanov");

        users.update(operator.id(), new UserDetails("ivanov", "Иван И.", Role.SUPERVISOR, null, true));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.auth.tokenVerifier().verify(tokens.accessToken())
                .orElseThrow().role() == Role.SUPERVISOR);
        assertThat(client.get("/api/test/supervisors", tokens.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void endpointsCanRequireARole() {
        String operatorToken = login("ivanov").accessToken();
        String supervisorToken = login("petrova").accessToken();
        String adminToken = login("admin").accessToken();

        HttpResponse<String> refused = client.get("/api/test/supervisors", operatorToken);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(client.error(refused).code()).isEqualTo("forbidden");
        assertThat(client.get("/api/test/supervisors", supervisorToken).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/test/supervisors", adminToken).statusCode()).isEqualTo(200);

        assertThat(client.get("/api/test/admins", supervisorToken).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/test/admins", adminToken).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/test/admins-by-hand", operatorToken).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/test/admins-by-hand", adminToken).body()).isEqualTo("{\"login\":\"admin\"}");
        assertThat(client.get("/api/test/admins", null).statusCode()).as("no token: 401 before 403")
                .isEqualTo(401);
    }

    @Test
    void theGeneratedSecretSurvivesARestart() {
        TokenResponse tokens = login("ivanov");
        server.close();

        server = start(AuthSettings.defaults());
        assertThat(server.client.get("/api/me", tokens.accessToken()).statusCode()).isEqualTo(200);
        assertThat(server.auth.tokenVerifier().verify(tokens.accessToken())).isPresent();

        try (AuthServer configured = start(AuthSettings.defaults()
                .withTokenSecret("a configured secret of at least 32 bytes"))) {
            assertThat(configured.auth.tokenVerifier().verify(tokens.accessToken()))
                    .as("a configured secret replaces the stored one").isEmpty();
        }
    }

    private TokenResponse login(String login) {
        HttpResponse<String> response = client.post("/api/auth/login", new LoginRequest(login, PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.read(response, TokenResponse.class);
    }

    private TokenResponse refresh(String refreshToken) {
        HttpResponse<String> response = client.post("/api/auth/refresh", new RefreshRequest(refreshToken));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.read(response, TokenResponse.class);
    }

    private static HttpResponse<String> failLogin(ApiClient from, String login) {
        return from.post("/api/auth/login", new LoginRequest(login, "wrong password"));
    }
}
