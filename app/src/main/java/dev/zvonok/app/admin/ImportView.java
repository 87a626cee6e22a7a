package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.api.ImportReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Import tab: the kind and the file, the dry run's rows (those in error highlighted, with their problems) and
 * counts, Apply; and the export of the same kind to a file.
 */
public final class ImportView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ImportViewModel vm;
    private final LiveTexts texts;
    private final VBox root = new VBox();

    public ImportView(ImportViewModel vm, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(ImportView.class, language);
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        ComboBox<BulkKind> kind = new ComboBox<>();
        kind.setId("admin-import-kind");
        kind.getItems().setAll(BulkKind.values());
        LocalizedCells.install(kind, k -> texts.get("admin.kind." + k.wireName()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        Button choose = new Button(null, new FontIcon(Feather.FOLDER));
        choose.setId("admin-import-choose");
        choose.textProperty().bind(texts.get("admin.import.choose"));
        choose.setOnAction(e -> chooseFile());
        Label file = new Label();
        file.setId("admin-import-file");
        file.textProperty().bind(texts.text(t -> vm.fileProperty().get() == null ? t.get("admin.import.noFile")
                : vm.fileProperty().get().getFileName().toString(), vm.fileProperty()));

        Button tryIt = new Button(null, new FontIcon(Feather.EYE));
        tryIt.setId("admin-import-try");
        tryIt.textProperty().bind(texts.get("admin.import.try"));
        tryIt.disableProperty().bind(vm.canTry().not());
        tryIt.setOnAction(e -> vm.tryFile());
        Button apply = new Button(null, new FontIcon(Feather.UPLOAD));
        apply.setId("admin-import-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.textProperty().bind(texts.get("admin.import.apply"));
        apply.disableProperty().bind(vm.canApply().not());
        apply.setOnAction(e -> vm.apply());
        HBox top = new HBox(kind, choose, file, tryIt, apply);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("admin-filters");
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setMaxWidth(Double.MAX_VALUE);

        Label counts = new Label();
        counts.setId("admin-import-counts");
        counts.textProperty().bind(texts.text(t -> {
            ImportReport report = vm.reportProperty().get();
            if (report == null) {
                return t.get("admin.import.hint");
            }
            String said = t.format("admin.import.counts", report.created(), report.updated(), report.unchanged(),
                    report.errors());
            return report.ignoredColumns().isEmpty() ? said
                    : said + " " + t.format("admin.import.ignored", String.join(", ", report.ignoredColumns()));
        }, vm.reportProperty()));
        counts.setWrapText(true);

        Label problem = new Label();
        problem.setId("admin-import-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(MessageText.of(texts, vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label notice = new Label();
        notice.setId("admin-import-notice");
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.setWrapText(true);
        notice.textProperty().bind(MessageText.of(texts, vm.noticeProperty()));
        notice.visibleProperty().bind(vm.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());

        TableView<ImportReport.Row> rows = table();
        VBox.setVgrow(rows, Priority.ALWAYS);
        root.getChildren().setAll(top, counts, problem, notice, rows, export());
        root.getStyleClass().add("admin-import");
    }

    private TableView<ImportReport.Row> table() {
        TableView<ImportReport.Row> table = new TableView<>(vm.rows());
        table.setId("admin-import-rows");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(
                column("admin.import.column.row", row -> Integer.toString(row.row()), 60),
                column("admin.import.column.key", ImportReport.Row::key, 200),
                outcomeColumn(),
                column("admin.import.column.details", row -> row.outcome() == ImportReport.Outcome.ERROR
                        ? row.problems().stream()
                        .map(p -> p.column() == null ? p.message() : p.column() + ": " + p.message())
                        .collect(Collectors.joining("; "))
                        : String.join(", ", row.changed()), 400));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ImportReport.Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ERROR, row != null && row.outcome() == ImportReport.Outcome.ERROR);
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(texts.get("admin.import.empty"));
        table.setPlaceholder(empty);
        return table;
    }

    private TableColumn<ImportReport.Row, String> column(String key, Function<ImportReport.Row, String> value,
                                                         double width) {
        TableColumn<ImportReport.Row, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private TableColumn<ImportReport.Row, String> outcomeColumn() {
        TableColumn<ImportReport.Row, String> column = new TableColumn<>();
        column.textProperty().bind(texts.get("admin.import.column.outcome"));
        column.setPrefWidth(120);
        column.setCellValueFactory(cell -> texts.get("admin.import.outcome." + cell.getValue().outcome().wireName()));
        return column;
    }

    private Node export() {
        ComboBox<BulkFormat> format = new ComboBox<>();
        format.setId("admin-export-format");
        format.getItems().setAll(BulkFormat.values());
        LocalizedCells.install(format, f -> texts.get("admin.format." + f.wireName()));
        format.valueProperty().bindBidirectional(vm.exportFormatProperty());
        Button export = new Button(null, new FontIcon(Feather.DOWNLOAD));
        export.setId("admin-export");
        export.textProperty().bind(texts.text(t -> t.format("admin.export.button",
                t.get("admin.kind." + vm.kindProperty().get().wireName())), vm.kindProperty()));
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> exportFile());
        HBox line = new HBox(format, export);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("admin-filters");
        return line;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.now().get("admin.import.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.now().get("admin.import.files"),
                "*.csv", "*.xlsx", "*.CSV", "*.XLSX"));
        File chosen = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            vm.fileProperty().set(chosen.toPath());
        }
    }

    private void exportFile() {
        FileChooser chooser = new FileChooser();
        String extension = vm.exportFormatProperty().get().wireName();
        chooser.setTitle(texts.now().get("admin.export.title"));
        chooser.setInitialFileName(vm.kindProperty().get().wireName() + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                "*." + extension));
        File chosen = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            Path target = chosen.toPath();
            vm.export(target);
        }
    }
}
