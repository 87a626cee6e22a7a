package dev.zvonok.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The company editor, and with it what every entity editor does ({@link EntityEditorViewModel}). */
class CompanyEditorViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final List<AdminCompany> saved = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private final CompanyEditorViewModel vm = new CompanyEditorViewModel(server, PhoneNumbers.russian(),
            Runnable::run, saved::add, () -> deleted.add("deleted"));

    private static final AdminCompany ROMASHKA = new AdminCompany(3, "Ромашка", "7701234567", "Москва", null,
            List.of(new AdminPhone("8 (499) 333-22-11", "+74993332211", null, "бухгалтерия")));

    @Test
    void aNewFormIsQuietUntilSavedThenNothingIsSentWithProblems() {
        vm.create();
        assertThat(vm.name().problemProperty().get()).isNull();

        vm.save();

        assertThat(server.calls).isEmpty();
        assertThat(vm.name().problemProperty().get()).isEqualTo(Message.of("admin.problem.required"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.seeFields"));
    }

    @Test
    void fieldsAreCheckedAsTheAdminTypes() {
        vm.create();
        vm.inn().valueProperty().set("1".repeat(21));
        assertThat(vm.inn().problemProperty().get()).isEqualTo(Message.of("admin.problem.tooLong", "20"));
        PhoneRow phone = vm.phones().add();
        phone.number().valueProperty().set("333-22-11");
        assertThat(phone.number().problemProperty().get()).as("a company's number is a whole number")
                .isEqualTo(Message.of("admin.problem.wholeNumber"));
        phone.number().valueProperty().set("8 499 333 22 11");
        assertThat(phone.number().problemProperty().get()).isNull();
        assertThat(phone.normalizedProperty().get()).isEqualTo("+7 499 333-22-11");
    }

    @Test
    void aNewCompanyIsCreatedAndTheEditorHoldsItAsTheServerKeptIt() {
        vm.create();
        vm.name().valueProperty().set("  Ромашка ");
        vm.inn().valueProperty().set("7701234567");
        vm.phones().add().number().valueProperty().set("8 (499) 333-22-11");

        vm.save();

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(server.last("create companies").argument()).isEqualTo(new CompanyRequest("Ромашка",
                "7701234567", null, null, List.of(AdminPhone.of("8 (499) 333-22-11"))));
        server.last().answer(ROMASHKA);
        assertThat(saved).containsExactly(ROMASHKA);
        assertThat(vm.modeProperty().get()).isEqualTo(EditorMode.EDIT);
        assertThat(vm.phones().rows()).extracting(row -> row.number().text())
                .as("as the server normalised it").containsExactly("+7 499 333-22-11");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.editor.saved"));
    }

    @Test
    void anEditIsAPutOfTheWholeFormKeepingTheNumbersComments() {
        vm.edit(ROMASHKA);
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.city().valueProperty().set("Тверь");
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.save();

        FakeAdministration.Update sent = (FakeAdministration.Update) server.last("update companies").argument();
        assertThat(sent.id()).isEqualTo(3);
        assertThat(sent.request()).isEqualTo(new CompanyRequest("Ромашка", "7701234567", "Тверь", null,
                List.of(new AdminPhone("+7 499 333-22-11", null, null, "бухгалтерия"))));
    }

    @Test
    void aTakenNumberIsRefusedAtItsFieldNamingTheOwner() {
        vm.create();
        vm.name().valueProperty().set("Лютик");
        vm.phones().add().number().valueProperty().set("+7 927 555-12-34");
        PhoneRow second = vm.phones().add();
        second.number().valueProperty().set("+7 499 333-22-11");

        vm.save();
        server.last().refuse(409, "phones[1].number", "taken", new AdminError.Owner("dealer", 5, "Авто-Плюс"));

        assertThat(second.number().problemProperty().get())
                .isEqualTo(Message.of("admin.problem.taken.dealer", "Авто-Плюс"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.seeFields"));
        assertThat(vm.modeProperty().get()).as("still the new company").isEqualTo(EditorMode.CREATE);
        second.number().valueProperty().set("+7 499 333-22-12");
        assertThat(second.number().problemProperty().get()).as("until the admin changes it").isNull();
    }

    @Test
    void aRefusalOfNoFieldAndAnUnreachableServerAreTheFormsProblem() {
        vm.edit(ROMASHKA);
        vm.comment().valueProperty().set("VIP");
        vm.save();
        server.last().fail(new IOException("connection refused"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.unreachable"));
        assertThat(vm.dirtyProperty().get()).as("nothing lost").isTrue();

        vm.save();
        server.last().refuse(400, "nonsense", "bad", null);
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.server", "bad"));
    }

    @Test
    void deletingWaitsForUnsavedChangesThenLeavesTheForm() {
        vm.edit(ROMASHKA);
        vm.name().valueProperty().set("Ромашка 2");
        vm.delete();
        assertThat(server.calls).as("unsaved changes would be lost").isEmpty();

        vm.revert();
        assertThat(vm.name().text()).isEqualTo("Ромашка");
        vm.delete();
        assertThat(server.last("delete companies").argument()).isEqualTo(3L);
        server.last().answer(null);

        assertThat(deleted).hasSize(1);
        assertThat(vm.modeProperty().get()).isEqualTo(EditorMode.NONE);
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.editor.deleted"));
    }
}
