package dev.zvonok.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.api.ImportReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path folder;

    private final FakeAdministration server = new FakeAdministration();
    private final ImportViewModel vm = new ImportViewModel(server, Runnable::run, Runnable::run);

    private static ImportReport report(boolean dryRun, boolean applied, int errors) {
        ImportReport.Row good = new ImportReport.Row(2, "kuznetsova", ImportReport.Outcome.CREATED, List.of(),
                List.of());
        ImportReport.Row bad = new ImportReport.Row(3, "bad", ImportReport.Outcome.ERROR, List.of(),
                List.of(new ImportReport.Problem("role", "must be admin, supervisor or operator")));
        return new ImportReport("users", dryRun, applied, 1, 0, 0, errors, List.of(),
                errors == 0 ? List.of(good) : List.of(good, bad));
    }

    private Path file(String content) throws Exception {
        return Files.writeString(folder.resolve("users.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void aCleanDryRunOffersToApplyTheSameFile() throws Exception {
        vm.fileProperty().set(file("login;name\nkuznetsova;Анна\n"));
        assertThat(vm.canApply().get()).isFalse();

        vm.tryFile();
        assertThat(server.last("dryRun").argument()).isEqualTo("login;name\nkuznetsova;Анна\n");
        server.last("dryRun").answer(report(true, false, 0));
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.canApply().get()).isTrue();

        vm.apply();
        server.last("import").answer(report(false, true, 0));
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.import.applied", "1", "0", "0"));
        assertThat(vm.canApply().get()).as("applied once").isFalse();
    }

    @Test
    void rowsInErrorBarTheApplyAndAnotherKindForgetsTheDryRun() throws Exception {
        vm.fileProperty().set(file("x"));
        vm.tryFile();
        server.last("dryRun").answer(report(true, false, 1));

        assertThat(vm.rows()).extracting(ImportReport.Row::outcome)
                .containsExactly(ImportReport.Outcome.CREATED, ImportReport.Outcome.ERROR);
        assertThat(vm.canApply().get()).isFalse();
        vm.apply();
        assertThat(server.calls).extracting(FakeAdministration.Call::what).containsExactly("dryRun");

        vm.kindProperty().set(BulkKind.DEALERS);
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsSaidSo() {
        vm.fileProperty().set(folder.resolve("missing.csv"));

        vm.tryFile();

        assertThat(server.calls).isEmpty();
        assertThat(vm.problemProperty().get().key()).isEqualTo("admin.import.unreadable");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anExportIsWrittenToTheChosenFile() throws Exception {
        Path target = folder.resolve("companies.xlsx");
        vm.kindProperty().set(BulkKind.COMPANIES);

        vm.export(target);
        assertThat(server.last("export").argument()).isEqualTo("COMPANIES/XLSX");
        server.last("export").answer(new byte[]{1, 2, 3});

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.export.done", target.toString()));
    }
}
