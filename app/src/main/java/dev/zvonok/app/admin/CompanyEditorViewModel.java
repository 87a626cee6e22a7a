package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The company editor: name, INN, city, comment and the numbers it calls from. */
public final class CompanyEditorViewModel extends EntityEditorViewModel<AdminCompany> {

    private final Administration administration;
    private final FormField name = new FormField(text -> TextRules.required(text, 200));
    private final FormField inn = new FormField(text -> TextRules.optional(text, 20));
    private final FormField city = new FormField(text -> TextRules.optional(text, 100));
    private final FormField comment = new FormField(text -> TextRules.optional(text, 2000));
    private final PhoneList phones;

    public CompanyEditorViewModel(Administration administration, PhoneNumbers numbers, Executor fxThread,
                                  Consumer<AdminCompany> saved, Runnable deleted) {
        super(fxThread, saved, deleted);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.phones = new PhoneList(numbers, null);
        watch(phones.rows());
        watchFields();
    }

    @Override
    protected void fill(AdminCompany existing) {
        name.reset(existing == null ? "" : existing.name());
        inn.reset(existing == null ? "" : existing.inn());
        city.reset(existing == null ? "" : existing.city());
        comment.reset(existing == null ? "" : existing.comment());
        phones.fill(existing == null ? List.of() : existing.phones());
    }

    @Override
    protected List<FormField> fields() {
        List<FormField> all = new ArrayList<>(List.of(name, inn, city, comment));
        all.addAll(phones.fields());
        return all;
    }

    @Override
    protected Object snapshot() {
        return List.of(name.text(), inn.text(), city.text(), comment.text(), phones.snapshot());
    }

    @Override
    protected FormField fieldOf(String field) {
        return switch (field) {
            case "name" -> name;
            case "inn" -> inn;
            case "city" -> city;
            case "comment" -> comment;
            default -> phones.fieldOf(field);
        };
    }

    @Override
    protected CompletableFuture<AdminCompany> send(AdminCompany existing) {
        CompanyRequest request = new CompanyRequest(name.text(), TextRules.orNull(inn), TextRules.orNull(city),
                TextRules.orNull(comment), phones.wire());
        return existing == null ? administration.create(Editable.COMPANIES, request)
                : administration.update(Editable.COMPANIES, existing.id(), request);
    }

    @Override
    protected CompletableFuture<Void> sendDelete(AdminCompany existing) {
        return administration.delete(Editable.COMPANIES, existing.id());
    }

    public FormField name() {
        return name;
    }

    public FormField inn() {
        return inn;
    }

    public FormField city() {
        return city;
    }

    public FormField comment() {
        return comment;
    }

    public PhoneList phones() {
        return phones;
    }
}
