package dev.zvonok.app.main;

import dev.zvonok.app.board.BoardViewModel;
import dev.zvonok.app.board.OperatorDetailsViewModel;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.stats.MyDayViewModel;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

/**
 * The operator's main window: who is logged in, the connection, the history and the missed calls. FX thread, except
 * where a method says otherwise.
 */
public final class MainViewModel {

    private final UserView user;
    private final HistoryViewModel history;
    private final MissedCallsViewModel missed;
    private final ConnectionIndicatorViewModel connection;
    /** Null when the app offers no work status control (tests of the lists alone). */
    private final WorkStatusViewModel workStatus;
    /** The live board, for supervisors and admins; null for anybody else. */
    private final BoardViewModel board;
    /** What the board shows of the operator clicked; null without a board (or in tests of the board alone). */
    private final OperatorDetailsViewModel boardDetails;
    private final ObjectProperty<MainTab> selectedTab;
    /** The operator's "My day"; null for a user without a phone (or in tests of the lists alone). */
    private final MyDayViewModel myDay;

    public MainViewModel(UserView user, HistoryViewModel history, MissedCallsViewModel missed,
                         ConnectionIndicatorViewModel connection) {
        this(user, history, missed, connection, null, null);
    }

    /**
     * @param workStatus the operator's Available / Break control, or null for none
     * @param board      the live board, or null: offered only to supervisors (their home tab) and admins
     */
    public MainViewModel(UserView user, HistoryViewModel history, MissedCallsViewModel missed,
                         ConnectionIndicatorViewModel connection, WorkStatusViewModel workStatus,
                         BoardViewModel board) {
        this(user, history, missed, connection, workStatus, board, null);
    }

    /** @param boardDetails the operator clicked on the board: their calls now and today's; null for none */
    public MainViewModel(UserView user, HistoryViewModel history, MissedCallsViewModel missed,
                         ConnectionIndicatorViewModel connection, WorkStatusViewModel workStatus,
                         BoardViewModel board, OperatorDetailsViewModel boardDetails) {
        this(user, history, missed, connection, workStatus, board, boardDetails, null);
    }

    /** @param myDay the operator's figures of today, read again with the lists; null for none */
    public MainViewModel(UserView user, HistoryViewModel history, MissedCallsViewModel missed,
                         ConnectionIndicatorViewModel connection, WorkStatusViewModel workStatus,
                         BoardViewModel board, OperatorDetailsViewModel boardDetails, MyDayViewModel myDay) {
        this.myDay = myDay;
        this.user = Objects.requireNonNull(user, "user");
        this.history = Objects.requireNonNull(history, "history");
        this.missed = Objects.requireNonNull(missed, "missed");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.workStatus = workStatus;
        this.board = mayWatchTheBoard(user) ? board : null;
        this.boardDetails = this.board == null ? null : boardDetails;
        this.selectedTab = new SimpleObjectProperty<>(this, "selectedTab",
                this.board != null && user.role() == Role.SUPERVISOR ? MainTab.BOARD : MainTab.HISTORY);
        // what is on screen counts as seen: opening the tab, and a new missed call arriving while it is open
        selectedTab.addListener((o, was, now) -> seenIfShown());
        missed.rows().addListener((ListChangeListener<Object>) change -> seenIfShown());
        // the board is asked for when first shown (an admin may never look), and kept live from then on
        selectedTab.addListener((o, was, now) -> startBoardIfShown());
    }

    /** Supervisors and admins; the server refuses anybody else anyway. */
    public static boolean mayWatchTheBoard(UserView user) {
        return user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN;
    }

    /** The first load of both lists, once the window is up; the board too when it is the tab shown. */
    public void start() {
        refresh();
        startBoardIfShown();
    }

    private void startBoardIfShown() {
        if (board != null && selectedTab.get() == MainTab.BOARD) {
            board.start();
        }
    }

    /** Reloads both lists: F5, and the integrator's call when one of the operator's calls has ended. */
    public void refresh() {
        history.refresh();
        missed.refresh();
        if (myDay != null) {
            myDay.refresh(); // a call that ended, or was finished, counts in "My day" now
        }
    }

    private void seenIfShown() {
        if (selectedTab.get() == MainTab.MISSED) {
            missed.markSeen();
        }
    }

    /** "Иван Иванов" */
    public String operatorName() {
        return user.name() == null || user.name().isBlank() ? user.login() : user.name();
    }

    /** "777" or "777, 778"; empty for a user without a phone. */
    public String extensions() {
        return String.join(", ", user.extensions());
    }

    /** Whether the Administration window is offered: to admins only (the server refuses anybody else anyway). */
    public boolean isAdmin() {
        return user.role() == Role.ADMIN;
    }

    public UserView user() {
        return user;
    }

    public HistoryViewModel history() {
        return history;
    }

    public MissedCallsViewModel missed() {
        return missed;
    }

    /** Null when there is no work status control. */
    public WorkStatusViewModel workStatus() {
        return workStatus;
    }

    /** Null when there is no "My day" panel. */
    public MyDayViewModel myDay() {
        return myDay;
    }

    /** Null for anybody but supervisors and admins. */
    public BoardViewModel board() {
        return board;
    }

    /** Null without a board, or when a click on an operator shows nothing more. */
    public OperatorDetailsViewModel boardDetails() {
        return boardDetails;
    }

    public ConnectionIndicatorViewModel connection() {
        return connection;
    }

    public ObjectProperty<MainTab> selectedTabProperty() {
        return selectedTab;
    }
}
