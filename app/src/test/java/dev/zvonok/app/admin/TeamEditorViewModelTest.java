package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.directory.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamEditorViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final TeamEditorViewModel vm = new TeamEditorViewModel(server, Runnable::run, team -> { }, () -> { });

    private static AdminUser user(long id, String login, String name) {
        return new AdminUser(id, login, name, Role.OPERATOR, null, true, List.of(), List.of());
    }

    private void users(AdminUser... found) {
        vm.refreshChoices();
        server.last("users").answer(new AdminPage<>(List.of(found), new Pagination(1, 200, found.length, 1)));
    }

    @Test
    void membersAreChosenAmongTheUsersByName() {
        users(user(1, "anna", "Анна"), user(2, "boris", "Борис"));
        assertThat(((UserQuery) server.last("users").argument()).sort())
                .isEqualTo(Sort.ascending(SortKey.USER_NAME));
        vm.create();
        vm.name().valueProperty().set("Вечерняя смена");
        vm.members().add(vm.choices().get(1));

        vm.save();

        assertThat(server.last("create teams").argument()).isEqualTo(new TeamRequest("Вечерняя смена", null,
                List.of(2L)));
    }

    @Test
    void anEditedTeamsMembersAreAnUnsavedChange() {
        users(user(1, "anna", "Анна"), user(2, "boris", "Борис"));
        AdminTeam team = new AdminTeam(5, "Первая", "утро", List.of(
                new AdminTeam.Member(2, "boris", "Борис", Role.OPERATOR, true),
                new AdminTeam.Member(9, "old", "Ушедший", Role.OPERATOR, false)));

        vm.edit(team);
        assertThat(vm.choices()).extracting(AdminTeam.Member::id).as("a member beyond the page stays choosable")
                .containsExactly(1L, 2L, 9L);
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.members().removeIf(member -> member.id() == 9);
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.save();
        FakeAdministration.Update sent = (FakeAdministration.Update) server.last("update teams").argument();
        assertThat(sent.request()).isEqualTo(new TeamRequest("Первая", "утро", List.of(2L)));
    }

    @Test
    void aTakenNameNamesTheTeamThatHasIt() {
        vm.create();
        vm.name().valueProperty().set("Первая");
        vm.save();
        server.last().refuse(409, "name", "taken", new AdminError.Owner("team", 5, "Первая"));

        assertThat(vm.name().problemProperty().get()).isEqualTo(Message.of("admin.problem.taken.team", "Первая"));
    }
}
