package dev.zvonok.app.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.ServerAuthenticator;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login screen on a real stage, against the real server. */
@ExtendWith(ApplicationExtension.class)
class LoginViewFxTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;

    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Languages.ENGLISH);
    private LoginViewModel vm;
    @TempDir
    Path dataDirectory;
    private Sessions sessions;

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    @BeforeAll
    static void startServer() {
        server = RunningServer.start(db);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT); // as the app does before its first window: the views use the theme's colours
        sessions = RunningServer.newSessions(dataDirectory);
        vm = new LoginViewModel(new ServerAuthenticator(sessions, ForkJoinPool.commonPool()), new FxThread(),
                server.address().base());
        stage.setScene(new Scene(new LoginView(vm, language).root()));
        stage.show();
    }

    @Test
    void aWrongPasswordIsSaidInPlainWords(FxRobot robot) {
        robot.clickOn("#login-login").write("petrov");
        robot.clickOn("#login-password").write("not-the-password").type(KeyCode.ENTER);

        Label message = robot.lookup("#login-message").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> message.isVisible() && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message.getText()).isEqualTo("Wrong login or password.");
        assertThat(robot.lookup("#login-password").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(vm.loggedInProperty().get()).isNull();
    }

    @Test
    void theRightPasswordLogsInWithEnter(FxRobot robot) {
        robot.clickOn("#login-login").write("ivanov");
        robot.clickOn("#login-password").write(RunningServer.PASSWORD).type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(20)).until(() -> vm.loggedInProperty().get() != null);

        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.LOGGED_IN);
        assertThat(vm.loggedInProperty().get().user().name()).isEqualTo("Иван Иванов");
        assertThat(vm.loggedInProperty().get().server()).isEqualTo(server.address().base());
    }

    @Test
    void anEmptyLoginIsSaidWithoutAsking(FxRobot robot) {
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#login-message").queryAs(Label.class).getText()).isEqualTo("Enter your login");
        assertThat(robot.lookup("#login-login").query().isFocused()).as("where to type next").isTrue();
    }

    @Test
    void whileResumingTheFormIsBusyWithASpinner(FxRobot robot) {
        CompletableFuture<UserView> never = new CompletableFuture<>();
        robot.interact(() -> vm.resume(server.address().base(), never));

        assertThat(robot.lookup("#login-spinner").queryAs(ProgressIndicator.class).isVisible()).isTrue();
        assertThat(robot.lookup("#login-progress").queryAs(Label.class).getText())
                .isEqualTo("Resuming your session…");
        assertThat(robot.lookup("#login-submit").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#login-password").query().isDisabled()).isTrue();
    }

    @Test
    void theScreenSpeaksBothLanguages(FxRobot robot) {
        Button submit = robot.lookup("#login-submit").queryAs(Button.class);
        assertThat(submit.getText()).isEqualTo("Log _in");

        robot.interact(() -> language.set(Languages.RUSSIAN));

        assertThat(submit.getText()).isEqualTo("_Войти");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Звонок", "_Логин", "_Пароль");
    }
}
