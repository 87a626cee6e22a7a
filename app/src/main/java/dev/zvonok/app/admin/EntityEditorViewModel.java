package dev.zvonok.app.admin;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the editors of dealers, companies, lines and teams share: a new row or an existing one in the form, the
 * fields checked as the admin types, save (create or update) and delete, the server's refusals next to their field,
 * and whether there are unsaved changes. A subclass says what its fields are and what it sends. FX thread; answers
 * come back through the injected executor.
 *
 * @param <T> a row as the server shows it
 */
public abstract class EntityEditorViewModel<T> implements Editor {

    private final Executor fxThread;
    private final Consumer<T> saved;
    private final Runnable deleted;
    private final ReadOnlyObjectWrapper<EditorMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", EditorMode.NONE);
    private final ReadOnlyObjectWrapper<T> entity = new ReadOnlyObjectWrapper<>(this, "entity");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanBinding editing = mode.isEqualTo(EditorMode.EDIT);
    private Object baseline;

    /**
     * @param saved   told of every row the server saved, to update the list
     * @param deleted told when the row was deleted, to update the list
     */
    protected EntityEditorViewModel(Executor fxThread, Consumer<T> saved, Runnable deleted) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.saved = Objects.requireNonNull(saved, "saved");
        this.deleted = Objects.requireNonNull(deleted, "deleted");
    }

    // ---------------------------------------------------------------------------------------------- the subclass

    /** Puts the row (null: an empty form) into the fields. */
    protected abstract void fill(T existing);

    /** The text fields, each checked before sending. */
    protected abstract List<FormField> fields();

    /** What the form holds, to tell whether it changed; equal when nothing did. */
    protected abstract Object snapshot();

    /** The field of a name the server gives in a refusal ({@code name}, {@code phones[0].number}), or null. */
    protected abstract FormField fieldOf(String field);

    /** Creates ({@code existing} null) or updates the row with what the form holds. */
    protected abstract CompletableFuture<T> send(T existing);

    protected abstract CompletableFuture<Void> sendDelete(T existing);

    /** Anything that is part of the form besides its text fields: a change of it is an unsaved change. */
    protected final void watch(ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            value.addListener((o, was, now) -> changed());
        }
    }

    protected final void watch(ObservableList<?> list) {
        list.addListener((ListChangeListener<Object>) change -> changed());
    }

    /** The subclass's constructor calls this once its fields exist. */
    protected final void watchFields() {
        fields().forEach(field -> watch(field.valueProperty()));
        load(null);
    }

    // ---------------------------------------------------------------------------------------------- commands

    /** An empty form for a new row. */
    public void create() {
        entity.set(null);
        mode.set(EditorMode.CREATE);
        load(null);
    }

    /** The form of an existing row, its numbers as the server normalised them. */
    public void edit(T existing) {
        entity.set(Objects.requireNonNull(existing, "existing"));
        mode.set(EditorMode.EDIT);
        load(existing);
    }

    /** Leaves the form: nothing chosen. */
    public void close() {
        entity.set(null);
        mode.set(EditorMode.NONE);
        load(null);
    }

    @Override
    public void revert() {
        switch (mode.get()) {
            case CREATE -> create();
            case EDIT -> edit(entity.get());
            case NONE -> close();
        }
    }

    /**
     * Sends the form. With a problem in it nothing is sent and every problem shows.
     *
     * @return done when the server answered (saved or refused); the outcome is in the properties
     */
    public CompletableFuture<Void> save() {
        if (mode.get() == EditorMode.NONE || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        notice.set(null);
        boolean valid = true;
        for (FormField field : fields()) {
            field.showProblems();
            valid &= !field.invalid();
        }
        if (!valid) {
            problem.set(Message.of("admin.problem.seeFields"));
            return CompletableFuture.completedFuture(null);
        }
        return answered(send(entity.get()), savedKey());
    }

    /** Deletes the row being edited. Only without unsaved changes: they would be lost. */
    public CompletableFuture<Void> delete() {
        if (!mayChangeAsIs()) {
            return CompletableFuture.completedFuture(null);
        }
        return asked(sendDelete(entity.get()), null, () -> {
            close();
            deleted.run();
        }, "admin.editor.deleted");
    }

    /** What the notice says after a save. */
    protected String savedKey() {
        return "admin.editor.saved";
    }

    /** Whether a command on the row as the server has it may go now: one being edited, nothing unsaved or under way. */
    protected final boolean mayChangeAsIs() {
        return mode.get() == EditorMode.EDIT && !busy.get() && !dirty.get();
    }

    /** The server's answer is the row now: the form holds it, the list is told, the notice says {@code success}. */
    protected final CompletableFuture<Void> answered(CompletableFuture<T> sent, String success) {
        return asked(sent, null, answer -> {
            edit(answer);
            saved.accept(answer);
        }, success);
    }

    /**
     * Waits for a request other than a save (the editor is busy meanwhile).
     *
     * @param fallback where a refusal naming no field of the form goes; null for the form as a whole
     * @param done     what follows a success, before the notice says {@code success}
     */
    protected final CompletableFuture<Void> asked(CompletableFuture<?> sent, FormField fallback, Runnable done,
                                                  String success) {
        return asked(sent, fallback, answer -> done.run(), success);
    }

    private <A> CompletableFuture<Void> asked(CompletableFuture<A> sent, FormField fallback, Consumer<A> done,
                                              String success) {
        busy.set(true);
        problem.set(null);
        notice.set(null);
        return sent.handleAsync((answer, failure) -> {
            busy.set(false);
            if (failure != null) {
                problem.set(Refusals.place(failure, this::fieldOf, fallback));
            } else {
                done.accept(answer);
                notice.set(Message.of(success));
            }
            return null;
        }, fxThread);
    }

    // ---------------------------------------------------------------------------------------------- state

    private void load(T existing) {
        baseline = null; // no "changed" while the fields are filled one by one
        fill(existing);
        problem.set(null);
        notice.set(null);
        baseline = snapshot();
        dirty.set(false);
    }

    private void changed() {
        if (baseline != null) {
            dirty.set(!snapshot().equals(baseline));
        }
    }

    public ReadOnlyObjectProperty<EditorMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The row as the server has it, when editing one; null otherwise. */
    public ReadOnlyObjectProperty<T> entityProperty() {
        return entity.getReadOnlyProperty();
    }

    public BooleanBinding editingProperty() {
        return editing;
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A refusal of the form as a whole, or a failure to reach the server. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What just went well ("saved"). */
    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
