package dev.zvonok.app.main;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.live.ConnectionState;

/** The connection indicator's words in one language. */
public final class ConnectionTexts {

    private ConnectionTexts() {
    }

    /** "Connected", "Reconnecting in 7 s", "Offline: the server refused the session". */
    public static String describe(ConnectionState state, long secondsLeft, Texts texts) {
        return switch (state) {
            case ConnectionState.Connected() -> texts.get("connection.connected");
            case ConnectionState.Connecting() -> texts.get("connection.connecting");
            case ConnectionState.Reconnecting reconnecting -> secondsLeft > 0
                    ? texts.format("connection.reconnectingIn", secondsLeft)
                    : texts.get("connection.reconnecting");
            case ConnectionState.Offline(String reason) -> reason == null || reason.isBlank()
                    ? texts.get("connection.offline")
                    : texts.format("connection.offlineBecause", reason);
        };
    }

    /** The longer story for the tooltip: why the connection was lost. */
    public static String detail(ConnectionState state, Texts texts) {
        return switch (state) {
            case ConnectionState.Reconnecting reconnecting
                    when reconnecting.reason() != null && !reconnecting.reason().isBlank() ->
                    texts.format("connection.lostBecause", reconnecting.reason());
            case ConnectionState.Offline offline -> texts.get("connection.offlineHint");
            default -> texts.get("connection.hint");
        };
    }
}
