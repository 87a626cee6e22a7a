package dev.zvonok.app.stats;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.board.BoardFormat;
import dev.zvonok.app.fx.CheckedItems;
import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.app.stats.StatsSource.ExportFormat;
import dev.zvonok.app.stats.StatsSource.Report;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.OperatorFigures;
import dev.zvonok.model.stats.StatsTimeline;
import dev.zvonok.model.stats.TimelineBucket;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Statistics view: period and filters on top, the KPI tiles (each with its definition as a tooltip, each a click
 * away from its calls), the charts (each bar and point a click away from its calls too), the operators' table and the
 * lines' ({@link LinesTable}). Built in code, bound to its {@link StatisticsViewModel}; the drill-downs go to the
 * window that holds the journal.
 */
public final class StatisticsView {

    private static final String ALL = "";
    /** Calls are counted whole: an axis tick between two counts says nothing. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
        }

        @Override
        public Number fromString(String string) {
            return Double.valueOf(string);
        }
    };

    private final StatisticsViewModel vm;
    private final LiveTexts texts;
    private final Consumer<JournalQuery> showCalls;
    private final Consumer<JournalQuery> showCallbacks;
    private final BorderPane root = new BorderPane();

    /**
     * @param showCalls     opens the journal on these calls
     * @param showCallbacks opens the call-back list on the call-backs tile's calls (its question)
     */
    public StatisticsView(StatisticsViewModel vm, ObservableValue<Locale> language, Consumer<JournalQuery> showCalls,
                          Consumer<JournalQuery> showCallbacks) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(StatisticsView.class, language);
        this.showCalls = Objects.requireNonNull(showCalls, "showCalls");
        this.showCallbacks = Objects.requireNonNull(showCallbacks, "showCallbacks");
        root.setId("stats");
        root.getStyleClass().add("stats");
        root.getStylesheets().add(Objects.requireNonNull(StatisticsView.class.getResource("stats.css"))
                .toExternalForm());
        root.setTop(new VBox(filters(), problem()));
        VBox content = new VBox(tiles(), charts(), operatorsTable(),
                new LinesTable(vm, texts, showCalls).node());
        content.getStyleClass().add("stats-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("stats-scroll");
        root.setCenter(scroll);
    }

    public Parent root() {
        return root;
    }

    // ------------------------------------------------------------------------------------------ period and filters

