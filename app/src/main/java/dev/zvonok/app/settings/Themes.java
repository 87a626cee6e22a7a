package dev.zvonok.app.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.zvonok.app.settings.Settings.Theme;
import javafx.application.Application;

/** The look of the whole app; changing it restyles every open window at once. FX thread only. */
public final class Themes {

    private Themes() {
    }

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(switch (theme) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
        });
    }
}
