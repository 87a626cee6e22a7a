package dev.zvonok.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What server-lite answers to {@code POST /api/auth/login}, each as the failure the operator is told about. */
class LoginFailureTest {

    @Test
    void serverAnswersMapOntoTheKinds() {
        assertThat(LoginFailure.fromAnswer(401, "bad-credentials", null))
                .isInstanceOf(LoginFailure.WrongCredentials.class);
        assertThat(LoginFailure.fromAnswer(403, "account-disabled", null))
                .isInstanceOf(LoginFailure.AccountDisabled.class);
        assertThat(LoginFailure.fromAnswer(429, "too-many-attempts", "61"))
                .isInstanceOfSatisfying(LoginFailure.TooManyAttempts.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(61)));
        assertThat(LoginFailure.fromAnswer(429, null, "Wed, 21 Oct 2026 07:28:00 GMT"))
                .isInstanceOfSatisfying(LoginFailure.TooManyAttempts.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
        assertThat(LoginFailure.fromAnswer(500, "internal", null))
                .isInstanceOfSatisfying(LoginFailure.ServerError.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(LoginFailure.fromAnswer(404, null, null)).as("an address that is no Zvonok server")
                .isInstanceOf(LoginFailure.ServerError.class);
        assertThat(LoginFailure.fromAnswer(403, "forbidden", null)).isInstanceOf(LoginFailure.ServerError.class);
    }

    @Test
    void anyThrowableBecomesOneOfTheKinds() {
        LoginFailure known = new LoginFailure.AccountDisabled();
        assertThat(LoginFailure.of(new CompletionException(new ExecutionException(known)))).isSameAs(known);
        assertThat(LoginFailure.of(new HttpTimeoutException("request timed out")))
                .isInstanceOf(LoginFailure.ServerUnreachable.class);
        assertThat(LoginFailure.of(new IllegalStateException("bug"))).isInstanceOf(LoginFailure.ServerError.class);
    }
}
