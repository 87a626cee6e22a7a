package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's missed calls of the last {@value #DAYS} days, newest first, each with "Call back". The badge counts
 * those that came after the operator last looked at the list ({@link #markSeen()}); at start, today's. All methods on
 * the FX thread; answers come back through the injected executor.
 */
public final class MissedCallsViewModel {

    /** A long weekend and then some: older missed calls are history, not a to-do list. */
    public static final int DAYS = 7;

    private final CallHistorySource source;
    private final Dialer dialer;
    private final UserView user;
    private final Executor fxThread;
    private final Clock clock;
    private final PhoneNumbers phones;

    private final ObservableList<CallListItem> rows = FXCollections.observableArrayList();
    /** One wrapper, kept: it listens to {@code rows} weakly, so a fresh one per call could lose its listeners. */
    private final ObservableList<CallListItem> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper unseenCount = new ReadOnlyIntegerWrapper(this, "unseenCount");
    private final ReadOnlyObjectWrapper<LoadProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<CallBackStatus> callBack = new ReadOnlyObjectWrapper<>(this, "callBack");
    /** The numbers a supervisor gave this operator to call back; null when the app offers none (tests). */
    private final ToCallBackViewModel toCallBack;
    private Instant seenUpTo;
    private long generation;

    public MissedCallsViewModel(CallHistorySource source, Dialer dialer, UserView user, Executor fxThread,
                                Clock clock, PhoneNumbers phones) {
        this(source, dialer, user, fxThread, clock, phones, null);
    }

    /** @param toCallBack the numbers given to this operator to call back, read again with this list; or null */
    public MissedCallsViewModel(CallHistorySource source, Dialer dialer, UserView user, Executor fxThread,
                                Clock clock, PhoneNumbers phones, ToCallBackViewModel toCallBack) {
        this.toCallBack = toCallBack;
        this.source = Objects.requireNonNull(source, "source");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.user = Objects.requireNonNull(user, "user");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.seenUpTo = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    }

    public HistoryQuery query() {
        return new HistoryQuery(1, HistoryQuery.MAX_LIMIT,
                HistoryQuery.startOf(LocalDate.now(clock).minusDays(DAYS - 1), clock.getZone()), null,
                CallDisposition.MISSED, user.id(), null, false);
    }

    public void refresh() {
        if (toCallBack != null) {
            toCallBack.refresh();
        }
        long mine = ++generation;
        CompletableFuture<CallPage> answer;
        try {
            answer = Objects.requireNonNull(source.calls(query()), "the source returned no future");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((calls, failure) -> fxThread.execute(() -> {
            if (mine != generation) {
                return;
            }
            if (failure != null) {
                problem.set(LoadProblem.of(failure));
                return;
            }
            problem.set(null);
            rows.setAll(calls.data());
            countUnseen();
        }));
    }

    /** The operator has seen the list (its tab is open): the badge goes to zero until the next missed call. */
    public void markSeen() {
        rows.stream().map(CallListItem::startedAt).filter(Objects::nonNull).max(Instant::compareTo)
                .filter(newest -> newest.isAfter(seenUpTo))
                .ifPresent(newest -> seenUpTo = newest);
        countUnseen();
    }

    /** Rings the operator's desk phone, then the caller (click-to-call). */
    public void callBack(CallListItem call) {
        String number = OtherParty.number(call, user.extensions());
        if (number == null || number.isBlank()) {
            return; // an anonymous caller: nobody to call
        }
        CallBackStatus requested = new CallBackStatus(number, CallBackStatus.Stage.REQUESTED);
        callBack.set(requested);
        CompletableFuture<PlacedCall> answer;
        try {
            answer = Objects.requireNonNull(dialer.callBack(number), "the dialer returned no future");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((placed, failure) -> fxThread.execute(() -> {
            if (callBack.get() == requested) { // not if another call back started meanwhile
                CallBackStatus now = new CallBackStatus(number, failure == null
                        ? CallBackStatus.Stage.PHONE_RINGING : CallBackStatus.Stage.FAILED);
                callBack.set(now);
                if (placed != null) {
                    placed.reportTo(callBack, now, fxThread); // the phone not reached after all
                }
            }
        }));
    }

    /** True for a call that can be called back (the caller's number is known). */
    public boolean canCallBack(CallListItem call) {
        String number = OtherParty.number(call, user.extensions());
        return number != null && !number.isBlank();
    }

    private void countUnseen() {
        unseenCount.set((int) rows.stream()
                .filter(call -> call.startedAt() != null && call.startedAt().isAfter(seenUpTo))
                .count());
    }

    /** The numbers given to this operator to call back; null when none are offered. */
    public ToCallBackViewModel toCallBack() {
        return toCallBack;
    }

    public ObservableList<CallListItem> rows() {
        return readOnlyRows;
    }

    /** The badge on the missed tab. */
    public ReadOnlyIntegerProperty unseenCountProperty() {
        return unseenCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last call back and how it went; null before the first. */
    public ReadOnlyObjectProperty<CallBackStatus> callBackProperty() {
        return callBack.getReadOnlyProperty();
    }

    public UserView user() {
        return user;
    }

    public Clock clock() {
        return clock;
    }

    public PhoneNumbers phones() {
        return phones;
    }
}
