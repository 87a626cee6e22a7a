package dev.zvonok.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5));

    @Test
    void aLoginIsLockedAfterItsFailuresHoweverItIsTyped() {
        for (String typed : new String[] {"ivanov", " IVANOV", "Ivanov "}) {
            assertThat(throttle.tryAttempt(typed, "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(throttle.tryAttempt("petrov", "10.0.0.1")).isEmpty();
    }

    @Test
    void attemptsRefusedForTheirLoginDoNotCountAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAttempt("ivanov", "10.0.0.1")).isEmpty();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt("ivanov", "10.0.0.1")).isPresent();
        }
        assertThat(throttle.tryAttempt("petrov", "10.0.0.1")).as("2 of the address's 5 left").isEmpty();
        assertThat(throttle.tryAttempt("sidorov", "10.0.0.1")).isEmpty();
        assertThat(throttle.tryAttempt("kuznetsov", "10.0.0.1")).isPresent();
    }

    @Test
    void aSuccessForgivesItsLoginsFailures() {
        LoginThrottle lenientPerAddress = new LoginThrottle(3, 100, Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            lenientPerAddress.tryAttempt("ivanov", "10.0.0.1");
        }
        lenientPerAddress.succeeded("ivanov", "10.0.0.1");

        for (int i = 0; i < 3; i++) {
            assertThat(lenientPerAddress.tryAttempt("ivanov", "10.0.0.1")).as("attempt %d", i + 1).isEmpty();
        }
        assertThat(lenientPerAddress.tryAttempt("ivanov", "10.0.0.1")).isPresent();
    }

    @Test
    void aSuccessIsNoFailureOfItsAddress() {
        LoginThrottle lenientPerLogin = new LoginThrottle(100, 3, Duration.ofMinutes(5));
        lenientPerLogin.tryAttempt("guess", "10.0.0.1");
        lenientPerLogin.tryAttempt("ivanov", "10.0.0.1");
        lenientPerLogin.succeeded("ivanov", "10.0.0.1");

        assertThat(lenientPerLogin.tryAttempt("guess", "10.0.0.1")).isEmpty();
        assertThat(lenientPerLogin.tryAttempt("guess", "10.0.0.1")).isEmpty();
        assertThat(lenientPerLogin.tryAttempt("guess", "10.0.0.1")).isPresent();
    }
}
