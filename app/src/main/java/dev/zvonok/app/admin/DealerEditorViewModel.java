package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The dealer editor: name, its company (chosen among the companies, or none), city, comment and its numbers. */
public final class DealerEditorViewModel extends EntityEditorViewModel<AdminDealer> {

    private final Administration administration;
    private final Executor fxThread;
    private final FormField name = new FormField(text -> TextRules.required(text, 200));
    private final FormField city = new FormField(text -> TextRules.optional(text, 100));
    private final FormField comment = new FormField(text -> TextRules.optional(text, 2000));
    private final ObjectProperty<AdminCompany> company = new SimpleObjectProperty<>(this, "company");
    private final ObservableList<AdminCompany> companies = FXCollections.observableArrayList();
    private final PhoneList phones;

    public DealerEditorViewModel(Administration administration, PhoneNumbers numbers, Executor fxThread,
                                 Consumer<AdminDealer> saved, Runnable deleted) {
        super(fxThread, saved, deleted);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.fxThread = fxThread;
        this.phones = new PhoneList(numbers, null);
        watch(company);
        watch(phones.rows());
        watchFields();
    }

    /** The companies to choose from, by name, as the server has them now (the tab was opened again). */
    public CompletableFuture<Void> refreshChoices() {
        return administration.list(Listing.COMPANIES, ListQuery.choices(Sort.ascending(SortKey.COMPANY_NAME)))
                .thenAcceptAsync(page -> {
                    List<AdminCompany> found = new ArrayList<>(page.data());
                    AdminCompany chosen = company.get();
                    if (chosen != null && found.stream().noneMatch(c -> c.id() == chosen.id())) {
                        found.add(chosen);
                    }
                    companies.setAll(found);
                    if (chosen != null) {
                        company.set(found.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(chosen));
                    }
                }, fxThread);
    }

    @Override
    protected void fill(AdminDealer existing) {
        name.reset(existing == null ? "" : existing.name());
        city.reset(existing == null ? "" : existing.city());
        comment.reset(existing == null ? "" : existing.comment());
        company.set(existing == null || existing.companyId() == null ? null : companyOf(existing));
        phones.fill(existing == null ? List.of() : existing.phones());
    }

    /** The dealer's company among the choices; one beyond them (there are more than a page) joins them. */
    private AdminCompany companyOf(AdminDealer dealer) {
        return companies.stream().filter(c -> c.id() == dealer.companyId()).findFirst().orElseGet(() -> {
            AdminCompany known = new AdminCompany(dealer.companyId(), dealer.companyName(), null, null, null,
                    List.of());
            companies.add(known);
            return known;
        });
    }

    @Override
    protected List<FormField> fields() {
        List<FormField> all = new ArrayList<>(List.of(name, city, comment));
        all.addAll(phones.fields());
        return all;
    }

    @Override
    protected Object snapshot() {
        return List.of(name.text(), city.text(), comment.text(),
                company.get() == null ? -1L : company.get().id(), phones.snapshot());
    }

    @Override
    protected FormField fieldOf(String field) {
        return switch (field) {
            case "name" -> name;
            case "city" -> city;
            case "comment" -> comment;
            default -> phones.fieldOf(field);
        };
    }

    @Override
    protected CompletableFuture<AdminDealer> send(AdminDealer existing) {
        DealerRequest request = new DealerRequest(name.text(), company.get() == null ? null : company.get().id(),
                TextRules.orNull(city), TextRules.orNull(comment), phones.wire());
        return existing == null ? administration.create(Editable.DEALERS, request)
                : administration.update(Editable.DEALERS, existing.id(), request);
    }

    @Override
    protected CompletableFuture<Void> sendDelete(AdminDealer existing) {
        return administration.delete(Editable.DEALERS, existing.id());
    }

    public FormField name() {
        return name;
    }

    public FormField city() {
        return city;
    }

    public FormField comment() {
        return comment;
    }

    /** Null for an independent dealer. */
    public ObjectProperty<AdminCompany> companyProperty() {
        return company;
    }

    public ObservableList<AdminCompany> companies() {
        return companies;
    }

    public PhoneList phones() {
        return phones;
    }
}
