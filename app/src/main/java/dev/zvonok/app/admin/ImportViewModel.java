package dev.zvonok.app.admin;

import dev.zvonok.model.api.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import wizard and the export: choose a file and what it holds, see what it would do (a dry run: every row,
 * those in error with their problems, the counts), then apply it — all or nothing on the server. Applying is offered
 * only after a clean dry run of the same file and kind. FX thread; files are read and written on the background
 * executor.
 */
public final class ImportViewModel {

    private final Administration administration;
    private final Executor background;
    private final Executor fxThread;

    private final ObjectProperty<BulkKind> kind = new SimpleObjectProperty<>(this, "kind", BulkKind.USERS);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<BulkFormat> exportFormat = new SimpleObjectProperty<>(this, "exportFormat",
            BulkFormat.XLSX);
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ImportReport.Row> rows = FXCollections.observableArrayList();
    /** One wrapper, kept: it listens to {@code rows} weakly, so a fresh one per call could lose its listeners. */
    private final ObservableList<ImportReport.Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanBinding canTry = file.isNotNull().and(busy.not());
    private final BooleanBinding canApply = Bindings.createBooleanBinding(() -> {
        ImportReport tried = report.get();
        return !busy.get() && tried != null && tried.dryRun() && tried.errors() == 0 && !tried.rows().isEmpty();
    }, report, busy);

    public ImportViewModel(Administration administration, Executor background, Executor fxThread) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        // another file or kind: the dry run shown no longer says what applying would do
        kind.addListener((o, was, now) -> forgetReport());
        file.addListener((o, was, now) -> forgetReport());
    }

    /** What the file would do; nothing is written. */
    public CompletableFuture<Void> tryFile() {
        return send(true);
    }

    /** Writes the file that was tried: all rows, or none when the directory changed meanwhile. */
    public CompletableFuture<Void> apply() {
        if (!canApply.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(false);
    }

    private CompletableFuture<Void> send(boolean dryRun) {
        Path chosen = file.get();
        if (chosen == null || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        BulkKind what = kind.get();
        busy.set(true);
        problem.set(null);
        notice.set(null);
        return CompletableFuture.supplyAsync(() -> read(chosen), background)
                .thenCompose(bytes -> administration.importFile(what, bytes, dryRun))
                .handleAsync((answer, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        problem.set(AdminFailures.unwrap(failure) instanceof UncheckedIOException unreadable
                                ? Message.of("admin.import.unreadable", chosen.getFileName().toString(),
                                        String.valueOf(unreadable.getCause().getMessage()))
                                : AdminFailures.describe(failure));
                        return null;
                    }
                    report.set(answer);
                    rows.setAll(answer.rows());
                    if (answer.applied()) {
                        notice.set(Message.of("admin.import.applied", Integer.toString(answer.created()),
                                Integer.toString(answer.updated()), Integer.toString(answer.unchanged())));
                    } else if (!answer.dryRun()) {
                        problem.set(Message.of("admin.import.notApplied", Integer.toString(answer.errors())));
                    }
                    return null;
                }, fxThread);
    }

    /** Saves the directory's {@link #kindProperty() kind} to {@code target} in the {@link #exportFormatProperty()}. */
    public CompletableFuture<Void> export(Path target) {
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        problem.set(null);
        notice.set(null);
        return administration.export(kind.get(), exportFormat.get())
                .thenAcceptAsync(bytes -> write(target, bytes), background)
                .handleAsync((done, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        problem.set(AdminFailures.unwrap(failure) instanceof UncheckedIOException unwritable
                                ? Message.of("admin.export.unwritable", target.toString(),
                                        String.valueOf(unwritable.getCause().getMessage()))
                                : AdminFailures.describe(failure));
                    } else {
                        notice.set(Message.of("admin.export.done", target.toString()));
                    }
                    return null;
                }, fxThread);
    }

    private void forgetReport() {
        report.set(null);
        rows.clear();
        problem.set(null);
        notice.set(null);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectProperty<BulkKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<BulkFormat> exportFormatProperty() {
        return exportFormat;
    }

    /** The last dry run or import; null before one, and after the file or the kind changed. */
    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<ImportReport.Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding canTry() {
        return canTry;
    }

    public BooleanBinding canApply() {
        return canApply;
    }
}
