package dev.zvonok.app.settings;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.Settings.CardCorner;
import dev.zvonok.app.settings.Settings.Theme;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Settings pane, built in code; it only binds to its {@link SettingsViewModel}. */
public final class SettingsView {

    private final SettingsViewModel vm;
    private final LiveTexts texts;
    private final Runnable close;
    private final VBox root = new VBox();

    /**
     * @param language the UI's language (the settings in force, not the draft)
     * @param close    what "Close" and Escape do after the draft is dropped: hide the window that holds this pane
     */
    public SettingsView(SettingsViewModel vm, ObservableValue<Locale> language, Runnable close) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(SettingsView.class, language);
        this.close = Objects.requireNonNull(close, "close");
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("settings");
        root.getStylesheets().add(Objects.requireNonNull(
                SettingsView.class.getResource("settings.css")).toExternalForm());

        Label title = new Label();
        title.textProperty().bind(texts.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);

        GridPane form = new GridPane();
        form.getStyleClass().add("settings-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        TextField server = new TextField();
        server.setId("settings-server");
        server.textProperty().bindBidirectional(vm.serverProperty());
        server.pseudoClassStateChanged(Styles.STATE_DANGER, !vm.serverValidProperty().get());
        vm.serverValidProperty().addListener((o, was, valid) ->
                server.pseudoClassStateChanged(Styles.STATE_DANGER, !valid));
        Label serverProblem = hint("settings.server.invalid");
        serverProblem.getStyleClass().add(Styles.DANGER);
        showWhen(serverProblem, vm.serverValidProperty().not());
        row(form, 0, "settings.server", server, new VBox(server, serverProblem));

        TextField caFile = new TextField();
        caFile.setId("settings-ca-file");
        caFile.textProperty().bindBidirectional(vm.caFileProperty());
        caFile.pseudoClassStateChanged(Styles.STATE_DANGER, !vm.caFileValidProperty().get());
        vm.caFileValidProperty().addListener((o, was, valid) -> caFile.pseudoClassStateChanged(Styles.STATE_DANGER,
                !valid));
        HBox.setHgrow(caFile, Priority.ALWAYS);
        Button chooseCa = new Button();
        chooseCa.setId("settings-ca-file-choose");
        chooseCa.textProperty().bind(texts.get("settings.caFile.choose"));
        chooseCa.setOnAction(e -> chooseCaFile(chooseCa));
        HBox caRow = new HBox(6, caFile, chooseCa);
        caRow.setAlignment(Pos.CENTER_LEFT);
        Label caProblem = hint("settings.caFile.invalid");
        caProblem.getStyleClass().add(Styles.DANGER);
        showWhen(caProblem, vm.caFileValidProperty().not());
        row(form, 1, "settings.caFile", caFile, new VBox(caRow, caProblem, hint("settings.caFile.hint")));

        ComboBox<Locale> languages = new ComboBox<>();
        languages.setId("settings-language");
        languages.getItems().setAll(Languages.ALL);
        languages.valueProperty().bindBidirectional(vm.languageProperty());
        // each language in its own name: whoever cannot read the current one still finds theirs
        LocalizedCells.install(languages, locale -> new SimpleStringProperty(ownName(locale)));
        row(form, 2, "settings.language", languages, languages);

        CheckBox sound = checkBox("settings-sound", "settings.sound");
        sound.selectedProperty().bindBidirectional(vm.soundOnProperty());
        row(form, 3, null, sound, sound);

        Slider volume = new Slider(0, 1, vm.volumeProperty().get());
        volume.setId("settings-volume");
        volume.valueProperty().bindBidirectional(vm.volumeProperty());
        volume.disableProperty().bind(vm.soundOnProperty().not());
        volume.setBlockIncrement(0.1);
        HBox.setHgrow(volume, Priority.ALWAYS);
        Button test = new Button(null, new FontIcon(Feather.VOLUME_2));
        test.setId("settings-test-ring");
        test.textProperty().bind(texts.get("settings.testRing"));
        test.setMnemonicParsing(true);
        test.disableProperty().bind(vm.soundOnProperty().not());
        test.setOnAction(e -> vm.testRing());
        HBox volumeRow = new HBox(volume, test);
        volumeRow.getStyleClass().add("settings-inline");
        volumeRow.setAlignment(Pos.CENTER_LEFT);
        row(form, 4, "settings.volume", volume, volumeRow);

        ComboBox<CardCorner> corner = new ComboBox<>();
        corner.setId("settings-card-corner");
        corner.getItems().setAll(CardCorner.values());
        corner.valueProperty().bindBidirectional(vm.cardCornerProperty());
        LocalizedCells.install(corner, value -> texts.get("settings.corner." + value.name()));
        ComboBox<Integer> screen = new ComboBox<>();
        screen.setId("settings-card-screen");
        List<String> screens = CardScreens.describe();
        screen.getItems().setAll(IntStream.rangeClosed(0, screens.size()).boxed().toList());
        if (!screen.getItems().contains(vm.cardScreenProperty().get())) {
            screen.getItems().add(vm.cardScreenProperty().get()); // chosen on a screen unplugged since
        }
        screen.valueProperty().bindBidirectional(vm.cardScreenProperty());
        LocalizedCells.install(screen, value -> value == 0 ? texts.get("settings.screen.primary")
                : texts.format("settings.screen.numbered", value,
                        value <= screens.size() ? screens.get(value - 1) : "\u2014"));
        HBox placement = new HBox(corner, screen);
        placement.getStyleClass().add("settings-inline");
        placement.setAlignment(Pos.CENTER_LEFT);
        row(form, 5, "settings.cardCorner", corner, placement);

        CheckBox startAtLogin = checkBox("settings-start-at-login", "settings.startAtLogin");
        startAtLogin.selectedProperty().bindBidirectional(vm.startAtLoginProperty());
        startAtLogin.setDisable(!vm.autostartSupported());
        Node startAtLoginField = startAtLogin;
        if (!vm.autostartSupported()) {
            startAtLoginField = new VBox(startAtLogin, hint("settings.startAtLogin.unsupported"));
        }
        row(form, 6, null, startAtLogin, startAtLoginField);

        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        LocalizedCells.install(theme, value -> texts.get("settings.theme." + value.name()));
        row(form, 7, "settings.theme", theme, theme);

        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("settings-status");
        status.textProperty().bind(texts.text(t -> {
            SettingsViewModel.Status now = vm.statusProperty().get();
            return now == SettingsViewModel.Status.EDITING ? "" : t.get("settings.status." + now.name());
        }, vm.statusProperty()));
        Label live = hint("settings.appliesAtOnce");

        Button save = new Button();
        save.setId("settings-save");
        save.textProperty().bind(texts.get("settings.save"));
        save.setMnemonicParsing(true);
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button closeButton = new Button();
        closeButton.setId("settings-close");
        closeButton.textProperty().bind(texts.get("settings.close"));
        closeButton.setMnemonicParsing(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> {
            vm.revert();
            close.run();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(status, gap, save, closeButton);
        buttons.getStyleClass().add("settings-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root.getChildren().addAll(title, form, live, buttons);
    }

    /** A file chooser for the CA file, starting where the current one is. */
    private void chooseCaFile(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.titleProperty().bind(texts.get("settings.caFile.chooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PEM (*.pem, *.crt, *.cer)", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("*", "*"));
        CaFile.parse(vm.caFileProperty().get()).flatMap(file -> file).map(Path::getParent)
                .filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(owner.getScene().getWindow());
        if (chosen != null) {
            vm.caFileProperty().set(chosen.getAbsolutePath());
        }
    }

    private void row(GridPane form, int index, String labelKey, Node target, Node field) {
        if (labelKey != null) {
            Label label = new Label();
            label.textProperty().bind(texts.get(labelKey));
            label.setMnemonicParsing(true);
            label.setLabelFor(target);
            form.add(label, 0, index);
        }
        form.add(field, 1, index);
    }

    private CheckBox checkBox(String id, String key) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.textProperty().bind(texts.get(key));
        box.setMnemonicParsing(true);
        return box;
    }

    private Label hint(String key) {
        Label hint = new Label();
        hint.textProperty().bind(texts.get(key));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than end in "..."
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return hint;
    }

    /** "Русский", "English": a language in its own words, capitalized as a menu item. */
    static String ownName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
