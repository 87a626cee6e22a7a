package dev.zvonok.app.main;

import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
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
    private final ObjectProperty<MainTab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab",
            MainTab.HISTORY);

    public MainViewModel(UserView user, HistoryViewModel history, MissedCallsViewModel missed,
                         ConnectionIndicatorViewModel connection) {
        this.user = Objects.requireNonNull(user, "user");
        this.history = Objects.requireNonNull(history, "history");
        this.missed = Objects.requireNonNull(missed, "missed");
        this.connection = Objects.requireNonNull(connection, "connection");
        // what is on screen counts as seen: opening the tab, and a new missed call arriving while it is open
        selectedTab.addListener((o, was, now) -> seenIfShown());
        missed.rows().addListener((ListChangeListener<Object>) change -> seenIfShown());
    }

    /** The first load of both lists, once the window is up. */
    public void start() {
        refresh();
    }

    /** Reloads both lists: F5, and the integrator's call when one of the operator's calls has ended. */
    public void refresh() {
        history.refresh();
        missed.refresh();
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

    public ConnectionIndicatorViewModel connection() {
        return connection;
    }

    public ObjectProperty<MainTab> selectedTabProperty() {
        return selectedTab;
    }
}
