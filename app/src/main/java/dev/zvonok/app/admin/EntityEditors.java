package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.fx.CheckedItems;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The forms of the dealer, company, line and team editors, each bound to its view-model. */
final class EntityEditors {

    private EntityEditors() {
    }

    static Parent dealer(DealerEditorViewModel vm, ObservableValue<Locale> language) {
        LiveTexts texts = new LiveTexts(EntityEditors.class, language);
        EditorForm form = new EditorForm(texts, "admin-dealer");
        form.addText("admin.field.name", "name", vm.name());
        // a searchable list: a call centre has hundreds of companies
        SearchableComboBox<AdminCompany> company = new SearchableComboBox<>(vm.companies());
        company.setId(form.id("company"));
        company.setConverter(new StringConverter<>() {
            @Override
            public String toString(AdminCompany c) {
                return c == null ? "" : c.name();
            }

            @Override
            public AdminCompany fromString(String name) {
                return vm.companies().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            }
        });
        company.promptTextProperty().bind(texts.get("admin.field.noCompany"));
        company.valueProperty().bindBidirectional(vm.companyProperty());
        company.setMaxWidth(Double.MAX_VALUE);
        Button independent = new Button(null, new FontIcon(Feather.X));
        independent.setId(form.id("no-company"));
        independent.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        independent.disableProperty().bind(vm.companyProperty().isNull());
        independent.setOnAction(e -> vm.companyProperty().set(null));
        HBox companyLine = new HBox(company, independent);
        HBox.setHgrow(company, Priority.ALWAYS);
        form.add("admin.field.company", companyLine, null);
        form.addText("admin.field.city", "city", vm.city());
        form.addArea("admin.field.comment", "comment", vm.comment());
        return new EntityEditorView<>(vm, form, texts, "admin.dealer", AdminDealer::name,
                List.of(form.phones(vm.phones(), "admin.field.phones", List.of()))).root();
    }

    static Parent company(CompanyEditorViewModel vm, ObservableValue<Locale> language) {
        LiveTexts texts = new LiveTexts(EntityEditors.class, language);
        EditorForm form = new EditorForm(texts, "admin-company");
        form.addText("admin.field.name", "name", vm.name());
        form.addText("admin.field.inn", "inn", vm.inn());
        form.addText("admin.field.city", "city", vm.city());
        form.addArea("admin.field.comment", "comment", vm.comment());
        return new EntityEditorView<>(vm, form, texts, "admin.company", AdminCompany::name,
                List.of(form.phones(vm.phones(), "admin.field.phones", List.of()))).root();
    }

    static Parent line(LineEditorViewModel vm, ObservableValue<Locale> language) {
        LiveTexts texts = new LiveTexts(EntityEditors.class, language);
        EditorForm form = new EditorForm(texts, "admin-line");
        ComboBox<String> kind = new ComboBox<>();
        kind.setId(form.id("kind"));
        kind.getItems().setAll(AdminRules.DID, AdminRules.QUEUE);
        LocalizedCells.install(kind, k -> texts.get("admin.line.kind." + k));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        form.add("admin.field.kind", kind, null);
        Label normalized = new Label();
        normalized.getStyleClass().add(Styles.TEXT_MUTED);
        normalized.textProperty().bind(vm.normalizedProperty());
        HBox number = new HBox(form.text("number", vm.number()), normalized);
        HBox.setHgrow(number.getChildren().getFirst(), Priority.ALWAYS);
        number.getStyleClass().add("admin-phone");
        form.add("admin.field.number", number, vm.number());
        form.addText("admin.field.name", "name", vm.name());
        form.addText("admin.field.source", "source", vm.source());
        form.addText("admin.field.city", "city", vm.city());
        form.addArea("admin.field.comment", "comment", vm.comment());
        return new EntityEditorView<>(vm, form, texts, "admin.line", AdminLine::name, List.of()).root();
    }

    static Parent team(TeamEditorViewModel vm, ObservableValue<Locale> language) {
        LiveTexts texts = new LiveTexts(EntityEditors.class, language);
        EditorForm form = new EditorForm(texts, "admin-team");
        form.addText("admin.field.name", "name", vm.name());
        CheckComboBox<AdminTeam.Member> members = new CheckComboBox<>();
        members.setId(form.id("members"));
        members.setConverter(new StringConverter<>() {
            @Override
            public String toString(AdminTeam.Member member) {
                return member == null ? "" : member.name() + " (" + member.login() + ")";
            }

            @Override
            public AdminTeam.Member fromString(String text) {
                return null; // chosen, never typed
            }
        });
        members.titleProperty().bind(texts.text(t -> vm.members().isEmpty() ? t.get("admin.field.noMembers")
                : vm.members().stream().map(AdminTeam.Member::name).collect(Collectors.joining(", ")),
                vm.members()));
        members.setMaxWidth(Double.MAX_VALUE);
        CheckedItems.bind(members, vm.choices(), vm.members());
        form.add("admin.field.members", members, null);
        form.addArea("admin.field.comment", "comment", vm.comment());
        return new EntityEditorView<>(vm, form, texts, "admin.team", AdminTeam::name, List.of()).root();
    }
}
