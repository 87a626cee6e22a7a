package dev.zvonok.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Whatever a login attempt fails with, told the operator as one of the kinds. */
class LoginFailureTest {

    @Test
    void anyThrowableBecomesOneOfTheKinds() {
        LoginFailure known = new LoginFailure.AccountDisabled();
        assertThat(LoginFailure.of(new CompletionException(new ExecutionException(known)))).isSameAs(known);
        assertThat(LoginFailure.of(new HttpTimeoutException("request timed out")))
                .isInstanceOf(LoginFailure.ServerUnreachable.class);
        assertThat(LoginFailure.of(new IllegalStateException("bug"))).isInstanceOf(LoginFailure.ServerError.class);
    }
}
