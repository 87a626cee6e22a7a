package dev.zvonok.app.login;

import dev.zvonok.app.i18n.Texts;
import java.time.Duration;

/** The words for a {@link LoginMessage} in one language. */
public final class LoginMessages {

    private LoginMessages() {
    }

    /** The text shown below the form; empty for no message. */
    public static String text(LoginMessage message, Texts texts) {
        return switch (message) {
            case null -> "";
            case LoginMessage.Invalid(LoginMessage.Field field) -> texts.get("login.invalid." + field.name());
            case LoginMessage.SessionEnded() -> texts.get("login.sessionEnded");
            case LoginMessage.Failed(LoginFailure failure) -> failure(failure, texts);
        };
    }

    private static String failure(LoginFailure failure, Texts texts) {
        return switch (failure) {
            case LoginFailure.WrongCredentials wrong -> texts.get("login.failed.wrongCredentials");
            case LoginFailure.AccountDisabled disabled -> texts.get("login.failed.accountDisabled");
            case LoginFailure.TooManyAttempts tooMany -> tooMany.retryAfter()
                    .map(wait -> texts.format("login.failed.tooManyAttempts.wait", waitText(wait, texts)))
                    .orElseGet(() -> texts.get("login.failed.tooManyAttempts"));
            case LoginFailure.ServerUnreachable unreachable -> texts.get("login.failed.unreachable");
            case LoginFailure.ServerNotTrusted untrusted -> texts.get("login.failed.untrusted");
            case LoginFailure.ServerError error -> error.status() > 0
                    ? texts.format("login.failed.serverError.status", Integer.toString(error.status()))
                    : texts.get("login.failed.serverError");
        };
    }

    /** "45 s" under a minute, else whole minutes rounded up: nobody waits for a number of seconds they misread. */
    static String waitText(Duration wait, Texts texts) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 60 ? texts.format("login.wait.seconds", seconds)
                : texts.format("login.wait.minutes", (seconds + 59) / 60);
    }
}
