package dev.zvonok.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.board.BoardSubscription;
import dev.zvonok.app.board.BoardPreferencesKeeper;
import dev.zvonok.app.board.BoardPreferencesStore;
import dev.zvonok.app.board.BoardThresholds;
import dev.zvonok.app.board.BoardViewModel;
import dev.zvonok.app.board.OperatorDetailsViewModel;
import dev.zvonok.app.card.CardWindows;
import dev.zvonok.app.card.CardsPresenter;
import dev.zvonok.app.card.FxTickSource;
import dev.zvonok.app.card.IdleCollection;
import dev.zvonok.app.card.RingSound;
import dev.zvonok.app.history.CallDetailsViewModel;
import dev.zvonok.app.history.HistoryColumnsKeeper;
import dev.zvonok.app.history.HistoryColumnsStore;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.history.ToCallBackViewModel;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.live.LiveConnection;
import dev.zvonok.app.live.LiveListener;
import dev.zvonok.app.live.LiveSettings;
import dev.zvonok.app.main.ConnectionIndicatorViewModel;
import dev.zvonok.app.main.MainViewModel;
import dev.zvonok.app.main.WorkStatusViewModel;
import dev.zvonok.app.notes.NotesJournal;
import dev.zvonok.app.notes.NotesOutbox;
import dev.zvonok.app.notes.NotesOutboxSettings;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerTrust;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.settings.Settings;
import dev.zvonok.app.stats.CallbacksViewModel;
import dev.zvonok.app.stats.JournalViewModel;
import dev.zvonok.app.stats.MyDayViewModel;
import dev.zvonok.app.stats.RetryLater;
import dev.zvonok.app.stats.StatisticsModels;
import dev.zvonok.app.stats.StatisticsViewModel;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.phone.PhoneRules;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that lives while one operator is logged in: the live connection, the notes outbox, the cards and the
 * main window's view-models. Built on the FX thread after the login, closed at logout or quit.
 *
 * <p>The live connection's listener makes the one hop to the FX thread; below it nothing touches JavaFX.
 */
