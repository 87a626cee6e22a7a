package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import dev.zvonok.app.fx.WholeTextCell;

import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.directory.Role;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Users tab: the search and filters, the table of one page from the server, the pager, and the editor beside. A
 * row chosen, or a new user, passes the unsaved-changes guard first.
 */
public final class UsersView {

    private static final PseudoClass DEACTIVATED = PseudoClass.getPseudoClass("deactivated");
    /** How long typing pauses before the server is asked. */
    private static final Duration TYPING_PAUSE = Duration.millis(300);
    private static final String ANY_ROLE = "any";

    private final UsersViewModel vm;
    private final UserEditorViewModel editor;
    private final LiveTexts texts;
    private final UnsavedChanges guard;
    private final SplitPane root = new SplitPane();
    private final TableView<AdminUser> table = new TableView<>();
    private final EditorSelection<AdminUser> selection;

    public UsersView(UsersViewModel vm, UserEditorViewModel editor, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = new LiveTexts(UsersView.class, language);
        this.guard = new UnsavedChanges(editor, texts);
        this.selection = new EditorSelection<>(table, guard, editor.entityProperty()::get, AdminUser::id, editor::edit);
        root.getItems().setAll(list(), new UserEditorView(editor, language).root());
        root.setDividerPositions(0.6);
        root.getStyleClass().add("admin-users");
    }

    public Parent root() {
        return root;
    }

    /** The guard for the window's closing. */
    boolean mayLeave() {
        return guard.mayLeave();
    }

    private Node list() {
        TextField search = TextFields.createClearableTextField();
        search.setId("admin-users-search");
        search.promptTextProperty().bind(texts.get("admin.users.search"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> vm.search());
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        search.setOnAction(e -> {
            pause.stop();
            vm.search();
        });

        // by name, "any" included: a null item would be an empty cell
        ComboBox<String> role = new ComboBox<>();
        role.setId("admin-users-role");
        role.getItems().setAll(Stream.concat(Stream.of(ANY_ROLE), Arrays.stream(Role.values()).map(Role::wireName))
                .toList());
        LocalizedCells.install(role, r -> texts.get("admin.role." + r));
        role.setValue(vm.roleProperty().get() == null ? ANY_ROLE : vm.roleProperty().get().wireName());
        role.valueProperty().addListener((o, was, now) ->
                vm.roleProperty().set(now == null || now.equals(ANY_ROLE) ? null : Role.of(now)));

        ComboBox<ActiveFilter> active = new ComboBox<>();
        active.setId("admin-users-active");
        active.getItems().setAll(ActiveFilter.values());
        LocalizedCells.install(active, a -> texts.get("admin.active." + a.name().toLowerCase(Locale.ROOT)));
        active.valueProperty().bindBidirectional(vm.activeProperty());

        Button newUser = new Button(null, new FontIcon(Feather.USER_PLUS));
        newUser.setId("admin-new-user");
        newUser.textProperty().bind(texts.get("admin.users.new"));
        newUser.setOnAction(e -> selection.startNew(editor::create));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox choices = new HBox(role, active, gap, newUser);
        choices.getStyleClass().add("admin-filters");
        choices.setAlignment(Pos.CENTER_LEFT);
        VBox filters = new VBox(search, choices);
        filters.getStyleClass().add("admin-filters");

        table();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(filters, table, problem(), ServerListControls.pager(vm, texts, "admin-users"));
        box.getStyleClass().add("admin-list");
        return box;
    }

    private void table() {
        table.setId("admin-users-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(
                column("admin.users.column.login", "admin-users-login", AdminUser::login, SortKey.USER_LOGIN),
                column("admin.users.column.name", "admin-users-name", AdminUser::name, SortKey.USER_NAME),
                roleColumn(),
                column("admin.users.column.city", "admin-users-city", AdminUser::city, SortKey.USER_CITY),
                column("admin.users.column.phones", "admin-users-phones",
                        user -> user.phones().stream().map(UsersView::shown).collect(Collectors.joining(", ")),
                        null));
        ServerSorting.install(table, vm::sortBy);
        Label empty = new Label();
        empty.textProperty().bind(texts.get("admin.users.empty"));
        table.setPlaceholder(empty);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(AdminUser user, boolean isEmpty) {
                super.updateItem(user, isEmpty);
                pseudoClassStateChanged(DEACTIVATED, user != null && !user.active());
            }
        });
    }

    private static String shown(AdminPhone phone) {
        return phone.normalized() == null ? phone.number() : phone.normalized();
    }

    private TableColumn<AdminUser, String> column(String key, String styleClass, Function<AdminUser, String> value,
                                                  SortKey sortKey) {
        TableColumn<AdminUser, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get(key));
        column.getStyleClass().add(styleClass);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new WholeTextCell<>());
        ServerSorting.sortable(column, sortKey);
        return column;
    }

    private TableColumn<AdminUser, String> roleColumn() {
        TableColumn<AdminUser, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get("admin.users.column.role"));
        column.getStyleClass().add("admin-users-role");
        column.setCellValueFactory(cell -> texts.text(t -> t.get("admin.role." + cell.getValue().role().wireName())
                + (cell.getValue().active() ? "" : " " + t.get("admin.user.deactivatedMark"))));
        column.setCellFactory(c -> new WholeTextCell<>());
        ServerSorting.sortable(column, SortKey.USER_ROLE);
        return column;
    }

    private Node problem() {
        Label problem = ServerListControls.problem(vm, texts);
        problem.setId("admin-users-problem");
        return problem;
    }
}
