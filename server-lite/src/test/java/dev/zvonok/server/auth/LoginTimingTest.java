package dev.zvonok.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserRepository;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failed login costs a BCrypt check whether or not the login exists: the delay of the answer must not tell which.
 * Measured with the production cost, where one check takes tens of milliseconds, far above the noise; only lower
 * bounds are asserted, which a slow machine cannot break. The check and the logins are timed in turn, round after
 * round, and each keeps its fastest: a burst of load on the machine then weighs on all of them alike, instead of
 * on a check calibrated alone at a busier moment than the logins (which made the bound miss by a few percent).
 * Without the decoy an unknown login answers in a millisecond or two, so a quarter of a check still tells.
 */
class LoginTimingTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Passwords passwords = new Passwords(Passwords.DEFAULT_COST);
    private static AuthServer server;
    private static String hash;

    @BeforeAll
    static void start() {
        UserRepository users = new UserRepository(db.dsl(), PhoneNumbers.russian(), passwords,
                DirectoryChangeListener.NONE);
        users.create(UserDetails.of("ivanov", "Иван Иванов", Role.OPERATOR), "right");
        users.create(new UserDetails("sidorov", "Сидор Сидоров", Role.OPERATOR, null, false), "right");
        // far more failures allowed than the test makes: it measures the check, not the limiter
        server = new AuthServer(AuthSettings.defaults().withLoginLimits(new LoginLimits(100, 100,
                        java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(5))),
                db.dsl(), users, passwords, Clock.systemUTC());
        hash = passwords.hash("something");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownLoginTakesAsLongAsAWrongPassword() {
        long oneCheck = Long.MAX_VALUE;
        long wrongPassword = Long.MAX_VALUE;
        long unknownLogin = Long.MAX_VALUE;
        long disabled = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            oneCheck = Math.min(oneCheck, timed(() -> passwords.matches("other", hash) ? 1 : 0));
            wrongPassword = Math.min(wrongPassword, timed(() -> attempt("ivanov")));
            unknownLogin = Math.min(unknownLogin, timed(() -> attempt("nobody")));
            disabled = Math.min(disabled, timed(() -> attempt("sidorov")));
        }

        assertThat(wrongPassword).isGreaterThan(oneCheck / 4);
        assertThat(unknownLogin).as("an unknown login is checked against a decoy").isGreaterThan(oneCheck / 4);
        assertThat(disabled).as("a disabled account too").isGreaterThan(oneCheck / 4);
    }

    private static int attempt(String login) {
        return server.client.post("/api/auth/login", new LoginRequest(login, "wrong")).statusCode();
    }

    private static long timed(IntSupplier action) {
        long start = System.nanoTime();
        action.getAsInt();
        return System.nanoTime() - start;
    }
}
