package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.settings.Settings.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings pane on a real stage: what is saved is in force at once, in the language and the look chosen. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewFxTest {

    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<Settings> saved = new CopyOnWriteArrayList<>();
    private final List<Double> rings = new CopyOnWriteArrayList<>();
    private SettingsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new SettingsViewModel(Settings.defaults(Locale.ENGLISH), saved::add,
                new XdgAutostart(home.resolve("autostart"), "zvonok"), rings::add, background, new FxThread());
        // as the composition root does: the UI speaks the language in force, the theme follows too
        ObservableValue<Locale> language = vm.appliedProperty().map(Settings::language);
        vm.appliedProperty().subscribe(settings -> Themes.apply(settings.theme()));
        stage.setScene(new Scene(new SettingsView(vm, language, stage::hide).root()));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private static void waitForSave(SettingsViewModel vm) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.statusProperty().get() != SettingsViewModel.Status.SAVING);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingRussianAndSavingChangesTheTextsAtOnce(FxRobot robot) {
        Label title = robot.lookup(".title-3").queryAs(Label.class);
        Button save = robot.lookup("#settings-save").queryAs(Button.class);
        assertThat(title.getText()).isEqualTo("Settings");
        assertThat(save.isDisabled()).as("nothing changed yet").isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<Locale> languages = robot.lookup("#settings-language").queryAs(ComboBox.class);
        robot.clickOn(languages);
        robot.clickOn("Русский");
        robot.clickOn(save);
        waitForSave(vm);

        assertThat(saved).singleElement().satisfies(s -> assertThat(s.language()).isEqualTo(Languages.RUSSIAN));
        assertThat(title.getText()).isEqualTo("Настройки");
        assertThat(save.getText()).isEqualTo("_Сохранить");
        assertThat(robot.lookup("#settings-status").queryAs(Label.class).getText()).isEqualTo("Сохранено");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("_Адрес сервера", "_Язык", "_Громкость", "_Тема");
    }

    @Test
    void theDarkThemeAppliesOnSave(FxRobot robot) {
        robot.interact(() -> vm.themeProperty().set(Theme.DARK));
        robot.clickOn("#settings-save");
        waitForSave(vm);

        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");

        robot.interact(() -> vm.themeProperty().set(Theme.LIGHT));
        robot.clickOn("#settings-save");
        waitForSave(vm);
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    }

    @Test
    void anAddressThatIsNoneIsSaidAndCannotBeSaved(FxRobot robot) {
        TextField server = robot.lookup("#settings-server").queryAs(TextField.class);
        robot.doubleClickOn(server).eraseText(server.getText().length() + 1).write("ftp://nowhere");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("Enter an address such as http://pbx-crm.local:3771").tryQuery()).isPresent();
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> server.setText("pbx-crm.local:3771"));
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void aCertificateAuthorityFileWithoutACertificateIsSaidAndCannotBeSaved(FxRobot robot) {
        TextField caFile = robot.lookup("#settings-ca-file").queryAs(TextField.class);
        robot.interact(() -> caFile.setText("/nowhere/company-ca.pem"));

        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class)).as("the problem is said")
                .anySatisfy(label -> assertThat(label.isVisible() && label.getText().startsWith(
                        "No certificate could be read from this file")).isTrue());

        robot.interact(() -> caFile.setText(""));
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).as("nothing changed").isTrue();
        assertThat(vm.caFileValidProperty().get()).isTrue();
    }

    @Test
    void theTestButtonRingsAtTheSliderVolume(FxRobot robot) {
        robot.interact(() -> vm.volumeProperty().set(0.4));

        robot.clickOn("#settings-test-ring");

        assertThat(rings).containsExactly(0.4);
    }

    @Test
    void theWindowOpensOnceAndClosingDropsTheDraft(FxRobot robot) {
        robot.interact(() -> {
            SettingsWindow window = new SettingsWindow(null, vm, vm.appliedProperty().map(Settings::language));
            window.show();
            window.show(); // Ctrl+, pressed twice
        });
        List<Stage> settingsWindows = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage stage && "Zvonok — Settings".equals(stage.getTitle()))
                .map(Stage.class::cast).toList();
        assertThat(settingsWindows).hasSize(1);

        robot.interact(() -> vm.themeProperty().set(Theme.DARK));
        robot.interact(settingsWindows.getFirst()::close);

        assertThat(vm.themeProperty().get()).as("not saved, so dropped").isEqualTo(Theme.LIGHT);
        assertThat(saved).isEmpty();
    }
}
