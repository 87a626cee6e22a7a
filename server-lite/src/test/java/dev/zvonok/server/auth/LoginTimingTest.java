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
 * bounds are asserted, which a slow machine cannot break.
 */
class LoginTimingTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Passwords passwords = new Passwords(Passwords.DEFAULT_COST);
    private static AuthServer server;
    private static long oneCheckNanos;

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
        String hash = passwords.hash("something");
        oneCheckNanos = fastest(() -> passwords.matches("other", hash) ? 1 : 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownLoginTakesAsLongAsAWrongPassword() {
        long wrongPassword = fastest(() -> attempt("ivanov"));
        long unknownLogin = fastest(() -> attempt("nobody"));
        long disabled = fastest(() -> attempt("sidorov"));

        assertThat(wrongPassword).isGreaterThan(oneCheckNanos / 2);
        assertThat(unknownLogin).as("an unknown login is checked against a decoy").isGreaterThan(oneCheckNanos / 2);
        assertThat(disabled).as("a disabled account too").isGreaterThan(oneCheckNanos / 2);
    }

    private static int attempt(String login) {
        return server.client.post("/api/auth/login", new LoginRequest(login, "wrong")).statusCode();
    }

    /** The fastest of a few runs: the least disturbed by everything else the machine does. */
    private static long fastest(IntSupplier action) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            action.getAsInt();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
