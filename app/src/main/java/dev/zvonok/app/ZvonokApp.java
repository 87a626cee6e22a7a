package dev.zvonok.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.admin.AdminWindow;
import dev.zvonok.app.board.SupervisorView;
import dev.zvonok.app.card.CardWindows;
import dev.zvonok.app.card.MediaPlayerRingSound;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.history.CallDetailsWindows;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.login.LoggedIn;
import dev.zvonok.app.login.LoginMessage;
import dev.zvonok.app.login.LoginView;
import dev.zvonok.app.login.LoginViewModel;
import dev.zvonok.app.main.CloseToBackground;
import dev.zvonok.app.main.MainView;
import dev.zvonok.app.main.Tray;
import dev.zvonok.app.server.RefreshPolicy;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.ServerTrust;
import dev.zvonok.app.server.Session;
import dev.zvonok.app.server.SessionListener;
import dev.zvonok.app.server.SessionStore;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Autostart;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.settings.SettingsStore;
import dev.zvonok.app.settings.SettingsViewModel;
import dev.zvonok.app.settings.SettingsWindow;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.settings.XdgAutostart;
import dev.zvonok.app.stats.StatisticsModels;
import dev.zvonok.app.stats.StatisticsWindow;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the desktop app: builds every part once, by hand, and switches between the login screen
 * and the operator's session. Nothing here is static; nothing below it looks anything up.
 */
