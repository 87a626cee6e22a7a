package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserEditorViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final List<AdminUser> saved = new ArrayList<>();
    private final UserEditorViewModel vm = new UserEditorViewModel(server, PhoneNumbers.russian(), Runnable::run,
            saved::add);

    private static final AdminUser PETROV = new AdminUser(7, "petrov", "Пётр Петров", Role.OPERATOR, "Самара", true,
            List.of("Первая"), List.of(new AdminPhone("888", "888", AdminRules.EXTENSION, null),
            new AdminPhone("8 927 111 22 33", "+79271112233", AdminRules.MOBILE, null)));

    private void fillNewOperator() {
        vm.create();
        vm.login().valueProperty().set("kuznetsova");
        vm.name().valueProperty().set("Анна Кузнецова");
        vm.password().valueProperty().set("a-good-password");
        vm.addPhone().number().valueProperty().set("555");
    }

    @Test
    void aNewFormIsQuietUntilTheAdminTypesOrSaves() {
        vm.create();

        assertThat(vm.login().problemProperty().get()).isNull();
        vm.save();

        assertThat(server.calls).as("nothing sent with problems in the form").isEmpty();
        assertThat(vm.login().problemProperty().get()).isEqualTo(Message.of("admin.problem.required"));
        assertThat(vm.password().problemProperty().get()).isEqualTo(Message.of("admin.problem.required"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.seeFields"));
    }

    @Test
    void theSharedPasswordRuleIsCheckedAsTheAdminTypes() {
        vm.create();

        vm.password().valueProperty().set("short");
        assertThat(vm.password().problemProperty().get()).isEqualTo(Message.of("admin.problem.password", "8"));
        vm.password().valueProperty().set("long enough");
        assertThat(vm.password().problemProperty().get()).isNull();
        vm.password().valueProperty().set("я".repeat(40)); // 80 bytes: BCrypt would cut it
        assertThat(vm.password().problemProperty().get()).isNotNull();
    }

    @Test
    void numbersAreReadByThePhoneRulesOfTheirType() {
        vm.create();
        PhoneRow phone = vm.addPhone();

        phone.number().valueProperty().set("555");
        assertThat(phone.number().problemProperty().get()).isNull();
        phone.typeProperty().set(AdminRules.MOBILE);
        assertThat(phone.number().problemProperty().get()).isEqualTo(Message.of("admin.problem.wholeNumber"));
        phone.number().valueProperty().set("333-22-11");
        assertThat(phone.number().problemProperty().get()).as("local only: no caller would ever match it")
                .isEqualTo(Message.of("admin.problem.wholeNumber"));
        phone.number().valueProperty().set("8 (927) 555-12-34");
        assertThat(phone.number().problemProperty().get()).isNull();
        assertThat(phone.normalizedProperty().get()).isEqualTo("+7 927 555-12-34");
        phone.number().valueProperty().set("+7 927 555-12-34");
        assertThat(phone.normalizedProperty().get()).as("said once is enough").isEmpty();
        phone.number().valueProperty().set("8 (927) 555-12-34");

        phone.typeProperty().set(AdminRules.EXTENSION);
        assertThat(phone.number().problemProperty().get()).isEqualTo(Message.of("admin.problem.extension"));
    }

    @Test
    void theSameNumberTwiceIsFlagged() {
        vm.create();
        PhoneRow first = vm.addPhone();
        first.typeProperty().set(AdminRules.MOBILE);
        first.number().valueProperty().set("+79275551234");
        PhoneRow second = vm.addPhone();
        second.typeProperty().set(AdminRules.MOBILE);
        second.number().valueProperty().set("8 927 555 12 34");

        assertThat(second.number().problemProperty().get()).isEqualTo(Message.of("admin.problem.duplicate"));
        vm.removePhone(first);
        assertThat(second.number().problemProperty().get()).isNull();
    }

    @Test
    void aNewOperatorIsSentWithPasswordAndPhonesAndTheListIsTold() {
        fillNewOperator();

        vm.save();
        UserRequest sent = (UserRequest) server.last("create").argument();
        assertThat(sent.login()).isEqualTo("kuznetsova");
        assertThat(sent.role()).isEqualTo("operator");
        assertThat(sent.password()).isEqualTo("a-good-password");
        assertThat(sent.phones()).containsExactly(AdminPhone.ofUser("555", AdminRules.EXTENSION));
        assertThat(vm.busyProperty().get()).isTrue();

        AdminUser created = new AdminUser(9, "kuznetsova", "Анна Кузнецова", Role.OPERATOR, null, true, List.of(),
                List.of(new AdminPhone("555", "555", AdminRules.EXTENSION, null)));
        server.last("create").answer(created);

        assertThat(saved).containsExactly(created);
        assertThat(vm.modeProperty().get()).isEqualTo(EditorMode.EDIT);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.user.saved"));
    }

    @Test
    void aTakenExtensionIsShownAtItsFieldNamingItsOwnerUntilChanged() {
        fillNewOperator();
        vm.save();

        server.last("create").refuse(409, "phones[0].number", "555 already belongs to user Иван Иванов",
                new AdminError.Owner("user", 1, "Иван Иванов"));

        PhoneRow phone = vm.phones().getFirst();
        assertThat(phone.number().problemProperty().get())
                .isEqualTo(Message.of("admin.problem.taken.user", "Иван Иванов"));
        assertThat(vm.modeProperty().get()).as("the form stays to be corrected")
                .isEqualTo(EditorMode.CREATE);
        phone.number().valueProperty().set("556");
        assertThat(phone.number().problemProperty().get()).isNull();
    }

    @Test
    void aRefusalOfNoFieldAndAnOutageAreTheFormsProblem() {
        fillNewOperator();
        vm.save();
        server.last("create").refuse(400, null, "teams: no team 'X'", null);
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.server", "teams: no team 'X'"));

        vm.save();
        server.last("create").fail(new IOException("connection refused"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.unreachable"));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void editingShowsTheNumbersAsTheServerNormalisedThemAndKnowsWhatChanged() {
        vm.edit(PETROV);

        assertThat(vm.phones()).extracting(row -> row.number().text()).containsExactly("888", "+7 927 111-22-33");
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.name().valueProperty().set("Пётр П.");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.name().valueProperty().set("Пётр Петров");
        assertThat(vm.dirtyProperty().get()).as("back as it was").isFalse();
        vm.addPhone();
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.revert();
        assertThat(vm.phones()).hasSize(2);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void anEditIsAPutWithoutPasswordWithTheTeamsAsChosen() {
        vm.edit(PETROV);
        vm.roleProperty().set(Role.SUPERVISOR);

        vm.save();

        UserRequest sent = (UserRequest) server.last("update").argument();
        assertThat(sent.password()).isNull();
        assertThat(sent.teams()).as("as the editor shows them").containsExactly("Первая");
        assertThat(sent.role()).isEqualTo("supervisor");
        assertThat(sent.phones()).hasSize(2);
    }

    @Test
    void teamsAreChosenAmongTheServersAndAreAnUnsavedChange() {
        vm.refreshChoices();
        server.last("teams").answer(new AdminPage<>(List.of(new AdminTeam(1, "Первая", null, List.of()),
                new AdminTeam(2, "Вторая", null, List.of())), new Pagination(1, 200, 2, 1)));
        assertThat(((ListQuery) server.last("teams").argument()).sort())
                .isEqualTo(Sort.ascending(SortKey.TEAM_NAME));
        vm.edit(PETROV);
        assertThat(vm.teamChoices()).containsExactly("Первая", "Вторая");
        assertThat(vm.teams()).containsExactly("Первая");

        vm.teams().add("Вторая");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save();

        assertThat(((UserRequest) server.last("update").argument()).teams()).containsExactly("Первая", "Вторая");
    }

    @Test
    void aNewUsersTeamsGoWithTheCreate() {
        fillNewOperator();
        vm.teams().add("Первая");

        vm.save();

        assertThat(((UserRequest) server.last("create").argument()).teams()).containsExactly("Первая");
    }

    @Test
    void aNewPasswordIsCheckedThenSent() {
        vm.edit(PETROV);

        vm.changePassword();
        assertThat(server.calls).isEmpty();
        assertThat(vm.newPassword().problemProperty().get()).isEqualTo(Message.of("admin.problem.required"));

        vm.newPassword().valueProperty().set("brand-new-password");
        vm.changePassword();
        assertThat(server.last("password").argument()).isEqualTo("brand-new-password");
        server.last("password").answer(null);
        assertThat(vm.noticeProperty().get()).isEqualTo(Message.of("admin.user.passwordChanged"));
        assertThat(vm.newPassword().text()).isEmpty();
    }

    @Test
    void deactivatingWaitsForUnsavedChangesAndReactivatingIsAPutOfActive() {
        vm.edit(PETROV);
        vm.city().valueProperty().set("Казань");
        vm.deactivate();
        assertThat(server.calls).as("unsaved changes would be lost").isEmpty();

        vm.revert();
        vm.deactivate();
        AdminUser deactivated = new AdminUser(7, "petrov", "Пётр Петров", Role.OPERATOR, "Самара", false,
                List.of(), PETROV.phones());
        server.last("deactivate").answer(deactivated);
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(saved).containsExactly(deactivated);

        vm.reactivate();
        assertThat(((UserRequest) server.last("update").argument()).active()).isTrue();
    }
}
