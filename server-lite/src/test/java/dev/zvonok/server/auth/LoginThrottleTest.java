package dev.zvonok.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginLimits LIMITS = new LoginLimits(3, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    private final MutableClock clock = MutableClock.startingNow();
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    private Optional<Duration> fail(String login, String address) {
        Optional<Duration> wait = throttle.tryAttempt(login, address);
        if (wait.isEmpty()) {
            throttle.failed(login, address);
        }
        return wait;
    }

    @Test
    void failuresOfALoginSlowDownOnlyTheAddressTheyCameFrom() {
        for (String typed : new String[] {"ivanov", " IVANOV", "Ivanov "}) {
            assertThat(fail(typed, "10.0.0.2")).isEmpty();
        }

        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("however it is typed")
                .contains(Duration.ofSeconds(1));
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.1")).as("his own PC").isEmpty();
        throttle.succeeded("ivanov", "10.0.0.1");
        assertThat(throttle.tryAttempt("petrov", "10.0.0.2")).as("others from the same PC").isEmpty();
    }

    @Test
    void eachFailurePastTheFreeOnesDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            fail("ivanov", "10.0.0.2");
        }
        Duration expected = Duration.ofSeconds(1);
        for (int round = 0; round < 7; round++) {
            Optional<Duration> wait = throttle.tryAttempt("ivanov", "10.0.0.2");
            assertThat(wait).as("round %d", round).contains(expected);
            clock.advance(expected.minusMillis(1));
            assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("a millisecond early").contains(Duration.ofMillis(1));
            clock.advance(Duration.ofMillis(1));
            assertThat(fail("ivanov", "10.0.0.2")).as("on time, round %d", round).isEmpty();
            expected = expected.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                    : expected.multipliedBy(2);
        }
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).contains(Duration.ofSeconds(30));
    }

    @Test
    void refusedAttemptsAreNoFailures() {
        for (int i = 0; i < 3; i++) {
            fail("ivanov", "10.0.0.2");
        }
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).contains(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("the wait did not grow").isEmpty();
    }

    @Test
    void anAddressTryingManyLoginsIsSlowedDownForAllOfThem() {
        for (int i = 0; i < 5; i++) {
            assertThat(fail("guess" + i, "10.0.0.2")).isEmpty();
        }

        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).contains(Duration.ofSeconds(1));
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessForgivesItsLoginsFailuresButNotTheAddresses() {
        for (int i = 0; i < 2; i++) {
            fail("ivanov", "10.0.0.2");
        }
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).isEmpty();
        throttle.succeeded("ivanov", "10.0.0.2");

        for (int i = 0; i < 2; i++) {
            assertThat(fail("ivanov", "10.0.0.2")).as("failure %d after the success", i + 1).isEmpty();
        }
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("4 of the address's 5 failures are counted")
                .isEmpty();
        throttle.failed("ivanov", "10.0.0.2");
        assertThat(throttle.tryAttempt("petrov", "10.0.0.2")).isPresent();
    }

    @Test
    void parallelAttemptsCannotSlipPastTheCount() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("attempt %d in flight", i + 1).isEmpty();
        }
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("a fourth must wait for them").isPresent();

        throttle.abandoned("ivanov", "10.0.0.2");
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("an abandoned one is given back").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietSpell() {
        for (int i = 0; i < 4; i++) {
            fail("ivanov", "10.0.0.2");
            clock.advance(Duration.ofSeconds(2));
        }
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("its wait is over").isEmpty();
        throttle.failed("ivanov", "10.0.0.2");
        assertThat(throttle.tryAttempt("ivanov", "10.0.0.2")).as("not forgotten yet: the wait grew on")
                .contains(Duration.ofSeconds(4));

        clock.advance(Duration.ofSeconds(4).plus(Duration.ofMinutes(5)));
        for (int i = 0; i < 2; i++) {
            assertThat(fail("ivanov", "10.0.0.2")).as("free again, failure %d", i + 1).isEmpty();
        }
    }
}