public final class ZvonokApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(ZvonokApp.class);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final FxThread fxThread = new FxThread();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("app-io-", 0).factory());
    private final ObjectMapper json = WireJson.mapper();
    /** Rebuilt when Settings name another certificate authority: a client's TLS is fixed when it is made. */
    private volatile ServerTrust trust = ServerTrust.system();
    private volatile HttpClient http = ServerApi.newHttpClient(trust);

    private LaunchOptions options;
    private Stage window;
    private SessionStore storedSession;
    private Sessions sessions;
    private SettingsViewModel settings;
    private ObservableValue<Locale> language;
    private MediaPlayerRingSound ring;
    private OperatorSession operator;
    /** The open calls' details windows of the operator logged in. */
    private CallDetailsWindows callWindows;
    /** The admin's Administration window, made on first use; null until then and for anybody else. */
    private AdminWindow adminWindow;
    /** Null until a supervisor or admin first opens it. */
    private StatisticsWindow statisticsWindow;
    private Tray tray;
    /** After a logout the command line's login is not used again: the operator chose to leave. */
    private boolean loggedOutOnce;

    /**
     * Reads the command line (and standard input for {@code --password-stdin}) and makes the data directory the
     * operator's only: on JavaFX's launcher thread, before any window, so that neither blocks the FX thread.
     */
    @Override
    public void init() throws IOException {
        options = LaunchOptions.parse(getParameters().getRaw(), System::getenv,
                Path.of(System.getProperty("user.home")), ZvonokApp::firstLineOfStandardInput);
        if (options.passwordOnCommandLine()) {
            log.warn("--password is visible to every user of this computer (ps, /proc); use --password-stdin or"
                    + " the environment variable {} instead", LaunchOptions.PASSWORD_VARIABLE);
        }
        DataDirectory.makePrivate(options.dataDir(), List.of(
                new SettingsStore(options.dataDir(), Locale.getDefault()).file(),
                new SessionStore(options.dataDir(), json).file()));
    }

    private static Optional<String> firstLineOfStandardInput() throws IOException {
        // not closed: it is System.in, and a reader on it could have read ahead no more than this one line matters
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return Optional.ofNullable(in.readLine());
    }

    @Override
    public void start(Stage stage) {
        window = stage;
        window.getIcons().add(new Image(ZvonokApp.class.getResource("zvonok.png").toExternalForm()));

        SettingsStore store = new SettingsStore(options.dataDir(), Locale.getDefault());
        Settings initial = store.load();
        if (options.server().isPresent()) {
            initial = initial.withServer(options.server().get());
        }
        Themes.apply(initial.theme());
        trustAuthoritiesOf(initial);
        ring = MediaPlayerRingSound.load();
        // the start at login repeats where the server and the data are, never the login and password: it resumes
        // the stored session
        Autostart autostart = Autostart.forThisSystem(System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")),
                XdgAutostart.commandOfThisProcess(getParameters().getRaw(), options.withoutCredentials()));
        background.execute(() -> dropCredentialsFrom(autostart));
        settings = new SettingsViewModel(initial, store::save, autostart, this::previewRing, background, fxThread);
        language = settings.appliedProperty().map(Settings::language);
        settings.appliedProperty().subscribe((before, applied) -> {
            if (!before.caFile().equals(applied.caFile())) {
                trustAuthoritiesOf(applied);
            }
        });
        settings.appliedProperty().subscribe(applied -> {
            Themes.apply(applied.theme());
            if (operator != null) {
                operator.applySettings(applied);
            }
        });

        storedSession = new SessionStore(options.dataDir(), json);
        sessions = new Sessions(storedSession,
                address -> new ServerApi(address, http, json, ServerApi.DEFAULT_REQUEST_TIMEOUT),
                RefreshPolicy.defaults(), Clock.systemUTC());
        sessions.addListener(new SessionListener() {
            @Override
            public void sessionEnded(SessionEnd end) {
                if (end != SessionEnd.LOGGED_OUT) {
                    fxThread.execute(() -> showLogin(new LoginMessage.SessionEnded()));
                }
            }
        });

        showLogin(null);
        StartupMarker.installIfAsked(window);
        window.show();
    }

    private static void dropCredentialsFrom(Autostart autostart) {
        try {
            if (autostart.dropCredentials()) {
                log.warn("The start-at-login entry carried a login and password: rewritten without them");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check the start-at-login entry for a password: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------------- login

    private void showLogin(LoginMessage why) {
        closeOperator();
        LoginViewModel login = new LoginViewModel(new ServerAuthenticator(sessions, background), fxThread,
                settings.appliedProperty().get().server());
        login.loggedInProperty().subscribe(this::loggedIn);
        show(new LoginView(login, language, this::openSettings).root());
        window.titleProperty().unbind();
        window.setTitle("Zvonok");
        sessions.remembered().map(SessionStore.Stored::login).ifPresent(login.loginProperty()::set);
        if (why != null) {
            login.reset(why);
        } else if (options.logsInAtStart() && !loggedOutOnce) {
            login.loginProperty().set(options.login().get());
            login.passwordProperty().set(options.password().get());
            login.submit();
        } else {
            // not sessions.remembered(): that is for the form, and never carries the refresh token
            storedSession.load().filter(stored -> stored.refreshToken() != null)
                    .ifPresent(stored -> login.resume(stored.server(), resumeStoredSession(stored)));
        }
    }

    /**
     * The system's authorities and Settings' CA file for the next requests and live connections. A file that went
     * missing since it was chosen leaves the system's only: the login then says the server is not trusted.
     */
    private void trustAuthoritiesOf(Settings chosen) {
        try {
            trust = ServerTrust.of(chosen.caFile());
        } catch (IOException | RuntimeException e) {
            log.warn("The certificate authority in Settings cannot be used ({}); trusting the system's only",
                    e.getMessage());
            trust = ServerTrust.system();
        }
        http = ServerApi.newHttpClient(trust);
    }

    private CompletableFuture<UserView> resumeStoredSession(SessionStore.Stored stored) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sessions.resume().map(Session::user)
                        .orElseThrow(() -> new CompletionException(new ServerException.SessionExpired("none stored")));
            } catch (ServerException.Unreachable e) {
                if (stored.user() != null) {
                    // the PC came up before the server, or the network is down: open as who we were, offline; the
                    // live connection resumes the session once the server answers (or asks for the password then)
                    log.info("The server is unreachable ({}); opening offline as {}", e.getMessage(),
                            stored.user().login());
                    return stored.user();
                }
                throw new CompletionException(new IOException(e.getMessage(), e));
            } catch (ServerException e) {
                throw new CompletionException(ServerAuthenticator.failure(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, background);
    }

    private void loggedIn(LoggedIn who) {
        if (who == null) {
            return;
        }
        Settings applied = settings.appliedProperty().get();
        if (!applied.server().equals(who.server())) {
            settings.serverProperty().set(who.server().toString());
            settings.save(); // the next start offers this server
        }
        openOperator(new ServerAddress(who.server()), who.user());
    }

    // ---------------------------------------------------------------------------------------------------- operator

    private void openOperator(ServerAddress server, UserView user) {
        closeOperator();
        operator = new OperatorSession(server, user, sessions, settings.appliedProperty().get(), trust,
                options.dataDir(), json, ring, fxThread, background);
        CallDetailsWindows calls = new CallDetailsWindows(operator::callDetails, language);
        callWindows = calls;
        MainView main = new MainView(operator.main(), language, this::openSettings, this::logOut,
                call -> calls.open(window, call), this::openAdministration);
        main.offerStatistics(this::openStatistics);
        show(main.root());
        OperatorSession session = operator;
        window.getScene().getAccelerators().put(CardWindows.ENTER_CARDS, session::enterNewestCard);
        window.titleProperty().bind(main.title());
        if (tray == null) {
            tray = Tray.install(window, Texts.of(MainView.class, language.getValue()), this::quit).orElse(null);
            CloseToBackground.install(window, tray != null);
        }
        if (tray != null) {
            Locale now = language.getValue();
            tray.showWorkStatus(operator.main().workStatus(), Texts.of(MainView.class, now),
                    Texts.of(SupervisorView.class, now));
        }
        operator.start();
    }

    /** Ends the session here and on the server (off the FX thread), then asks for the password again. */
    private void logOut() {
        loggedOutOnce = true;
        closeOperator();
        CompletableFuture.runAsync(() -> {
            try {
                sessions.logout();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, background).whenComplete((done, failure) -> fxThread.execute(() -> showLogin(null)));
    }

    private void openSettings() {
        new SettingsWindow(window, settings, language).show();
    }

    /** Supervisors and admins: the board offers it; made when first asked for, then shown again. */
    private void openStatistics() {
        if (operator == null || operator.statistics() == null) {
            return;
        }
        if (statisticsWindow == null) {
            StatisticsModels models = operator.statistics();
            CallDetailsWindows calls = callWindows;
            statisticsWindow = new StatisticsWindow(window, models.statistics(), models.journal(), models.callbacks(),
                    language, Clock.systemDefaultZone(), operator.phones(), (owner, call) -> calls.open(owner, call));
        }
        statisticsWindow.show();
    }

    /** Admins only: the main window offers it to nobody else, and the server refuses anybody else anyway. */
    private void openAdministration() {
        if (adminWindow == null) {
            adminWindow = new AdminWindow(window, new ServerAdministration(sessions, http, json,
                    ServerApi.DEFAULT_REQUEST_TIMEOUT, background), new PhoneNumbers(sessions.phoneRules()),
                    language, background, fxThread);
        }
        adminWindow.show();
    }

    private void closeOperator() {
        if (tray != null) {
            tray.hideWorkStatus();
        }
        if (adminWindow != null) {
            adminWindow.close();
            adminWindow = null;
        }
        if (statisticsWindow != null) {
            statisticsWindow.close();
            statisticsWindow = null;
        }
        if (callWindows != null) {
            callWindows.closeAll();
            callWindows = null;
        }
        if (operator != null) {
            operator.close();
            operator = null;
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /**
     * Puts a screen in the window at its own size, within the screen and centred on it: the window keeps its place
     * when its scene changes, so the main window, much larger than the login form it replaces, would otherwise hang
     * off the screen's right and bottom edges.
     */
    private void show(Parent root) {
        Scene scene = new Scene(root);
        scene.getAccelerators().put(QUIT, this::quit);
        window.setScene(scene);
        window.sizeToScene();
        Rectangle2D free = Screen.getPrimary().getVisualBounds();
        if (window.getWidth() > free.getWidth()) {
            window.setWidth(free.getWidth());
        }
        if (window.getHeight() > free.getHeight()) {
            window.setHeight(free.getHeight());
        }
        window.centerOnScreen();
    }

    private void previewRing(double volume) {
        ring.start(volume);
        PauseTransition stop = new PauseTransition(Duration.seconds(3));
        stop.setOnFinished(e -> ring.stop());
        stop.play();
    }

    private void quit() {
        Platform.exit();
    }

    @Override
    public void stop() {
        closeOperator();
        if (tray != null) {
            tray.close();
        }
        if (sessions != null) {
            sessions.close();
        }
        background.shutdownNow();
        log.info("Zvonok stopped");
    }

    /** The session of the running app, for the end-to-end tests. */
    Optional<OperatorSession> operator() {
        return Optional.ofNullable(operator);
    }
}
