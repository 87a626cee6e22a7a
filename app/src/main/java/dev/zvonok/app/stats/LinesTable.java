package dev.zvonok.app.stats;

import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.model.stats.LineFigures;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The Statistics view's lines: a row per line with its inbound figures, sortable by each column (the figures'
 * values, not their text: "9 %" after "10 %" would be wrong), a double-click away from the line's inbound calls.
 */
final class LinesTable {

    private final StatisticsViewModel vm;
    private final LiveTexts texts;
    private final Consumer<JournalQuery> showCalls;

    LinesTable(StatisticsViewModel vm, LiveTexts texts, Consumer<JournalQuery> showCalls) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.showCalls = Objects.requireNonNull(showCalls, "showCalls");
    }

    Node node() {
        TableView<LineFigures> table = new TableView<>(vm.lineFigures());
        table.setId("stats-lines-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LineFigures, String> line = text("column.lineName", 11, LineFigures::line);
        line.setId("lines-line");
        table.getColumns().add(line);
        table.getColumns().add(text("column.source", 8, f -> f.source() == null ? "" : f.source()));
        table.getColumns().add(count("column.inbound", 7.5, LineFigures::total));
        table.getColumns().add(count("column.answered", 7, LineFigures::answered));
        table.getColumns().add(count("column.missed", 8, LineFigures::missed));
        table.getColumns().add(count("column.abandoned", 7.5, LineFigures::abandoned));
        TableColumn<LineFigures, Double> acceptance = figure("column.acceptanceRate", 7, LineFigures::acceptanceRate,
                share -> StatsFormat.percent(share, texts.now().locale()));
        acceptance.setId("lines-acceptance");
        table.getColumns().add(acceptance);
        table.getColumns().add(figure("column.asa", 8, LineFigures::asaSeconds, StatsFormat::duration));
        table.getColumns().add(figure("column.serviceLevel", 10, LineFigures::serviceLevel,
                share -> StatsFormat.percent(share, texts.now().locale())));
        Label placeholder = new Label();
        placeholder.textProperty().bind(texts.get("lines.none"));
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<LineFigures> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showCalls.accept(vm.drillDown(row.getItem()));
                }
            });
            return row;
        });
        table.setPrefHeight(StatisticsView.em(12));
        table.setFixedCellSize(StatisticsView.em(2));

        Label title = new Label();
        title.setId("stats-lines-title");
        title.getStyleClass().add("stats-table-title");
        title.textProperty().bind(texts.get("lines.title"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get("lines.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(StatisticsView.em(28));
        title.setTooltip(tip);
        VBox box = new VBox(title, table);
        box.getStyleClass().add("stats-lines");
        return box;
    }

    private TableColumn<LineFigures, String> text(String key, double widthEm, Function<LineFigures, String> value) {
        TableColumn<LineFigures, String> column = new TableColumn<>();
        column.setPrefWidth(StatisticsView.em(widthEm));
        column.textProperty().bind(texts.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private TableColumn<LineFigures, Long> count(String key, double widthEm, Function<LineFigures, Long> value) {
        TableColumn<LineFigures, Long> column = new TableColumn<>();
        column.setPrefWidth(StatisticsView.em(widthEm));
        column.textProperty().bind(texts.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.getStyleClass().add("stats-number");
        return column;
    }

    /** A figure that may be absent (no call to divide by): sorted by its value, absent ones first, shown as text. */
    private TableColumn<LineFigures, Double> figure(String key, double widthEm, Function<LineFigures, Double> value,
                                                    Function<Double, String> format) {
        TableColumn<LineFigures, Double> column = new TableColumn<>();
        column.setPrefWidth(StatisticsView.em(widthEm));
        column.textProperty().bind(texts.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : format.apply(item));
            }
        });
        column.getStyleClass().add("stats-number");
        return column;
    }
}