final class OperatorSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperatorSession.class);

    /** Plenty for the server's recorder to write a call's end, short enough to look immediate. */
    private static final Duration RECORDING_GRACE = Duration.ofMillis(1500);

    private final LiveConnection live;
    private final NotesOutbox outbox;
    private final FxTickSource ticks;
    /** The board's pass and the work status's clock; a timer, not an animation (no pulse 60 times a second). */
    private final FxTickSource boardTicks;
    private final WorkStatusViewModel workStatus;
    /** Null for anybody but supervisors and admins. */
    private final BoardViewModel board;
    private final CardsPresenter cards;
    private final CardWindows windows;
    private final MainViewModel main;
    /** Null for anybody but supervisors and admins. */
    private final StatisticsModels statistics;
    private final PhoneNumbers phones;
    private final Function<CallListItem, CallDetailsViewModel> callDetails;
    /** The connection was lost (or never made) after the lists were loaded: they are reloaded once it is back. */
    private final AtomicBoolean lostSinceLoaded = new AtomicBoolean();
    private final Executor fxThread;
    private boolean closed;

    /**
     * @param user who logged in; when the app opened offline (the server was away at start), as the stored session
     *             remembers them, and {@code sessions} resumes the session once the live connection gets through
     */
    /** @param trust whom a {@code wss://} server's certificate is believed from (Settings' CA file) */
    OperatorSession(ServerAddress server, UserView user, Sessions sessions, Settings settings, ServerTrust trust,
                    Path dataDir, ObjectMapper json, RingSound ring, Executor fxThread, Executor background) {
        this.fxThread = fxThread;
        Clock clock = Clock.systemDefaultZone();
        live = new LiveConnection(server.webSocket(), sessions, LiveSettings.defaults(), json, trust);
        // one journal per operator: a shared PC must not send one operator's notes as another's
        outbox = new NotesOutbox(new NotesJournal(dataDir.resolve("notes").resolve(user.login()), json),
                live, NotesOutboxSettings.defaults(), json, Clock.systemUTC());
        ticks = new FxTickSource(Duration.ofMillis(250), fxThread);
        PhoneNumbers phones = phoneNumbers(sessions.phoneRules());
        cards = new CardsPresenter(new OutboxCardSync(outbox), clock, ticks, settings.language(), phones);
        windows = new CardWindows(cards, settings, ring, IdleCollection.onThe(background));

        LiveDialer dialer = new LiveDialer(live);
        ServerCallHistory history = new ServerCallHistory(sessions, background);
        ConnectionIndicatorViewModel connection = new ConnectionIndicatorViewModel(live::reconnectNow, fxThread,
                clock);
        workStatus = new WorkStatusViewModel((ref, status, reason) ->
                live.send(new ClientMessage.SetWorkStatus(ref, status, reason)), fxThread, clock);
        board = MainViewModel.mayWatchTheBoard(user)
                ? new BoardViewModel(liveBoard(live), clock, BoardThresholds.defaults(), phones::display,
                        (ref, operatorId, mode) -> live.send(new ClientMessage.Spy(ref, operatorId, mode)), fxThread)
                : null;
        if (board != null) {
            // each supervisor's own, on a shared PC too
            BoardPreferencesKeeper.keep(board,
                    new BoardPreferencesStore(dataDir.resolve("board").resolve(user.login())), background);
        }
        boardTicks = new FxTickSource(Duration.ofMillis(250), fxThread);
        ServerStatistics stats = new ServerStatistics(sessions, ServerApi.newHttpClient(trust), json, background);
        statistics = board == null ? null : new StatisticsModels(new StatisticsViewModel(stats, fxThread, clock,
                RetryLater.onFxThread()), new JournalViewModel(stats, fxThread),
                new CallbacksViewModel(stats, dialer, fxThread, clock, RetryLater.onFxThread()));
        HistoryViewModel ownHistory = new HistoryViewModel(history, user, fxThread, clock, phones);
        // each operator's own table, on a shared PC too
        HistoryColumnsKeeper.keep(ownHistory,
                new HistoryColumnsStore(dataDir.resolve("history").resolve(user.login())), background);
        ToCallBackViewModel toCallBack = new ToCallBackViewModel(stats, dialer, fxThread);
        main = new MainViewModel(user,
                ownHistory,
                new MissedCallsViewModel(history, dialer, user, fxThread, clock, phones, toCallBack),
                connection, workStatus, board,
                board == null ? null : new OperatorDetailsViewModel(board, history, fxThread, clock, phones::display),
                user.extensions().isEmpty() ? null : new MyDayViewModel(stats, fxThread, clock,
                        RetryLater.onFxThread()));
        this.phones = phones;
        callDetails = call -> new CallDetailsViewModel(history, call, fxThread, clock, phones, user.extensions());

        live.addListener(dialer);
        live.addListener(new LiveListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                connection.connectionChanged(state);
                workStatus.connectionChanged(state);
                if (board != null) {
                    board.connectionChanged(state); // re-subscribes once connected again
                }
                if (!(state instanceof ConnectionState.Connected)) {
                    fxThread.execute(cards::connectionLost); // the cards are not confirmed until active-calls
                }
                if (state instanceof ConnectionState.Connected) {
                    if (lostSinceLoaded.getAndSet(false)) {
                        fxThread.execute(main::refresh); // calls that ended while we were away are in the lists now
                    }
                } else if (!(state instanceof ConnectionState.Connecting)) {
                    lostSinceLoaded.set(true);
                }
            }

            @Override
            public void received(ServerMessage message) {
                if (board != null) {
                    board.accept(message); // applied here, off the FX thread; on screen at the next pass
                }
                if (statistics != null && message instanceof ServerMessage.BoardChanged changed
                        && changed.change().counters() != null) {
                    // today's counters moved: a call was recorded, perhaps one that reached a number to call back
                    fxThread.execute(statistics.callbacks()::callsChanged);
                }
                workStatus.accept(message);
                toCallBack.accept(message);
                fxThread.execute(() -> show(message));
            }
        });
    }

    private static BoardSubscription liveBoard(LiveConnection live) {
        return new BoardSubscription() {
            @Override
            public boolean subscribe(String ref) {
                return live.send(new ClientMessage.SubscribeBoard(ref));
            }

            @Override
            public void unsubscribe(String ref) {
                live.send(new ClientMessage.UnsubscribeBoard(ref));
            }
        };
    }

    /**
     * The server's rule for numbers, so that the cards and the lists show them, and the search reads what the operator
     * types, as the server stores them. Russian when this app's libphonenumber does not know the server's region (an
     * app older than the server): numbers then still show, if not in the server's national reading.
     */
    private static PhoneNumbers phoneNumbers(PhoneRules rules) {
        try {
            return new PhoneNumbers(rules);
        } catch (IllegalArgumentException e) {
            log.warn("The server's phone rules {} cannot be used here ({}); reading numbers as Russian", rules,
                    e.getMessage());
            return PhoneNumbers.russian();
        }
    }

    /**
     * Starts talking to the server: the live connection once the notes journal is loaded (off the FX thread), so
     * that the outbox sees {@code active-calls} and the cards get back what was typed before a crash.
     */
    OperatorSession start() {
        outbox.start().whenComplete((loaded, failure) -> {
            if (failure != null) {
                log.error("The notes journal could not be read; notes typed before this start are not restored",
                        failure);
            }
            live.start();
        });
        main.start();
        boardTicks.start(() -> {
            workStatus.tick();
            if (board != null) {
                board.tick();
            }
        });
        return this;
    }

    private void show(ServerMessage message) {
        cards.accept(message);
        if (message instanceof ServerMessage.CallEnded || message instanceof ServerMessage.CallFinished) {
            main.refresh(); // the call is in the history now
        }
        if (message instanceof ServerMessage.CallEnded && statistics != null) {
            // the supervisor's own call back may have reached a number; others' calls back show at the list's
            // periodic read (CallbacksViewModel.REFRESH_SECONDS)
            onFxThreadAfter(RECORDING_GRACE).execute(() -> {
                if (!closed) {
                    statistics.callbacks().refresh();
                }
            });
        }
        if (message instanceof ServerMessage.CallEnded) {
            // the server records a call's end on a writer thread of its own, just after it says so: the lists are
            // read again a moment later, or a call that lost that race would stay "In progress" (and a missed one
            // out of the missed list) until the operator finishes it or presses F5
            onFxThreadAfter(RECORDING_GRACE).execute(() -> {
                if (!closed) {
                    main.refresh();
                }
            });
        }
    }

    private Executor onFxThreadAfter(Duration after) {
        return CompletableFuture.delayedExecutor(after.toMillis(), TimeUnit.MILLISECONDS, fxThread);
    }

    MainViewModel main() {
        return main;
    }

    /** The Statistics window's view-models; null for anybody but supervisors and admins. */
    StatisticsModels statistics() {
        return statistics;
    }

    /** How numbers read, as the server's rule says. */
    PhoneNumbers phones() {
        return phones;
    }

    /** A call's details, to be loaded: for its window. */
    CallDetailsViewModel callDetails(CallListItem call) {
        return callDetails.apply(call);
    }

    CardsPresenter cards() {
        return cards;
    }

    /** The operator moves into the newest card ({@link CardWindows#ENTER_CARDS}). */
    void enterNewestCard() {
        windows.enterNewestCard();
    }

    void applySettings(Settings settings) {
        cards.changeLanguage(settings.language());
        windows.applySettings(settings);
    }

    @Override
    public void close() {
        closed = true;
        cards.finishPending(); // into the outbox's journal before it closes: sent now, or after the next start
        live.close();
        outbox.close();
        windows.close();
        ticks.close();
        boardTicks.close();
    }
}