    private Node filters() {
        ComboBox<PeriodChoice> period = new ComboBox<>();
        period.setId("stats-period");
        period.getItems().setAll(PeriodChoice.values());
        period.valueProperty().bindBidirectional(vm.periodProperty());
        LocalizedCells.install(period, texts, (value, t) -> value == null ? "" : t.get("period." + value.name()));

        DatePicker from = new DatePicker();
        from.setId("stats-from");
        from.setPrefWidth(em(9));
        from.valueProperty().bindBidirectional(vm.customFromProperty());
        DatePicker to = new DatePicker();
        to.setId("stats-to");
        to.setPrefWidth(em(9));
        to.valueProperty().bindBidirectional(vm.customToProperty());
        HBox custom = new HBox(from, new Label("–"), to);
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.getStyleClass().add("stats-custom");
        custom.visibleProperty().bind(vm.periodProperty().isEqualTo(PeriodChoice.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());

        CheckComboBox<Choice> operators = new CheckComboBox<>();
        operators.setId("stats-operators");
        operators.titleProperty().bind(texts.text(t -> vm.chosenOperators().isEmpty() ? t.get("filter.allOperators")
                : String.join(", ", vm.chosenOperators().stream().map(Choice::name).toList()),
                vm.chosenOperators()));
        CheckedItems.bind(operators, vm.operators(), vm.chosenOperators());

        CheckComboBox<String> teams = new CheckComboBox<>();
        teams.setId("stats-teams");
        teams.titleProperty().bind(texts.text(t -> vm.chosenTeams().isEmpty() ? t.get("filter.allTeams")
                : String.join(", ", vm.chosenTeams()), vm.chosenTeams()));
        CheckedItems.bind(teams, vm.teams(), vm.chosenTeams());

        ComboBox<String> queue = new ComboBox<>();
        queue.setId("stats-queue");
        queue.getItems().add(ALL);
        vm.queues().addListener((ListChangeListener<String>) change -> {
            String chosen = queue.getValue();
            queue.getItems().setAll(ALL);
            queue.getItems().addAll(vm.queues());
            queue.setValue(queue.getItems().contains(chosen) ? chosen : ALL);
        });
        queue.setValue(ALL);
        LocalizedCells.install(queue, texts,
                (value, t) -> value == null || value.isEmpty() ? t.get("filter.allQueues") : value);
        queue.valueProperty().addListener((o, was, now) -> vm.queueProperty().set(now == null || now.isEmpty()
                ? null : now));

        TextField line = new TextField();
        line.setId("stats-line");
        line.setPrefColumnCount(10);
        line.promptTextProperty().bind(texts.get("filter.line.prompt"));
        line.setOnAction(e -> vm.lineProperty().set(line.getText()));
        line.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                vm.lineProperty().set(line.getText());
            }
        });

        ComboBox<String> direction = new ComboBox<>();
        direction.setId("stats-direction");
        direction.getItems().add(ALL);
        Arrays.stream(CallDirection.values()).map(CallDirection::wireName).forEach(direction.getItems()::add);
        direction.setValue(ALL);
        LocalizedCells.install(direction, texts, (value, t) -> value == null || value.isEmpty()
                ? t.get("filter.allDirections") : t.get("direction." + value));
        direction.valueProperty().addListener((o, was, now) -> vm.directionProperty().set(now == null
                || now.isEmpty() ? null : Arrays.stream(CallDirection.values())
                .filter(d -> d.wireName().equals(now)).findFirst().orElse(null)));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("stats-loading");
        progress.setPrefSize(em(1.4), em(1.4));
        progress.visibleProperty().bind(vm.loadingProperty());

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("stats-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(tooltip("stats.refresh"));
        refresh.setOnAction(e -> vm.load());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        FlowPane bar = new FlowPane(period, custom, operators, teams, queue, line, direction, progress, refresh,
                exportMenu());
        bar.getStyleClass().add("stats-filters");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node exportMenu() {
        MenuButton export = new MenuButton(null, new FontIcon(Feather.DOWNLOAD));
        export.setId("stats-export");
        export.textProperty().bind(texts.get("export"));
        for (Report report : Report.values()) {
            for (ExportFormat format : ExportFormat.values()) {
                MenuItem item = new MenuItem();
                item.setId("stats-export-" + report.name().toLowerCase(Locale.ROOT) + "-" + format.wireName());
                item.textProperty().bind(texts.text(t -> t.format("export.item", t.get("report." + report.name()),
                        format.name())));
                item.setOnAction(e -> export(report, format));
                export.getItems().add(item);
            }
        }
        return export;
    }

    private void export(Report report, ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.now().get("export.title"));
        StatsRequest query = vm.query();
        chooser.setInitialFileName("zvonok-" + report.name().toLowerCase(Locale.ROOT) + "-" + query.days().from()
                + "-" + query.days().to() + "." + format.wireName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.wireName()));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            exportTo(report, format, file.toPath());
        }
    }

    /** Writes the report in the background; the line under the filters says how it went. */
    void exportTo(Report report, ExportFormat format, Path file) {
        vm.export(report, format, file).whenComplete((written, failure) -> Platform.runLater(() ->
                exported.setText(failure == null ? texts.now().format("export.done", written.getFileName())
                        : texts.now().format("export.failed", StatisticsViewModel.describe(failure)))));
    }

    private final Label exported = new Label();

    private Node problem() {
        Label problem = new Label(null, new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setId("stats-problem");
        problem.getStyleClass().addAll("stats-problem", Styles.DANGER);
        problem.textProperty().bind(texts.text(t -> vm.problemProperty().get() == null ? ""
                : t.format("stats.problem", vm.problemProperty().get()), vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        exported.setId("stats-exported");
        exported.getStyleClass().add(Styles.TEXT_MUTED);
        exported.managedProperty().bind(exported.textProperty().isNotEmpty());
        VBox box = new VBox(problem, RecomputingNotice.of("stats-recomputing", texts, vm.recomputingProperty()),
                exported);
        box.getStyleClass().add("stats-messages");
        return box;
    }

    // ------------------------------------------------------------------------------------------ KPI tiles

    private Node tiles() {
        FlowPane tiles = new FlowPane();
        tiles.setId("stats-tiles");
        tiles.getStyleClass().add("stats-tiles");
        for (Kpi kpi : Kpi.values()) {
            Label value = new Label();
            value.setId("kpi-" + kpi.key().substring(4));
            value.getStyleClass().add("stats-tile-value");
            value.textProperty().bind(texts.text(t -> kpi.value(vm.summaryProperty().get(), t.locale()),
                    vm.summaryProperty()));
            Label title = new Label();
            title.getStyleClass().add("stats-tile-title");
            title.setWrapText(true); // every tile as wide as the others: long titles take two lines
            title.textProperty().bind(texts.get(kpi.key()));
            VBox tile = new VBox(value, title);
            tile.getStyleClass().add("stats-tile");
            tile.setId("tile-" + kpi.key().substring(4));
            Tooltip definition = tooltip(kpi.key() + ".tooltip");
            definition.setShowDelay(Duration.millis(300));
            definition.setWrapText(true);
            definition.setMaxWidth(em(28));
            Tooltip.install(tile, definition);
            tile.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    drillDown(kpi);
                }
            });
            tiles.getChildren().add(tile);
        }
        return tiles;
    }

    void drillDown(Kpi kpi) {
        JournalQuery calls = vm.drillDown(kpi);
        if (calls == null) {
            showCallbacks.accept(vm.drillDownToCallbacks());
        } else {
            showCalls.accept(calls);
        }
    }

    // ------------------------------------------------------------------------------------------ charts

    private Node charts() {
        CategoryAxis hours = new CategoryAxis();
        NumberAxis calls = new NumberAxis();
        calls.setMinorTickVisible(false);
        calls.setTickLabelFormatter(WHOLE_NUMBERS);
        StackedBarChart<String, Number> perBucket = new StackedBarChart<>(hours, calls);
        perBucket.setId("stats-chart-calls");
        setUp(perBucket, "chart.calls");

        CategoryAxis slHours = new CategoryAxis();
        NumberAxis percent = new NumberAxis(0, 100, 20);
        percent.setMinorTickVisible(false);
        LineChart<String, Number> serviceLevel = new LineChart<>(slHours, percent);
        serviceLevel.setId("stats-chart-service-level");
        serviceLevel.setLegendVisible(false);
        setUp(serviceLevel, "chart.serviceLevel");

        NumberAxis answeredAxis = new NumberAxis();
        answeredAxis.setTickLabelFormatter(WHOLE_NUMBERS);
        BarChart<String, Number> answered = new BarChart<>(new CategoryAxis(), answeredAxis);
        answered.setCategoryGap(em(6));
        answered.setId("stats-chart-operators-answered");
        answered.setLegendVisible(false);
        setUp(answered, "chart.operatorsAnswered");
        BarChart<String, Number> talk = new BarChart<>(new CategoryAxis(), new NumberAxis());
        talk.setId("stats-chart-operators-talk");
        talk.setLegendVisible(false);
        talk.setCategoryGap(em(6));
        setUp(talk, "chart.operatorsTalk");

        Runnable drawTimeline = () -> drawTimeline(perBucket, serviceLevel, vm.timelineProperty().get());
        vm.timelineProperty().addListener((o, was, now) -> drawTimeline.run());
        texts.texts().addListener((o, was, now) -> drawTimeline.run());
        Runnable drawOperators = () -> {
            Texts t = texts.now();
            answered.getData().setAll(List.of(series(vm.operatorFigures(), OperatorFigures::answered,
                    o -> t.get("series.answered"), o -> StatsFormat.count(o.answered(), t.locale()))));
            talk.getData().setAll(List.of(series(vm.operatorFigures(),
                    figures -> Math.round(figures.talkSeconds() / 6.0) / 10.0,
                    o -> t.get("column.group.talk"), o -> StatsFormat.duration(o.talkSeconds()))));
        };
        vm.operatorFigures().addListener((ListChangeListener<OperatorFigures>) change -> drawOperators.run());
        texts.texts().addListener((o, was, now) -> drawOperators.run());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("stats-charts");
        grid.add(perBucket, 0, 0);
        grid.add(serviceLevel, 1, 0);
        grid.add(answered, 0, 1);
        grid.add(talk, 1, 1);
        for (Node chart : grid.getChildren()) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            ((Region) chart).setMinWidth(em(20));
            ((Region) chart).setPrefHeight(em(18));
        }
        return grid;
    }

    private void setUp(XYChart<String, Number> chart, String title) {
        chart.setAnimated(false); // the figures are replaced whole: no bars flying in on each reload
        chart.titleProperty().bind(texts.get(title));
        chart.getStyleClass().add("stats-chart");
    }

    private void drawTimeline(StackedBarChart<String, Number> perBucket, LineChart<String, Number> serviceLevel,
                              StatsTimeline timeline) {
        if (timeline == null) {
            return;
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern("hour".equals(timeline.by()) ? "HH" : "dd.MM",
                texts.now().locale());
        XYChart.Series<String, Number> answered = new XYChart.Series<>();
        answered.setName(texts.now().get("series.answered"));
        XYChart.Series<String, Number> missed = new XYChart.Series<>();
        missed.setName(texts.now().get("series.missed"));
        XYChart.Series<String, Number> abandoned = new XYChart.Series<>();
        abandoned.setName(texts.now().get("series.abandoned"));
        XYChart.Series<String, Number> level = new XYChart.Series<>();
        level.setName(texts.now().get("kpi.serviceLevel"));
        Texts t = texts.now();
        for (TimelineBucket bucket : timeline.buckets()) {
            String at = label.format(bucket.start());
            answered.getData().add(bar(at, bucket, CallDisposition.ANSWERED, bucket.answered(), answered.getName()));
            missed.getData().add(bar(at, bucket, CallDisposition.MISSED, bucket.missed(), missed.getName()));
            abandoned.getData().add(bar(at, bucket, CallDisposition.ABANDONED, bucket.abandoned(),
                    abandoned.getName()));
            if (bucket.serviceLevel() != null) {
                XYChart.Data<String, Number> point = new XYChart.Data<>(at,
                        Math.round(bucket.serviceLevel() * 1000) / 10.0);
                point.setExtraValue(bucket);
                drillable(point, t.format("chart.drillDown", level.getName(),
                        StatsFormat.percent(bucket.serviceLevel(), t.locale())), () -> vm.drillDown(bucket));
                level.getData().add(point);
            }
        }
        ((CategoryAxis) perBucket.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(
                answered.getData().stream().map(XYChart.Data::getXValue).toList()));
        perBucket.getData().setAll(List.of(answered, missed, abandoned));
        ((CategoryAxis) serviceLevel.getXAxis()).setCategories(javafx.collections.FXCollections
                .observableArrayList(answered.getData().stream().map(XYChart.Data::getXValue).toList()));
        serviceLevel.getData().setAll(List.of(level));
    }

    /** One outcome's part of a stretch's bar, listing those calls when clicked. */
    private XYChart.Data<String, Number> bar(String at, TimelineBucket bucket, CallDisposition outcome, long count,
                                             String outcomeName) {
        XYChart.Data<String, Number> bar = new XYChart.Data<>(at, count);
        bar.setExtraValue(bucket);
        drillable(bar, texts.now().format("chart.drillDown", outcomeName,
                StatsFormat.count(count, texts.now().locale())), () -> vm.drillDown(bucket, outcome));
        return bar;
    }

    /** One bar per operator, each listing the calls they answered when clicked (what both charts count). */
    private XYChart.Series<String, Number> series(List<OperatorFigures> operators,
                                                  Function<OperatorFigures, Number> value,
                                                  Function<OperatorFigures, String> what,
                                                  Function<OperatorFigures, String> shown) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (OperatorFigures o : operators) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(StatisticsViewModel.name(o), value.apply(o));
            bar.setExtraValue(o);
            drillable(bar, texts.now().format("chart.drillDown", what.apply(o), shown.apply(o)),
                    () -> vm.drillDownToAnswered(o));
            series.getData().add(bar);
        }
        return series;
    }

    /**
     * A bar or point that opens the journal on its calls when clicked, like a tile; its tooltip says its figure and
     * so. The chart makes the node when the data is shown, and may make it again: each one is wired.
     */
    private void drillable(XYChart.Data<String, Number> data, String tip, Supplier<JournalQuery> calls) {
        Consumer<Node> wire = node -> {
            if (node == null) {
                return;
            }
            node.getStyleClass().add("stats-drill-down");
            node.setCursor(Cursor.HAND);
            Tooltip tooltip = new Tooltip(tip);
            tooltip.setShowDelay(Duration.millis(300));
            Tooltip.install(node, tooltip);
            node.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    showCalls.accept(calls.get());
                }
            });
        };
        wire.accept(data.getNode());
        data.nodeProperty().addListener((o, was, now) -> wire.accept(now));
    }

    // ------------------------------------------------------------------------------------------ operators' table

    private Node operatorsTable() {
        TableView<OperatorFigures> table = new TableView<>(vm.operatorFigures());
        table.setId("stats-operators-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OperatorFigures, String> name = new TableColumn<>();
        name.textProperty().bind(texts.get("column.operator"));
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(
                StatisticsViewModel.name(c.getValue())));
        name.setPrefWidth(em(10));
        name.setMinWidth(em(9));
        table.getColumns().add(name);
        // grouped under shared titles, so that each column's own title is short enough to be read whole
        table.getColumns().add(group("column.group.calls",
                count("offers", "column.offers", 6, OperatorFigures::offers),
                count("answered", "column.answered", 6.5, OperatorFigures::answered),
                count("missed", "column.missed", 8, OperatorFigures::missed),
                count("elsewhere", "column.answeredElsewhere", 7, OperatorFigures::answeredElsewhere)));
        table.getColumns().add(group("column.group.transfers",
                count("transfers-in", "column.transfersIn", 5, OperatorFigures::transfersIn),
                count("transfers-out", "column.transfersOut", 5.5, OperatorFigures::transfersOut)));
        table.getColumns().add(group("column.group.talk",
                seconds("talk", "column.total", 5.5, o -> (double) o.talkSeconds()),
                seconds("talk-average", "column.average", 6, OperatorFigures::avgTalkSeconds)));
        table.getColumns().add(group("column.group.hold",
                seconds("hold", "column.total", 5.5, o -> (double) o.holdSeconds()),
                seconds("hold-average", "column.average", 6, OperatorFigures::avgHoldSeconds)));
        table.getColumns().add(seconds("wrapup", "column.wrapup", 10, o -> (double) o.wrapupSeconds()));
        table.getColumns().add(group("column.group.work",
                seconds("logged-in", "column.loggedIn", 6, o -> (double) o.loggedInSeconds()),
                breakColumn(),
                occupancyColumn()));
        Label placeholder = new Label();
        placeholder.textProperty().bind(texts.get("operators.none"));
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<OperatorFigures> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showCalls.accept(vm.drillDown(row.getItem()));
                }
            });
            return row;
        });
        table.setPrefHeight(em(16));
        table.setFixedCellSize(em(2));
        return table;
    }

    /** The break time; by reason in the cell's tooltip. */
    private TableColumn<OperatorFigures, Double> breakColumn() {
        TableColumn<OperatorFigures, Double> column = seconds("break", "column.break", 6.5, o -> (double) o.breakSeconds());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : StatsFormat.duration(item));
                OperatorFigures figures = empty || getTableRow() == null ? null : getTableRow().getItem();
                String byReason = figures == null ? "" : StatsFormat.breaks(figures.breakSecondsByReason(),
                        code -> BoardFormat.reason(code, texts.now()));
                setTooltip(byReason.isEmpty() ? null : new Tooltip(byReason));
            }
        });
        return column;
    }

    /** (Talk + wrap-up) ÷ available time, as a share; a dash for an operator who was not available. */
    private TableColumn<OperatorFigures, Double> occupancyColumn() {
        TableColumn<OperatorFigures, Double> column = new TableColumn<>();
        width(column, "occupancy", 7.5);
        // a header of its own, for the definition in its tooltip
        Label header = new Label();
        header.setId("stats-column-occupancy-title");
        header.textProperty().bind(texts.get("column.occupancy"));
        header.setTooltip(tooltip("column.occupancy.tooltip"));
        column.setGraphic(header);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().occupancy()));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : StatsFormat.percent(item, texts.now().locale()));
            }
        });
        column.getStyleClass().add("stats-number");
        return column;
    }

    /** Columns under a title of their own. */
    @SafeVarargs
    private TableColumn<OperatorFigures, ?> group(String key, TableColumn<OperatorFigures, ?>... columns) {
        TableColumn<OperatorFigures, ?> group = new TableColumn<>();
        group.textProperty().bind(texts.get(key));
        group.getColumns().setAll(columns);
        return group;
    }

    /**
     * A column never narrower than it was made: when the window is too narrow for all of them, the table scrolls
     * sideways instead of cutting titles and figures short.
     */
    private static void width(TableColumn<OperatorFigures, ?> column, String id, double widthEm) {
        column.setId("stats-column-" + id);
        column.setPrefWidth(em(widthEm));
        column.setMinWidth(em(widthEm));
    }

    private TableColumn<OperatorFigures, Long> count(String id, String key, double widthEm,
                                                     Function<OperatorFigures, Long> value) {
        TableColumn<OperatorFigures, Long> column = new TableColumn<>();
        width(column, id, widthEm);
        column.textProperty().bind(texts.get(key));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.getStyleClass().add("stats-number");
        return column;
    }

    private TableColumn<OperatorFigures, Double> seconds(String id, String key, double widthEm,
                                                         Function<OperatorFigures, Double> value) {
        TableColumn<OperatorFigures, Double> column = new TableColumn<>();
        width(column, id, widthEm);
        column.textProperty().bind(texts.get(key));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        // sorted by the seconds; written as a duration, a dash for none
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : StatsFormat.duration(item));
            }
        });
        column.getStyleClass().add("stats-number");
        return column;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.get(key));
        return tip;
    }

    static double em(double n) {
        return n * javafx.scene.text.Font.getDefault().getSize();
    }
}
