package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The line editor: an incoming number ({@link AdminRules#DID}, a whole phone number) or a queue of the PBX
 * ({@link AdminRules#QUEUE}, its name there), with the name and the advertising source the card shows, a city and a
 * comment.
 */
public final class LineEditorViewModel extends EntityEditorViewModel<AdminLine> {

    private final Administration administration;
    private final PhoneNumbers numbers;
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(this, "kind", AdminRules.DID);
    private final FormField number = new FormField(this::numberRule);
    private final FormField name = new FormField(text -> TextRules.required(text, 200));
    private final FormField source = new FormField(text -> TextRules.optional(text, 100));
    private final FormField city = new FormField(text -> TextRules.optional(text, 100));
    private final FormField comment = new FormField(text -> TextRules.optional(text, 2000));
    private final StringBinding normalized;

    public LineEditorViewModel(Administration administration, PhoneNumbers numbers, Executor fxThread,
                               Consumer<AdminLine> saved, Runnable deleted) {
        super(fxThread, saved, deleted);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.normalized = Bindings.createStringBinding(() -> {
            if (!AdminRules.DID.equals(kind.get()) || number.invalid()) {
                return "";
            }
            String shown = numbers.display(number.text());
            return shown.equals(number.text()) ? "" : shown;
        }, number.valueProperty(), kind);
        kind.addListener((o, was, now) -> number.recheck());
        watch(kind);
        watchFields();
    }

    private Message numberRule(String text) {
        Message required = TextRules.required(text, 80);
        if (required != null) {
            return required;
        }
        return AdminRules.DID.equals(kind.get()) && !numbers.isComplete(text)
                ? Message.of("admin.problem.wholeNumber") : null;
    }

    @Override
    protected void fill(AdminLine existing) {
        kind.set(existing == null ? AdminRules.DID : existing.kind());
        number.reset(existing == null ? "" : AdminRules.DID.equals(existing.kind()) && existing.normalized() != null
                ? numbers.display(existing.normalized()) : existing.number());
        name.reset(existing == null ? "" : existing.name());
        source.reset(existing == null ? "" : existing.source());
        city.reset(existing == null ? "" : existing.city());
        comment.reset(existing == null ? "" : existing.comment());
    }

    @Override
    protected List<FormField> fields() {
        return List.of(number, name, source, city, comment);
    }

    @Override
    protected Object snapshot() {
        return List.of(kind.get(), number.text(), name.text(), source.text(), city.text(), comment.text());
    }

    @Override
    protected FormField fieldOf(String field) {
        return switch (field) {
            case "number", "kind" -> number;
            case "name" -> name;
            case "source" -> source;
            case "city" -> city;
            case "comment" -> comment;
            default -> null;
        };
    }

    @Override
    protected CompletableFuture<AdminLine> send(AdminLine existing) {
        LineRequest request = new LineRequest(kind.get(), number.text(), name.text(), TextRules.orNull(source),
                TextRules.orNull(city), TextRules.orNull(comment));
        return existing == null ? administration.create(Editable.LINES, request)
                : administration.update(Editable.LINES, existing.id(), request);
    }

    @Override
    protected CompletableFuture<Void> sendDelete(AdminLine existing) {
        return administration.delete(Editable.LINES, existing.id());
    }

    /** {@link AdminRules#DID} or {@link AdminRules#QUEUE}. */
    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public FormField number() {
        return number;
    }

    /** An incoming number as the server will keep it, for people to read; empty while invalid or as typed. */
    public StringBinding normalizedProperty() {
        return normalized;
    }

    public FormField name() {
        return name;
    }

    public FormField source() {
        return source;
    }

    public FormField city() {
        return city;
    }

    public FormField comment() {
        return comment;
    }
}
