package dev.zvonok.app.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator chose in Settings; immutable, replaced as a whole. Stored by {@code SettingsStore}.
 *
 * @param server       the server-lite address, e.g. {@code http://pbx-crm.local:3771}
 * @param language     the UI language (Russian or English)
 * @param soundOn      whether the card rings
 * @param volume       ring volume, 0.0 to 1.0
 * @param cardCorner   where on the screen call cards appear
 * @param cardScreen   on which screen: 0 for the primary one, n for the n-th counted from the left (a screen that is
 *                     gone means the primary one)
 * @param startAtLogin start the app when the operator logs in to the computer
 * @param theme        light or dark
 * @param caFile       a PEM file with the call centre's own certificate authority (or the server's self-signed
 *                     certificate), believed for {@code https://} servers besides the system's authorities
 */
public record Settings(URI server, Locale language, boolean soundOn, double volume, CardCorner cardCorner,
                       int cardScreen, boolean startAtLogin, Theme theme, Optional<Path> caFile) {

    public static final URI DEFAULT_SERVER = URI.create("http://localhost:3771");

    public enum CardCorner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    public enum Theme { LIGHT, DARK }

    public Settings {
        Objects.requireNonNull(server, "server");
        language = Languages.supported(language);
        volume = Math.clamp(volume, 0.0, 1.0);
        cardCorner = cardCorner == null ? CardCorner.BOTTOM_RIGHT : cardCorner;
        cardScreen = Math.max(0, cardScreen);
        theme = theme == null ? Theme.LIGHT : theme;
        caFile = caFile == null ? Optional.empty() : caFile;
    }

    /** Trusting the system's authorities only. */
    public Settings(URI server, Locale language, boolean soundOn, double volume, CardCorner cardCorner,
                    int cardScreen, boolean startAtLogin, Theme theme) {
        this(server, language, soundOn, volume, cardCorner, cardScreen, startAtLogin, theme, Optional.empty());
    }

    /** A first start: the local server, the system's language when we speak it, the ring on. */
    public static Settings defaults(Locale system) {
        return new Settings(DEFAULT_SERVER, system, true, 0.8, CardCorner.BOTTOM_RIGHT, 0, false, Theme.LIGHT);
    }

    public Settings withServer(URI address) {
        return new Settings(address, language, soundOn, volume, cardCorner, cardScreen, startAtLogin, theme, caFile);
    }

    public Settings withLanguage(Locale locale) {
        return new Settings(server, locale, soundOn, volume, cardCorner, cardScreen, startAtLogin, theme, caFile);
    }

    public Settings withSoundOn(boolean on) {
        return new Settings(server, language, on, volume, cardCorner, cardScreen, startAtLogin, theme, caFile);
    }

    public Settings withVolume(double level) {
        return new Settings(server, language, soundOn, level, cardCorner, cardScreen, startAtLogin, theme, caFile);
    }

    public Settings withCardCorner(CardCorner corner) {
        return new Settings(server, language, soundOn, volume, corner, cardScreen, startAtLogin, theme, caFile);
    }

    public Settings withCardScreen(int screen) {
        return new Settings(server, language, soundOn, volume, cardCorner, screen, startAtLogin, theme, caFile);
    }

    public Settings withStartAtLogin(boolean start) {
        return new Settings(server, language, soundOn, volume, cardCorner, cardScreen, start, theme, caFile);
    }

    public Settings withCaFile(Optional<Path> file) {
        return new Settings(server, language, soundOn, volume, cardCorner, cardScreen, startAtLogin, theme, file);
    }

    public Settings withTheme(Theme chosen) {
        return new Settings(server, language, soundOn, volume, cardCorner, cardScreen, startAtLogin, chosen, caFile);
    }
}
