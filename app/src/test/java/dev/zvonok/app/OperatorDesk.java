package dev.zvonok.app;

import dev.zvonok.app.card.RingSound;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.main.MainView;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerTrust;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.model.directory.UserView;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Another person's app in the same test, beside the one {@link RunningApp} starts: their own session with the
 * server (logged in through the REST API as the login form does), their live connection and their main window on a
 * stage of its own. What a second PC on the network would be, without a second JavaFX toolkit.
 */
final class OperatorDesk implements AutoCloseable {

    private final Sessions sessions;
    private final OperatorSession session;
    private final Stage stage;
    private final ExecutorService background;

    private OperatorDesk(Sessions sessions, OperatorSession session, Stage stage, ExecutorService background) {
        this.sessions = sessions;
        this.session = session;
        this.stage = stage;
        this.background = background;
    }

    /** Logs {@code login} in and opens their main window (in English), connected to the server. */
    static OperatorDesk open(URI server, Path dataDir, String login) throws Exception {
        Sessions sessions = RunningServer.newSessions(dataDir);
        ServerAddress address = new ServerAddress(server);
        UserView user = sessions.login(address, login, RunningServer.PASSWORD).user();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        return RunningApp.onFx(() -> {
            OperatorSession session = new OperatorSession(address, user, sessions,
                    Settings.defaults(Languages.ENGLISH).withServer(server), ServerTrust.system(), dataDir,
                    WireJson.mapper(), SILENT,
                    new FxThread(), background);
            MainView main = new MainView(session.main(), new SimpleObjectProperty<>(Languages.ENGLISH), () -> { },
                    () -> { }, call -> { });
            Stage stage = new Stage();
            stage.setTitle(login);
            stage.setScene(new Scene(main.root(), 1000, 560));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
            session.start();
            return new OperatorDesk(sessions, session, stage, background);
        });
    }

    /** What their main window and cards show: to act as they would without the robot. */
    OperatorSession session() {
        return session;
    }

    Stage window() {
        return stage;
    }

    @Override
    public void close() {
        RunningApp.onFx(() -> {
            session.close();
            stage.close();
            return null;
        });
        sessions.close();
        background.shutdownNow();
    }

    private static final RingSound SILENT = new RingSound() {
        @Override
        public void start(double volume) {
        }

        @Override
        public void stop() {
        }
    };
}
