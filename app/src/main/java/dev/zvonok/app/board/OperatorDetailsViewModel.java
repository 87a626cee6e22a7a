package dev.zvonok.app.board;

import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardOperator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator the supervisor clicked on the board: their calls now, as their tile has them, and their calls of
 * today from {@code GET /api/calls?operatorId=&dateFrom=&dateTo=}, with each call's notes as the server has them.
 *
 * <p>Follows the board's choice ({@link BoardViewModel#selectedOperatorProperty()}) on the FX thread. Today's calls
 * are read again when another operator is chosen and when the chosen one's calls change (one rings, is answered,
 * ends): what the board shows and the list agree without asking the server every second.
 */
public final class OperatorDetailsViewModel {

    private final CallHistorySource history;
    private final Executor fxThread;
    private final Clock clock;
    private final UnaryOperator<String> numberDisplay;
    private final ReadOnlyObjectWrapper<BoardOperator> operator = new ReadOnlyObjectWrapper<>(this, "operator");
    private final ObservableList<CallListItem> today = FXCollections.observableArrayList();
    private final ObservableList<CallListItem> todayView = FXCollections.unmodifiableObservableList(today);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    /** Counts the loads asked for: an answer to an older one (another operator, a change since) is dropped. */
    private long asked;
    private final javafx.beans.value.ObservableValue<Instant> dayStart;

    /** @param numberDisplay how a number is shown ({@code PhoneNumbers::display} in the app) */
    public OperatorDetailsViewModel(BoardViewModel board, CallHistorySource history, Executor fxThread, Clock clock,
                                    UnaryOperator<String> numberDisplay) {
        this.numberDisplay = Objects.requireNonNull(numberDisplay, "numberDisplay");
        this.history = Objects.requireNonNull(history, "history");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dayStart = board.dayStartProperty();
        board.selectedOperatorProperty().addListener((o, was, now) -> show(now));
        dayStart.addListener((o, was, now) -> refresh()); // a new business day: "today" is another list
        show(board.selectedOperatorProperty().get());
    }

    /** The operator chosen, or their tile changed; null: nobody is chosen. FX thread. */
    void show(BoardOperator tile) {
        BoardOperator was = operator.get();
        operator.set(tile);
        if (tile == null) {
            asked++;
            today.clear();
            loading.set(false);
            problem.set(null);
        } else if (was == null || was.userId() != tile.userId() || !callsOf(was).equals(callsOf(tile))) {
            if (was == null || was.userId() != tile.userId()) {
                today.clear(); // never another operator's calls under this one's name
            }
            load(tile.userId());
        }
    }

    /** Reads today's calls again (the pane's refresh). */
    public void refresh() {
        BoardOperator tile = operator.get();
        if (tile != null) {
            load(tile.userId());
        }
    }

    private void load(long userId) {
        long mine = ++asked;
        loading.set(true);
        HistoryQuery query = new HistoryQuery(1, HistoryQuery.MAX_LIMIT, todayFrom(), null, null, userId, null);
        history.calls(query).whenCompleteAsync((page, failure) -> {
            if (mine != asked) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                problem.set(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            } else {
                problem.set(null);
                today.setAll(page.data());
            }
        }, fxThread);
    }

    /**
     * Where today began: the server's business day (its time zone and day boundary, e.g. 06:00 in a 24-hour centre)
     * as the board said; the supervisor's own calendar day only before the board's first snapshot. Calls up to now,
     * so no end is needed.
     */
    private OffsetDateTime todayFrom() {
        ZoneId zone = clock.getZone();
        Instant start = dayStart.getValue();
        return start != null ? start.atZone(zone).toOffsetDateTime() : HistoryQuery.startOf(LocalDate.now(clock), zone);
    }

    /** Which calls the tile has and where each stands: a change of these is worth asking the server again. */
    private static List<String> callsOf(BoardOperator tile) {
        return tile.calls().stream().map(call -> call.callId() + "/" + call.state()).toList();
    }

    /** The notes of one of today's calls as the server has them; empty before the list has it. */
    public Optional<String> notesOf(BoardCall call) {
        return today.stream().filter(item -> item.id().equals(call.callId())).map(CallListItem::notes)
                .filter(notes -> notes != null && !notes.isBlank()).findFirst();
    }

    /** The board's clock: today, and the times of day shown. */
    Clock clock() {
        return clock;
    }

    /** A number as the app shows numbers. */
    public String display(String number) {
        return number == null ? "" : numberDisplay.apply(number);
    }

    /** The operator shown; null when nobody is chosen. */
    public ReadOnlyObjectProperty<BoardOperator> operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    /** Their calls today, newest first as the server lists them. */
    public ObservableList<CallListItem> today() {
        return todayView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why today's calls could not be read; null when they could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
