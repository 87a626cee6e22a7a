package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AuditEntry;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Administration window, owned by the main window, made on first use and kept: tabs Users, Import, Dealers,
 * Companies, Lines, Teams and Audit, each built when first opened. Closing it with unsaved changes in the user editor
 * asks first.
 */
public final class AdminWindow {

    /** Opens the window from the main window. */
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Window owner;
    private final Administration administration;
    private final PhoneNumbers numbers;
    private final ObservableValue<Locale> language;
    private final Executor background;
    private final Executor fxThread;
    private final LiveTexts texts;
    private Stage stage;
    private UsersView users;
    private final List<EntityTab<?>> entityTabs = new ArrayList<>();

    /**
     * @param owner      the main window, or null
     * @param numbers    the server's phone rules, as the session says
     * @param background where files are read and written
     */
    public AdminWindow(Window owner, Administration administration, PhoneNumbers numbers,
                       ObservableValue<Locale> language, Executor background, Executor fxThread) {
        this.owner = owner;
        this.administration = Objects.requireNonNull(administration, "administration");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.language = Objects.requireNonNull(language, "language");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.texts = new LiveTexts(AdminWindow.class, language);
    }

    /** Shows the window, or brings it forward; FX thread. */
    public void show() {
        if (stage == null) {
            stage = build();
        }
        stage.show();
        stage.toFront();
    }

    /** Closes the window without asking: the session ends (a logout), unsaved changes go with it. */
    public void close() {
        if (stage != null) {
            stage.hide();
        }
    }

    /** The window's scene's root, for a screenshot or a test; null before {@link #show()}. */
    public Stage stage() {
        return stage;
    }

    private Stage build() {
        Stage window = new Stage();
        if (owner != null) {
            window.initOwner(owner);
        }
        TabPane tabs = new TabPane();
        tabs.setId("admin-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(
                tab("admin-tab-users", "admin.tab.users", Feather.USERS, this::usersTab),
                tab("admin-tab-import", "admin.tab.import", Feather.UPLOAD, () -> new Content(new ImportView(
                        new ImportViewModel(administration, background, fxThread), language).root(), () -> { })),
                tab("admin-tab-dealers", "admin.tab.dealers", Feather.TRUCK, this::dealersTab),
                tab("admin-tab-companies", "admin.tab.companies", Feather.BRIEFCASE, this::companiesTab),
                tab("admin-tab-lines", "admin.tab.lines", Feather.PHONE_INCOMING, this::linesTab),
                tab("admin-tab-teams", "admin.tab.teams", Feather.GRID, this::teamsTab),
                tab("admin-tab-audit", "admin.tab.audit", Feather.LIST, () -> listing(Listing.AUDIT, List.of(
                        new ListingView.Column<AuditEntry>("admin.column.at",
                                entry -> WHEN.format(entry.at().atZone(ZoneId.systemDefault()))),
                        new ListingView.Column<>("admin.column.actor", AuditEntry::actorLogin),
                        new ListingView.Column<>("admin.column.action", AuditEntry::action),
                        new ListingView.Column<>("admin.column.entity", entry -> entry.entity()
                                + (entry.entityId() == null ? "" : " #" + entry.entityId())),
                        new ListingView.Column<>("admin.column.address", AuditEntry::address)))));
        window.setScene(new Scene(tabs, 1280, 700));
        window.getScene().getStylesheets().add(Objects.requireNonNull(
                AdminWindow.class.getResource("admin.css")).toExternalForm());
        window.titleProperty().bind(texts.get("admin.windowTitle"));
        window.setOnCloseRequest(e -> {
            if (users != null && !users.mayLeave() || entityTabs.stream().anyMatch(tab -> !tab.mayLeave())) {
                e.consume();
            }
        });
        return window;
    }

    private Content usersTab() {
        UsersViewModel list = new UsersViewModel(administration, fxThread);
        UserEditorViewModel editor = new UserEditorViewModel(administration, numbers, fxThread, list::show);
        users = new UsersView(list, editor, language);
        list.search();
        return new Content(users.root(), editor::refreshChoices);
    }

    private Content dealersTab() {
        ListingViewModel<AdminDealer> list = new ListingViewModel<>(administration, Listing.DEALERS, fxThread);
        DealerEditorViewModel editor = new DealerEditorViewModel(administration, numbers, fxThread,
                dealer -> list.show(dealer, AdminDealer::id), list::refresh);
        return entityTab(list, editor, EntityEditors.dealer(editor, language), AdminDealer::id, List.of(
                new ListingView.Column<>("admin.column.name", AdminDealer::name, SortKey.DEALER_NAME),
                new ListingView.Column<>("admin.column.company", AdminDealer::companyName, SortKey.DEALER_COMPANY),
                new ListingView.Column<>("admin.column.city", AdminDealer::city, SortKey.DEALER_CITY),
                new ListingView.Column<>("admin.column.phones", d -> phones(d.phones())),
                new ListingView.Column<>("admin.column.comment", AdminDealer::comment)), editor::refreshChoices);
    }

