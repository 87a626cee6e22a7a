package dev.zvonok.app.settings;

import dev.zvonok.app.settings.Settings.CardCorner;
import dev.zvonok.app.settings.Settings.Theme;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings pane: a draft the operator edits, and the settings in force ({@link #appliedProperty()}), which the
 * app follows — language and theme change live, with no restart. Saving writes the file and the autostart entry on
 * the background executor and comes back through the FX one.
 */
public final class SettingsViewModel {

    /** Where the last save stands. */
    public enum Status {
        /** Nothing saved since the last edit. */
        EDITING,
        SAVING,
        SAVED,
        /** In force for this session, but the file could not be written: lost at the next start. */
        NOT_STORED,
        /** Saved, except that the autostart entry could not be changed (start at login stays as it was). */
        AUTOSTART_FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(SettingsViewModel.class);

    private final SettingsSaver saver;
    private final Autostart autostart;
    private final RingPreview ring;
    private final Executor background;
    private final Executor fxThread;

    private final StringProperty server = new SimpleStringProperty(this, "server");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private final BooleanProperty soundOn = new SimpleBooleanProperty(this, "soundOn");
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume");
    private final ObjectProperty<CardCorner> cardCorner = new SimpleObjectProperty<>(this, "cardCorner");
    private final ObjectProperty<Integer> cardScreen = new SimpleObjectProperty<>(this, "cardScreen", 0);
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty(this, "startAtLogin");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    /** The extra CA file's path as typed or chosen; blank for none. */
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile");

    private final ReadOnlyObjectWrapper<Settings> applied = new ReadOnlyObjectWrapper<>(this, "applied");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.EDITING);
    private final ReadOnlyBooleanWrapper serverValid = new ReadOnlyBooleanWrapper(this, "serverValid");
    private final ReadOnlyBooleanWrapper caFileValid = new ReadOnlyBooleanWrapper(this, "caFileValid");
    private final BooleanBinding changed;
    private final BooleanBinding canSave;

    /**
     * @param background where the file and the autostart entry are written (never the FX thread)
     * @param fxThread   where results come back: {@code FxThread} in the app, {@code Runnable::run} in tests
     */
    public SettingsViewModel(Settings initial, SettingsSaver saver, Autostart autostart, RingPreview ring,
                             Executor background, Executor fxThread) {
        this.saver = Objects.requireNonNull(saver, "saver");
        this.autostart = Objects.requireNonNull(autostart, "autostart");
        this.ring = Objects.requireNonNull(ring, "ring");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        applied.set(Objects.requireNonNull(initial, "initial"));
        showDraftOf(initial);

        Observable[] fields = {server, language, soundOn, volume, cardCorner, cardScreen, startAtLogin, theme, caFile,
            applied};
        serverValid.bind(Bindings.createBooleanBinding(() -> ServerAddress.parse(server.get()).isPresent(), server));
        caFileValid.bind(Bindings.createBooleanBinding(() -> CaFile.parse(caFile.get()).isPresent(), caFile));
        changed = Bindings.createBooleanBinding(() -> !draft().equals(Optional.of(applied.get())), fields);
        canSave = Bindings.createBooleanBinding(
                () -> serverValid.get() && caFileValid.get() && changed.get() && status.get() != Status.SAVING,
                serverValid, caFileValid, changed, status);
        for (Observable field : fields) {
            if (field != applied) {
                field.addListener(edited -> {
                    if (status.get() != Status.SAVING) {
                        status.set(Status.EDITING);
                    }
                });
            }
        }
    }

    /** Saves the draft and puts it in force; does nothing while the server address is invalid or nothing changed. */
    public void save() {
        Optional<Settings> draft = draft();
        if (draft.isEmpty() || !canSave.get()) {
            return;
        }
        Settings wanted = draft.get();
        Settings before = applied.get();
        status.set(Status.SAVING);
        background.execute(() -> {
            Settings kept = wanted;
            Status outcome = Status.SAVED;
            if (wanted.startAtLogin() != before.startAtLogin()) {
                try {
                    autostart.setEnabled(wanted.startAtLogin());
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not {} start at login: {}", wanted.startAtLogin() ? "turn on" : "turn off",
                            e.toString());
                    kept = wanted.withStartAtLogin(before.startAtLogin());
                    outcome = Status.AUTOSTART_FAILED;
                }
            }
            try {
                saver.save(kept);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not store the settings: {}", e.toString());
                outcome = Status.NOT_STORED;
            }
            Settings inForce = kept;
            Status result = outcome;
            fxThread.execute(() -> {
                applied.set(inForce);
                showDraftOf(inForce);
                status.set(result);
            });
        });
    }

    /** Back to the settings in force, dropping the draft. */
    public void revert() {
        showDraftOf(applied.get());
        status.set(Status.EDITING);
    }

    public void testRing() {
        ring.play(volume.get());
    }

    /** The draft as settings; empty while the server address or the CA file is not one. */
    public Optional<Settings> draft() {
        Optional<URI> address = ServerAddress.parse(server.get());
        Optional<Optional<Path>> ca = CaFile.parse(caFile.get());
        if (ca.isEmpty()) {
            return Optional.empty();
        }
        return address.map(uri -> new Settings(uri, language.get(), soundOn.get(), volume.get(), cardCorner.get(),
                cardScreen.get() == null ? 0 : cardScreen.get(), startAtLogin.get(), theme.get(), ca.get()));
    }

    private void showDraftOf(Settings settings) {
        server.set(ServerAddress.display(settings.server()));
        language.set(settings.language());
        soundOn.set(settings.soundOn());
        volume.set(settings.volume());
        cardCorner.set(settings.cardCorner());
        cardScreen.set(settings.cardScreen());
        startAtLogin.set(settings.startAtLogin() && autostart.isSupported());
        theme.set(settings.theme());
        caFile.set(settings.caFile().map(Path::toString).orElse(""));
    }

    public boolean autostartSupported() {
        return autostart.isSupported();
    }

    public StringProperty serverProperty() {
        return server;
    }

    public ReadOnlyBooleanProperty serverValidProperty() {
        return serverValid.getReadOnlyProperty();
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public BooleanProperty soundOnProperty() {
        return soundOn;
    }

    public DoubleProperty volumeProperty() {
        return volume;
    }

    public ObjectProperty<CardCorner> cardCornerProperty() {
        return cardCorner;
    }

    /** 0: the primary screen; n: the n-th screen from the left. */
    public ObjectProperty<Integer> cardScreenProperty() {
        return cardScreen;
    }

    public BooleanProperty startAtLoginProperty() {
        return startAtLogin;
    }

    /** The PEM file of the call centre's own certificate authority; blank for the system's authorities only. */
    public StringProperty caFileProperty() {
        return caFile;
    }

    /** False while the CA file named is not a readable file with a certificate in it. */
    public ReadOnlyBooleanProperty caFileValidProperty() {
        return caFileValid.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The settings in force; the app applies language, theme, sound and card position from here. */
    public ReadOnlyObjectProperty<Settings> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding changedProperty() {
        return changed;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
