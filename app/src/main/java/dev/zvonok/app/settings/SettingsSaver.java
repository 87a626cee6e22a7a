package dev.zvonok.app.settings;

import java.io.IOException;

/** Where chosen settings go: {@link SettingsStore} in the app, a list in a test. */
@FunctionalInterface
public interface SettingsSaver {

    void save(Settings settings) throws IOException;
}