    private Content companiesTab() {
        ListingViewModel<AdminCompany> list = new ListingViewModel<>(administration, Listing.COMPANIES, fxThread);
        CompanyEditorViewModel editor = new CompanyEditorViewModel(administration, numbers, fxThread,
                company -> list.show(company, AdminCompany::id), list::refresh);
        return entityTab(list, editor, EntityEditors.company(editor, language), AdminCompany::id, List.of(
                new ListingView.Column<>("admin.column.name", AdminCompany::name, SortKey.COMPANY_NAME),
                new ListingView.Column<>("admin.column.inn", AdminCompany::inn, SortKey.COMPANY_INN),
                new ListingView.Column<>("admin.column.city", AdminCompany::city, SortKey.COMPANY_CITY),
                new ListingView.Column<>("admin.column.phones", c -> phones(c.phones())),
                new ListingView.Column<>("admin.column.comment", AdminCompany::comment)), () -> { });
    }

    private Content linesTab() {
        ListingViewModel<AdminLine> list = new ListingViewModel<>(administration, Listing.LINES, fxThread);
        LineEditorViewModel editor = new LineEditorViewModel(administration, numbers, fxThread,
                line -> list.show(line, AdminLine::id), list::refresh);
        return entityTab(list, editor, EntityEditors.line(editor, language), AdminLine::id, List.of(
                new ListingView.Column<>("admin.column.number", line -> AdminRules.DID.equals(line.kind())
                        ? numbers.display(line.normalized()) : line.number(), SortKey.LINE_NUMBER),
                new ListingView.Column<>("admin.column.kind", line -> texts.now().get("admin.line.kind."
                        + line.kind())),
                new ListingView.Column<>("admin.column.name", AdminLine::name, SortKey.LINE_NAME),
                new ListingView.Column<>("admin.column.source", AdminLine::source, SortKey.LINE_SOURCE),
                new ListingView.Column<>("admin.column.city", AdminLine::city, SortKey.LINE_CITY)), () -> { });
    }

    private Content teamsTab() {
        ListingViewModel<AdminTeam> list = new ListingViewModel<>(administration, Listing.TEAMS, fxThread);
        TeamEditorViewModel editor = new TeamEditorViewModel(administration, fxThread,
                team -> list.show(team, AdminTeam::id), list::refresh);
        return entityTab(list, editor, EntityEditors.team(editor, language), AdminTeam::id, List.of(
                new ListingView.Column<>("admin.column.name", AdminTeam::name, SortKey.TEAM_NAME),
                new ListingView.Column<>("admin.column.members", team -> team.members().stream()
                        .map(AdminTeam.Member::name).collect(Collectors.joining(", "))),
                new ListingView.Column<>("admin.column.comment", AdminTeam::comment)), editor::refreshChoices);
    }

    private <T> Content entityTab(ListingViewModel<T> list, EntityEditorViewModel<T> editor, Parent editorView,
                                  ToLongFunction<T> id, List<ListingView.Column<T>> columns, Runnable onShown) {
        EntityTab<T> tab = new EntityTab<>(list, editor, editorView, columns, id, language);
        entityTabs.add(tab);
        list.search();
        return new Content(tab.root(), onShown);
    }

    private <T> Content listing(Listing<T> listing, List<ListingView.Column<T>> columns) {
        ListingViewModel<T> vm = new ListingViewModel<>(administration, listing, fxThread);
        vm.search();
        return new Content(new ListingView<>(vm, columns, language).root(), () -> { });
    }

    /**
     * A tab's content and what it does each time it is chosen again: an editor's choices (teams, companies, users)
     * may have changed in another tab.
     */
    private record Content(Parent root, Runnable onShown) {
    }

    private String phones(List<AdminPhone> phones) {
        return phones.stream().map(phone -> numbers.display(phone.normalized() == null ? phone.number()
                : phone.normalized())).collect(Collectors.joining(", "));
    }

    /** A tab whose content is made when it is first chosen. */
    private Tab tab(String id, String key, Feather icon, Supplier<Content> content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(texts.get(key));
        tab.setGraphic(new FontIcon(icon));
        Content[] made = {null};
        tab.selectedProperty().subscribe(selected -> {
            if (!selected) {
                return;
            }
            if (made[0] == null) {
                made[0] = content.get();
                tab.setContent(made[0].root());
            }
            made[0].onShown().run();
        });
        return tab;
    }
}
