package dev.zvonok.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.login.LoginMessage.Field;
import dev.zvonok.app.settings.Languages;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LoginMessagesTest {

    static final List<LoginMessage> EVERY_MESSAGE = List.of(
            new LoginMessage.Invalid(Field.SERVER), new LoginMessage.Invalid(Field.LOGIN),
            new LoginMessage.Invalid(Field.PASSWORD), new LoginMessage.SessionEnded(),
            new LoginMessage.Failed(new LoginFailure.WrongCredentials()),
            new LoginMessage.Failed(new LoginFailure.AccountDisabled()),
            new LoginMessage.Failed(new LoginFailure.TooManyAttempts(Duration.ofSeconds(30))),
            new LoginMessage.Failed(new LoginFailure.TooManyAttempts(null)),
            new LoginMessage.Failed(new LoginFailure.ServerUnreachable(new ConnectException())),
            new LoginMessage.Failed(new LoginFailure.ServerNotTrusted(new javax.net.ssl.SSLHandshakeException("PKIX"))),
            new LoginMessage.Failed(new LoginFailure.ServerError(502, null)),
            new LoginMessage.Failed(new LoginFailure.ServerError(0, "bug")));

    private final Texts english = Texts.of(LoginView.class, Languages.ENGLISH);
    private final Texts russian = Texts.of(LoginView.class, Languages.RUSSIAN);

    @ParameterizedTest
    @FieldSource("EVERY_MESSAGE")
    void everyMessageIsWrittenInBothLanguages(LoginMessage message) {
        for (Texts texts : List.of(english, russian)) {
            assertThat(LoginMessages.text(message, texts)).isNotBlank().doesNotContain("!");
        }
        assertThat(LoginMessages.text(message, russian)).isNotEqualTo(LoginMessages.text(message, english));
    }

    @Test
    void theWaitIsReadableInEitherLanguage() {
        LoginMessage tooMany = new LoginMessage.Failed(new LoginFailure.TooManyAttempts(Duration.ofSeconds(61)));

        assertThat(LoginMessages.text(tooMany, english)).isEqualTo("Too many failed attempts. Try again in 2 min.");
        assertThat(LoginMessages.text(tooMany, russian))
                .isEqualTo("Слишком много неудачных попыток. Повторите через 2 мин.");
        assertThat(LoginMessages.waitText(Duration.ofMillis(400), english)).isEqualTo("1 s");
        assertThat(LoginMessages.text(new LoginMessage.Failed(new LoginFailure.WrongCredentials()), english))
                .isEqualTo("Wrong login or password.");
        assertThat(LoginMessages.text(null, english)).isEmpty();
        assertThat(LoginMessages.text(new LoginMessage.Failed(new LoginFailure.ServerNotTrusted(null)), english))
                .startsWith("The server's certificate is not trusted").contains("Settings");
    }
}
