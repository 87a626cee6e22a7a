package dev.zvonok.app.history;

import static dev.zvonok.app.history.Calls.IVANOV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.phone.PhoneNumbers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history's table as the operator left it — the notes column shown or not, the columns' order and widths —
 * remembered per login across restarts: the view-model's side and the file's.
 */
class HistoryColumnsTest {

    private static final HistoryColumns ARRANGED = new HistoryColumns(true, List.of(
            new HistoryColumns.Column("call-notes", 310), new HistoryColumns.Column("call-time", 96),
            new HistoryColumns.Column("call-caller", 205.5)));

    @TempDir
    Path dataDir;

    private final List<HistoryColumns> told = new ArrayList<>();

    private HistoryViewModel history() {
        return new HistoryViewModel(query -> new CompletableFuture<>(), IVANOV, Runnable::run,
                new MutableClock(Instant.parse("2026-11-21T12:00:00Z"), ZoneId.of("Europe/Moscow")),
                PhoneNumbers.russian());
    }

    @Test
    void aRestoredArrangementShowsTheNotesColumnAsLeftAndIsNotToldBackAsAChange() {
        HistoryViewModel vm = history();
        vm.onColumnsChanged(told::add);

        vm.restoreColumns(ARRANGED);

        assertThat(vm.notesColumnShownProperty().get()).isTrue();
        assertThat(vm.columns()).isEqualTo(ARRANGED);
        assertThat(told).as("nothing to write: it came from the file").isEmpty();
    }

    @Test
    void theNotesToggleAndTheColumnsMovedOrResizedAreToldOnceEach() {
        HistoryViewModel vm = history();
        vm.onColumnsChanged(told::add);
        List<HistoryColumns.Column> moved = List.of(new HistoryColumns.Column("call-caller", 200),
                new HistoryColumns.Column("call-time", 90));

        vm.notesColumnShownProperty().set(true);
        vm.columnsArranged(moved);
        vm.columnsArranged(moved); // a layout pass that changed nothing
        vm.notesColumnShownProperty().set(false);

        assertThat(told).containsExactly(new HistoryColumns(true, List.of()), new HistoryColumns(true, moved),
                new HistoryColumns(false, moved));
        assertThat(vm.columns()).isEqualTo(new HistoryColumns(false, moved));
    }

    @Test
    void theFileGivesBackWhatWasSavedAndEachLoginHasItsOwn() throws Exception {
        HistoryColumnsStore ivanov = new HistoryColumnsStore(dataDir.resolve("history").resolve("ivanov"));
        HistoryColumnsStore petrov = new HistoryColumnsStore(dataDir.resolve("history").resolve("petrov"));

        ivanov.save(ARRANGED);

        assertThat(ivanov.load()).isEqualTo(ARRANGED);
        assertThat(petrov.load()).as("another operator on the same PC").isEqualTo(HistoryColumns.defaults());
    }

    @Test
    void aDamagedFileGivesTheTableAsBuiltNeverAFailure() throws Exception {
        HistoryColumnsStore store = new HistoryColumnsStore(dataDir);
        Files.writeString(store.file(), "notesShown=true\norder=call-time,call-notes\nwidth.call-time=abc\n",
                StandardCharsets.UTF_8);

        assertThat(store.load()).as("the widths lost, not the notes column")
                .isEqualTo(new HistoryColumns(true, List.of()));

        Files.write(store.file(), new byte[] {'o', 'r', 'd', 'e', 'r', '=', '\\', 'u', 'z'});
        assertThat(store.load()).isEqualTo(HistoryColumns.defaults());
    }

    @Test
    void theKeeperRestoresAtStartAndWritesEveryChange() {
        HistoryColumnsStore store = new HistoryColumnsStore(dataDir.resolve("history").resolve("ivanov"));
        HistoryViewModel first = history();
        HistoryColumnsKeeper.keep(first, store, Runnable::run);
        assertThat(first.columns()).isEqualTo(HistoryColumns.defaults());

        first.notesColumnShownProperty().set(true);
        first.columnsArranged(ARRANGED.columns());

        HistoryViewModel restarted = history();
        HistoryColumnsKeeper.keep(restarted, store, Runnable::run);
        assertThat(restarted.columns()).isEqualTo(ARRANGED);
        assertThat(restarted.notesColumnShownProperty().get()).isTrue();
    }

    @Test
    void aColumnIsNamedOnceAndHasAWidth() {
        assertThatThrownBy(() -> new HistoryColumns(false, List.of(new HistoryColumns.Column("call-time", 90),
                new HistoryColumns.Column("call-time", 80)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryColumns.Column("call-time", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryColumns.Column("call-time", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
