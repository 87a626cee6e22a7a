package dev.zvonok.app.live;

import java.time.Instant;

/** Where the app's live connection to the server stands, for the indicator in the main window. */
public sealed interface ConnectionState {

    /** Authenticated: cards pop up. */
    record Connected() implements ConnectionState {
    }

    /** Dialling the server, or waiting for its {@code authenticated}. */
    record Connecting() implements ConnectionState {
    }

    /** Lost; the next attempt is at {@code nextAttempt} (the indicator counts down to it). */
    record Reconnecting(Instant nextAttempt, String reason) implements ConnectionState {
    }

    /** Not trying: logged out, or the server refused the session (the operator must log in again). */
    record Offline(String reason) implements ConnectionState {
    }
}
