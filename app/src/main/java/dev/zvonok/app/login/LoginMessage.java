package dev.zvonok.app.login;

/** What the login screen tells the operator below the form; the view words it in the current language. */
public sealed interface LoginMessage {

    /** A field that keeps the form from being sent. */
    enum Field { SERVER, LOGIN, PASSWORD }

    record Invalid(Field field) implements LoginMessage {
    }

    record Failed(LoginFailure failure) implements LoginMessage {
    }

    /** The saved session could not be resumed (expired, revoked, account changed): log in again. */
    record SessionEnded() implements LoginMessage {
    }
}
