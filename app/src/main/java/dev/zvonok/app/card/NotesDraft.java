package dev.zvonok.app.card;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.CallNotesRules;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the operator writes on one card (notes, tags, priority, the client's details) and how it stands with the
 * server: the version the server last stored, and whether the newest edit is saved. Every edit goes out whole to
 * {@code edited}; loading what the server sent does not.
 */
public final class NotesDraft {

    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final StringProperty clientName = new SimpleStringProperty(this, "clientName", "");
    private final StringProperty clientCompany = new SimpleStringProperty(this, "clientCompany", "");
    private final StringProperty clientAddress = new SimpleStringProperty(this, "clientAddress", "");
    private final StringProperty clientComment = new SimpleStringProperty(this, "clientComment", "");
    private final ReadOnlyObjectWrapper<SaveState> saveState =
            new ReadOnlyObjectWrapper<>(this, "saveState", SaveState.UNCHANGED);

    private final Consumer<CallNotes> edited;
    private int version;
    /** The server's notes that refused ours, while the operator decides. */
    private CallNotes theirs;
    /** True while the server's notes (or the known client) are being put in: that is no edit. */
    private boolean loading;
    /** What the server knows of the client behind the number; the client fields start from it. Null: nothing. */
    private ClientInfo knownClient;
    /** The operator changed a client field themselves: from then on the card's client is theirs alone. */
    private boolean clientTouched;
    /** The client fields show the known client and no save has carried it yet: the finish must. */
    private boolean prefillUnsent;
    private final ReadOnlyBooleanWrapper prefilled = new ReadOnlyBooleanWrapper(this, "prefilled");

    NotesDraft(Consumer<CallNotes> edited) {
        this.edited = edited;
        ChangeListener<Object> onChange = (property, was, now) -> changed();
        notes.addListener(onChange);
        priority.addListener(onChange);
        ChangeListener<Object> onClientChange = (property, was, now) -> {
            if (!loading) {
                clientTouched = true;
                prefilled.set(false);
            }
            changed();
        };
        clientName.addListener(onClientChange);
        clientCompany.addListener(onClientChange);
        clientAddress.addListener(onClientChange);
        clientComment.addListener(onClientChange);
        tags.addListener((ListChangeListener<String>) change -> changed());
    }

    // ------------------------------------------------------------------------------------------ edited by the view

    public StringProperty notesProperty() {
        return notes;
    }

    /** Read-only: tags change through {@link #addTag} and {@link #removeTag}, which keep them within the limits. */
    public ObservableList<String> tags() {
        return tagsView;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public StringProperty clientNameProperty() {
        return clientName;
    }

    public StringProperty clientCompanyProperty() {
        return clientCompany;
    }

    public StringProperty clientAddressProperty() {
        return clientAddress;
    }

    public StringProperty clientCommentProperty() {
        return clientComment;
    }

    /** The client fields show what was known of the number, as it came, untouched by the operator. */
    public ReadOnlyBooleanProperty prefilledProperty() {
        return prefilled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    public SaveState saveState() {
        return saveState.get();
    }

    /**
     * Adds {@code tag} (trimmed) unless it is blank, too long, already there (in any case) or one too many.
     *
     * @return whether it was added
     */
    public boolean addTag(String tag) {
        if (tag == null) {
            return false;
        }
        String trimmed = tag.strip();
        if (trimmed.isEmpty() || !CallNotesRules.fits(trimmed, CallNotes.MAX_TAG_CHARS)
                || tags.size() >= CallNotes.MAX_TAGS) {
            return false;
        }
        String key = trimmed.toLowerCase(Locale.ROOT);
        if (tags.stream().anyMatch(existing -> existing.toLowerCase(Locale.ROOT).equals(key))) {
            return false;
        }
        tags.add(trimmed);
        return true;
    }

    public void removeTag(String tag) {
        tags.remove(tag);
    }

    /** The server's notes that conflict with ours, or null when there is no conflict. */
    public CallNotes theirs() {
        return theirs;
    }

    /** Conflict: save ours over theirs (the version they were stored under is the one we edit now). */
    public void keepMine() {
        if (theirs == null) {
            return;
        }
        version = Math.max(version, theirs.version());
        theirs = null;
        saveState.set(SaveState.SAVING);
        send();
    }

    /** Conflict: drop ours and show theirs, which are stored already. */
    public void takeTheirs() {
        if (theirs == null) {
            return;
        }
        CallNotes stored = theirs;
        theirs = null;
        load(stored);
        saveState.set(SaveState.SAVED);
    }

    // ------------------------------------------------------------------------------------------ from the server

    /** The card as it will be sent: within the server's limits, blank client fields left out. */
    public CallNotes draft() {
        ClientInfo client = new ClientInfo(field(clientName.get()), field(clientCompany.get()),
                field(clientAddress.get()), field(clientComment.get()));
        String text = CallNotesRules.clip(notes.get() == null ? "" : notes.get(), CallNotes.MAX_NOTES_CHARS);
        return new CallNotes(text, List.copyOf(tags), priority.get(), client, version);
    }

    int version() {
        return version;
    }

    /** Puts the server's notes in, replacing what is shown. */
    void load(CallNotes stored) {
        CallNotes from = stored == null ? CallNotes.NONE : stored;
        loading = true;
        try {
            notes.set(from.notes());
            tags.setAll(from.tags());
            priority.set(from.priority());
            ClientInfo client = from.clientInfo();
            clientName.set(text(client.name()));
            clientCompany.set(text(client.company()));
            clientAddress.set(text(client.address()));
            clientComment.set(text(client.comment()));
            version = from.version();
        } finally {
            loading = false;
        }
        saveState.set(from.version() > 0 ? SaveState.SAVED : SaveState.UNCHANGED);
        prefillUnsent = false;
        prefilled.set(false);
        showKnownClient(); // stored notes without a client still start from the known one
    }

    /**
     * What the server knows of the client behind the number: shown in the client fields while they are all empty
     * and the operator has not changed them, as no edit (nothing is sent, nothing is "unsaved"). It is stored with
     * the card's next save, or at the latest with its finish. The first one a card gets is the one it keeps.
     */
    void prefill(ClientInfo known) {
        if (known == null || known.isEmpty() || knownClient != null) {
            return;
        }
        knownClient = known;
        showKnownClient();
    }

    /**
     * Before the finish goes out: the known client the fields show and no save has carried yet is sent now, so that
     * what the card showed is what is stored for this call.
     */
    void sendPrefill() {
        if (prefillUnsent && saveState.get() != SaveState.CONFLICT) {
            saveState.set(SaveState.SAVING);
            send();
        }
    }

    private void showKnownClient() {
        if (knownClient == null || clientTouched || !clientFieldsEmpty()) {
            return; // never over what the operator typed, nor over a client stored for this call
        }
        loading = true;
        try {
            clientName.set(text(knownClient.name()));
            clientCompany.set(text(knownClient.company()));
            clientAddress.set(text(knownClient.address()));
            clientComment.set(text(knownClient.comment()));
        } finally {
            loading = false;
        }
        prefillUnsent = true;
        prefilled.set(true);
    }

    private boolean clientFieldsEmpty() {
        return Stream.of(clientName, clientCompany, clientAddress, clientComment)
                .allMatch(field -> field.get() == null || field.get().isBlank());
    }

    /** After a reconnect: the server's notes, unless the operator has edits here the server has not got yet. */
    void restore(CallNotes stored) {
        if (!hasUnsavedEdits()) {
            load(stored);
        }
    }

    /**
     * After a crash or a restart: what the operator typed and the server never acknowledged goes back on the card, on
     * top of the server's version (the outbox sends it again).
     */
    void recover(CallNotes unsaved) {
        int stored = version;
        load(unsaved);
        version = stored;
        saveState.set(SaveState.SAVING);
    }

    boolean hasUnsavedEdits() {
        SaveState state = saveState.get();
        return state == SaveState.SAVING || state == SaveState.CONFLICT || state == SaveState.FAILED;
    }

    /** {@code notes-updated}: stored under {@code storedVersion}. */
    void saved(int storedVersion) {
        version = Math.max(version, storedVersion);
        if (saveState.get() == SaveState.SAVING || saveState.get() == SaveState.FAILED) {
            saveState.set(SaveState.SAVED);
        }
    }

    /** {@code error stale-version}: somebody stored {@code current} meanwhile. */
    void refused(CallNotes current) {
        theirs = current == null ? CallNotes.NONE : current;
        saveState.set(SaveState.CONFLICT);
    }

    /** Any other refusal: the next edit tries again. */
    void failed() {
        saveState.set(SaveState.FAILED);
    }

    /** Sends the draft again, e.g. under a new call id. */
    void resend() {
        send();
    }

    private void changed() {
        if (loading) {
            return;
        }
        if (priority.get() == null) {
            priority.set(Priority.NORMAL); // a cleared choice means "normal", and comes back here as an edit
            return;
        }
        if (saveState.get() == SaveState.CONFLICT) {
            return; // saving now would be refused again; "keep mine" sends it all
        }
        saveState.set(SaveState.SAVING);
        send();
    }

    /** Every save is the whole card: the client fields as they are go with it, known client included. */
    private void send() {
        prefillUnsent = false;
        edited.accept(draft());
    }

    private static String field(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return CallNotesRules.clip(value.strip(), CallNotes.MAX_CLIENT_FIELD_CHARS);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
