package dev.zvonok.app.settings;

import java.util.List;
import java.util.Locale;

/** The languages the UI speaks. Russian first: the call centres we serve speak it. */
public final class Languages {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(RUSSIAN, ENGLISH);

    private Languages() {
    }

    /** The supported language closest to {@code wanted}: itself, else English for anybody but Russian speakers. */
    public static Locale supported(Locale wanted) {
        if (wanted != null && wanted.getLanguage().equals(RUSSIAN.getLanguage())) {
            return RUSSIAN;
        }
        return ENGLISH;
    }
}
