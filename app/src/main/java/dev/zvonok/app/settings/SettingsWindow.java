package dev.zvonok.app.settings;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window that holds the Settings pane, made on first use and kept: opening it again brings it forward. However
 * it is closed, an unsaved draft is dropped, so the next opening shows the settings in force.
 */
public final class SettingsWindow {

    private final Window owner;
    private final SettingsViewModel vm;
    private final ObservableValue<Locale> language;
    private Stage stage;

    /** @param owner the main window, or null */
    public SettingsWindow(Window owner, SettingsViewModel vm, ObservableValue<Locale> language) {
        this.owner = owner;
        this.vm = Objects.requireNonNull(vm, "vm");
        this.language = Objects.requireNonNull(language, "language");
    }

    /** Shows the window; FX thread. */
    public void show() {
        if (stage == null) {
            Stage window = new Stage();
            if (owner != null) {
                window.initOwner(owner);
            }
            window.setScene(new Scene(new SettingsView(vm, language, window::hide).root()));
            window.titleProperty().bind(new LiveTexts(SettingsWindow.class, language).get("settings.windowTitle"));
            window.setOnHidden(e -> vm.revert());
            stage = window;
        }
        stage.show();
        stage.toFront();
    }
}
