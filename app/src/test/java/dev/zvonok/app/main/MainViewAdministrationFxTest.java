package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An admin's main window offers the Administration: a button in the header and Ctrl+Shift+A. */
@ExtendWith(ApplicationExtension.class)
class MainViewAdministrationFxTest {

    private final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        UserView admin = new UserView(5, "admin", "Администратор", Role.ADMIN, List.of());
        CallHistorySource never = query -> new CompletableFuture<>(); // the lists do not matter here
        Clock clock = Clock.systemDefaultZone();
        MainViewModel vm = new MainViewModel(admin,
                new HistoryViewModel(never, admin, Runnable::run, clock, PhoneNumbers.russian()),
                new MissedCallsViewModel(never, number -> CompletableFuture.completedFuture(null), admin,
                        Runnable::run, clock, PhoneNumbers.russian()),
                new ConnectionIndicatorViewModel(() -> { }, Runnable::run, clock));
        MainView view = new MainView(vm, new SimpleObjectProperty<>(Languages.ENGLISH), () -> { }, () -> { },
                call -> { }, opened::incrementAndGet);
        stage.setScene(new Scene(view.root(), 900, 500));
        stage.show();
    }

    @Test
    void theButtonAndTheShortcutOpenTheAdministration(FxRobot robot) {
        robot.clickOn("#main-administration");
        assertThat(opened).hasValue(1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasValue(2);
    }
}
