package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Settings.CardCorner;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.SettingsViewModel.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path home;

    private final Settings initial = Settings.defaults(Locale.ENGLISH);
    private final List<Settings> saved = new ArrayList<>();
    private final List<Double> rings = new ArrayList<>();

    private SettingsViewModel viewModel(Autostart autostart, SettingsSaver saver) {
        return new SettingsViewModel(initial, saver, autostart, rings::add, SAME_THREAD, SAME_THREAD);
    }

    private SettingsViewModel viewModel() {
        return viewModel(new XdgAutostart(home, "zvonok"), saved::add);
    }

    @Test
    void theDraftStartsAsTheSettingsInForceAndThereIsNothingToSave() {
        SettingsViewModel vm = viewModel();

        assertThat(vm.serverProperty().get()).isEqualTo("http://localhost:3771");
        assertThat(vm.languageProperty().get()).isEqualTo(Languages.ENGLISH);
        assertThat(vm.volumeProperty().get()).isEqualTo(0.8);
        assertThat(vm.changedProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
    }

    @Test
    void savingPutsTheDraftInForceStoresItAndWritesTheAutostartEntry() {
        SettingsViewModel vm = viewModel();
        List<Settings> inForce = new ArrayList<>();
        vm.appliedProperty().addListener((o, was, now) -> inForce.add(now));

        vm.serverProperty().set("pbx-crm.local:3771");
        vm.languageProperty().set(Languages.RUSSIAN);
        vm.soundOnProperty().set(false);
        vm.volumeProperty().set(0.3);
        vm.cardCornerProperty().set(CardCorner.TOP_LEFT);
        vm.startAtLoginProperty().set(true);
        vm.themeProperty().set(Theme.DARK);
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();

        Settings expected = new Settings(URI.create("http://pbx-crm.local:3771"), Languages.RUSSIAN, false, 0.3,
                CardCorner.TOP_LEFT, 0, true, Theme.DARK);
        assertThat(saved).containsExactly(expected);
        assertThat(inForce).containsExactly(expected);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.SAVED);
        assertThat(vm.changedProperty().get()).isFalse();
        assertThat(home.resolve("zvonok.desktop")).exists();

        vm.startAtLoginProperty().set(false);
        assertThat(vm.statusProperty().get()).as("edited again").isEqualTo(Status.EDITING);
        vm.save();
        assertThat(home.resolve("zvonok.desktop")).doesNotExist();
    }

    @Test
    void aCertificateAuthorityFileIsTakenOnlyWhenItHoldsACertificate() throws Exception {
        SettingsViewModel vm = viewModel();
        Path notes = java.nio.file.Files.writeString(home.resolve("notes.txt"), "not a certificate");
        Path ca = dev.zvonok.server.tls.TestCertificates.authority(home).caFile();

        vm.caFileProperty().set(home.resolve("missing.pem").toString());
        assertThat(vm.caFileValidProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.caFileProperty().set(notes.toString());
        assertThat(vm.caFileValidProperty().get()).isFalse();

        vm.caFileProperty().set(ca.toString());
        assertThat(vm.caFileValidProperty().get()).isTrue();
        vm.save();
        assertThat(saved).singleElement().extracting(Settings::caFile).isEqualTo(java.util.Optional.of(ca));

        vm.caFileProperty().set("  ");
        assertThat(vm.caFileValidProperty().get()).as("none: the system's authorities only").isTrue();
        vm.save();
        assertThat(saved.getLast().caFile()).isEmpty();
    }

    @Test
    void anInvalidServerAddressKeepsTheDraftFromBeingSaved() {
        SettingsViewModel vm = viewModel();

        vm.serverProperty().set("ftp://nowhere");
        vm.themeProperty().set(Theme.DARK);

        assertThat(vm.serverValidProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.save();
        assertThat(saved).isEmpty();
        assertThat(vm.appliedProperty().get()).isEqualTo(initial);
    }

    @Test
    void revertDropsTheDraft() {
        SettingsViewModel vm = viewModel();
        vm.serverProperty().set("elsewhere:1");
        vm.themeProperty().set(Theme.DARK);

        vm.revert();

        assertThat(vm.draft()).contains(initial);
        assertThat(vm.changedProperty().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeWrittenLeavesTheSettingsInForceForThisSession() {
        SettingsViewModel vm = viewModel(Autostart.unsupported(), settings -> {
            throw new IOException("disk full");
        });

        vm.themeProperty().set(Theme.DARK);
        vm.save();

        assertThat(vm.appliedProperty().get().theme()).isEqualTo(Theme.DARK);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.NOT_STORED);
    }

    @Test
    void anAutostartThatFailsIsSaidAndNotPretended() {
        Autostart broken = new Autostart() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public boolean isEnabled() {
                return false;
            }

            @Override
            public void setEnabled(boolean enabled) throws IOException {
                throw new IOException("read-only home");
            }
        };
        SettingsViewModel vm = viewModel(broken, saved::add);

        vm.startAtLoginProperty().set(true);
        vm.themeProperty().set(Theme.DARK);
        vm.save();

        assertThat(vm.statusProperty().get()).isEqualTo(Status.AUTOSTART_FAILED);
        assertThat(vm.startAtLoginProperty().get()).isFalse();
        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.startAtLogin()).isFalse();
            assertThat(s.theme()).isEqualTo(Theme.DARK);
        });
    }

    @Test
    void whereThereIsNoAutostartItIsNeverOn() {
        Settings wanted = initial.withStartAtLogin(true);
        SettingsViewModel vm = new SettingsViewModel(wanted, saved::add, Autostart.unsupported(), rings::add,
                SAME_THREAD, SAME_THREAD);

        assertThat(vm.autostartSupported()).isFalse();
        assertThat(vm.startAtLoginProperty().get()).isFalse();
    }

    @Test
    void theTestButtonRingsAtTheVolumeOnTheSlider() {
        SettingsViewModel vm = viewModel();
        vm.volumeProperty().set(0.25);

        vm.testRing();

        assertThat(rings).containsExactly(0.25);
        assertThat(saved).as("hearing is not saving").isEmpty();
    }

    @Test
    void savingWaitsForTheBackgroundAndShowsItIsBusy() {
        List<Runnable> background = new ArrayList<>();
        SettingsViewModel vm = new SettingsViewModel(initial, saved::add, Autostart.unsupported(), rings::add,
                background::add, SAME_THREAD);
        vm.themeProperty().set(Theme.DARK);

        vm.save();
        assertThat(vm.statusProperty().get()).isEqualTo(Status.SAVING);
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(saved).as("nothing written on the calling thread").isEmpty();

        background.forEach(Runnable::run);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.SAVED);
        assertThat(saved).hasSize(1);
    }
}
