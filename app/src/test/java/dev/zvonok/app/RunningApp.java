package dev.zvonok.app;

import static org.awaitility.Awaitility.await;

import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.settings.SettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app, started as the operator starts it ({@code --server URL --data-dir DIR}) on TestFX's primary stage,
 * and what a test needs to look at it: the main window, the card windows, the text of a node. Every read happens on
 * the FX thread.
 */
final class RunningApp implements AutoCloseable {

    /** Generous: the build machine is small and shared. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ZvonokApp app;
    private final Stage window;
    private final FxRobot robot;

    private RunningApp(ZvonokApp app, Stage window, FxRobot robot) {
        this.app = app;
        this.window = window;
        this.robot = robot;
    }

    /** Once per test class: the FX toolkit and the stage the app is started on. */
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        // the first start of a whole app (style sheets, fonts, the session) is slow on a small machine
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
    }

    /** What the operator chose in Settings before this start: the server and the language. */
    static void settings(Path dataDir, URI server, Locale language) {
        try {
            new SettingsStore(dataDir, language).save(Settings.defaults(language).withServer(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunningApp launch(FxRobot robot, String... args) throws TimeoutException {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        ZvonokApp app = (ZvonokApp) FxToolkit.setupApplication(ZvonokApp.class, args);
        WaitForAsyncUtils.waitForFxEvents();
        return new RunningApp(app, stage, robot);
    }

    static String[] arguments(URI server, Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server", server.toString(), "--data-dir", dataDir.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    ZvonokApp app() {
        return app;
    }

    Stage window() {
        return window;
    }

    // ------------------------------------------------------------------------------------------ the operator's acts

    /** Types into the login form as the operator does (the login only when it is not offered already), and Enter. */
    void logInThroughTheForm(String login, String password) {
        await().atMost(PATIENCE).until(() -> onFx(() -> find(window, "#login-login").isPresent()
                && !find(window, "#login-login").get().isDisabled()));
        // Monocle forgets the focused window when that window closes (a card closed by Ctrl+Enter, an app stopped)
        // and gives the focus to no other, and its robot types into the focused window only
        robot.interact(window::requestFocus);
        if (!login.equals(text(window, "#login-login"))) {
            robot.interact(() -> ((TextInputControl) find(window, "#login-login").orElseThrow()).clear());
            robot.clickOn(find(window, "#login-login").orElseThrow()).write(login);
        }
        robot.clickOn(find(window, "#login-password").orElseThrow()).write(password).type(KeyCode.ENTER);
    }

    /** The main window is up for {@code operator}, and its live connection is connected. */
    void awaitMainWindow(String operator, String connected) {
        await().atMost(PATIENCE).until(() -> operator.equals(text(window, "#main-operator")));
        await().atMost(PATIENCE).until(() -> connected.equals(text(window, "#main-connection")));
    }

    // ------------------------------------------------------------------------------------------ looking

    /** The call cards on screen, in stacking order. */
    List<Stage> cards() {
        return cardWindows();
    }

    /** The call cards on screen, whichever app opened them. */
    static List<Stage> cardWindows() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing() && w.getScene() != null
                        && "call-card".equals(w.getScene().getRoot().getId()))
                .map(Stage.class::cast)
                .toList());
    }

    /** The panel of the cards that are not open, while it shows. */
    Optional<Stage> panel() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing() && w.getScene() != null
                        && "card-panel".equals(w.getScene().getRoot().getId()))
                .map(Stage.class::cast)
                .findFirst());
    }

    /** The rows of the panel of cards that are not open: the title of each, top to bottom. */
    List<String> panelRows() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null
                        && "card-panel".equals(w.getScene().getRoot().getId()))
                .flatMap(w -> w.getScene().getRoot().lookupAll(".panel-row .row-title").stream())
                .map(node -> ((Labeled) node).getText())
                .toList());
    }

    /** Waits for the one card on screen. */
    Stage awaitCard() {
        await().atMost(PATIENCE).until(() -> cards().size() == 1);
        return cards().getFirst();
    }

    void awaitNoCard() {
        await().atMost(PATIENCE).until(() -> cards().isEmpty());
    }

    /** The text of the labeled node {@code selector} in {@code stage}, or null when there is none. */
    String text(Stage stage, String selector) {
        return onFx(() -> find(stage, selector).map(node -> node instanceof Labeled labeled ? labeled.getText()
                : node instanceof TextInputControl input ? input.getText() : null)
                .orElse(null));
    }

    Optional<Node> node(Stage stage, String selector) {
        return onFx(() -> find(stage, selector));
    }

    /** The non-empty texts of a table's cells of one style class, top to bottom. */
    List<String> column(String table, String styleClass) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.from(window.getScene().getRoot()).lookup(table + " ." + styleClass).queryAll()
                .stream()
                .filter(node -> node instanceof TableCell<?, ?>)
                .map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && !text.isEmpty())
                .toList());
    }

    private Optional<Node> find(Stage stage, String selector) {
        if (stage.getScene() == null) {
            return Optional.empty();
        }
        Parent root = stage.getScene().getRoot();
        return robot.from(root).lookup(selector).tryQuery();
    }

    /** Runs {@code read} on the FX thread and returns what it read. */
    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within " + PATIENCE, e);
        }
    }

    /**
     * Quits as the toolkit does between tests ({@code stop()}), and gives the shared stage back as the other tests
     * expect it: no binding or close handler of the app's, not minimized, and focused (Monocle's robot types into
     * the focused window only, and the last card closed left none).
     */
    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            window.titleProperty().unbind();
            window.setOnCloseRequest(null);
            window.getIcons().clear();
            window.setIconified(false);
            window.requestFocus();
        });
    }
}
