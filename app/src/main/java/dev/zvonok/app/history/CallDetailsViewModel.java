package dev.zvonok.app.history;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.TransferView;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One call in full, for its details window: what the list knew is shown at once, the rest (every offer, transfers,
 * every operator's card) once the server has answered. All methods on the FX thread; the answer comes back through the
 * injected executor, and an answer overtaken by a newer load is dropped.
 */
public final class CallDetailsViewModel {

    private final CallDetailsSource source;
    private final Executor fxThread;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final Collection<String> ownExtensions;

    private final ReadOnlyObjectWrapper<CallListItem> call = new ReadOnlyObjectWrapper<>(this, "call");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LoadProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<OfferView> offers = FXCollections.observableArrayList();
    private final ObservableList<TransferView> transfers = FXCollections.observableArrayList();
    private final ObservableList<CallCard> cards = FXCollections.observableArrayList();
    private final ObservableList<OfferView> readOnlyOffers = FXCollections.unmodifiableObservableList(offers);
    private final ObservableList<TransferView> readOnlyTransfers = FXCollections.unmodifiableObservableList(transfers);
    private final ObservableList<CallCard> readOnlyCards = FXCollections.unmodifiableObservableList(cards);

    private long generation;

    /**
     * @param call          the call as a list showed it: its id, and what is shown until the server answers
     * @param clock         in which zone times are shown: the operator's
     * @param ownExtensions the operator's phones: of an internal call, the other one is the party shown
     */
    public CallDetailsViewModel(CallDetailsSource source, CallListItem call, Executor fxThread, Clock clock,
                                PhoneNumbers phones, Collection<String> ownExtensions) {
        this.source = Objects.requireNonNull(source, "source");
        this.call.set(Objects.requireNonNull(call, "call"));
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.ownExtensions = List.copyOf(ownExtensions);
    }

    /** Asks the server for the whole call: when the window opens, and again on "Try again". */
    public void load() {
        long mine = ++generation;
        loading.set(true);
        String id = call.get().id();
        CompletableFuture<CallDetails> answer = Answers.of(() -> source.call(id), "the source");
        answer.whenComplete((details, failure) -> fxThread.execute(() -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                problem.set(LoadProblem.of(failure));
                return;
            }
            problem.set(null);
            show(details);
        }));
    }

    private void show(CallDetails details) {
        call.set(details.call());
        offers.setAll(details.offers());
        transfers.setAll(details.transfers());
        cards.setAll(details.offers().stream().map(CallCard::of).filter(Objects::nonNull).toList());
        loaded.set(true);
    }

    /** The call: as the list had it until the server answered, then as the server has it now. */
    public ReadOnlyObjectProperty<CallListItem> callProperty() {
        return call.getReadOnlyProperty();
    }

    /** The server's answer is in: offers, transfers and cards are what it said (each may be empty). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed; null after a success. What was shown before stays. */
    public ReadOnlyObjectProperty<LoadProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Every operator the call rang for or who took it, in ring order. */
    public ObservableList<OfferView> offers() {
        return readOnlyOffers;
    }

    public ObservableList<TransferView> transfers() {
        return readOnlyTransfers;
    }

    /** The cards operators wrote on or finished, in ring order. */
    public ObservableList<CallCard> cards() {
        return readOnlyCards;
    }

    /** The other party's number as the operator reads it: "+7 927 139-09-07", an extension as it is. */
    public String otherPartyNumber() {
        String number = OtherParty.number(call.get(), ownExtensions);
        return number == null ? "" : phones.display(number);
    }

    public Clock clock() {
        return clock;
    }

    public PhoneNumbers phones() {
        return phones;
    }
}
