package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.directory.Role;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final UsersViewModel vm = new UsersViewModel(server, Runnable::run);

    private static AdminUser user(long id, String login) {
        return new AdminUser(id, login, login, Role.OPERATOR, null, true, List.of(), List.of());
    }

    private static AdminPage<AdminUser> page(int page, int totalPages, AdminUser... users) {
        return new AdminPage<>(List.of(users), new Pagination(page, UsersViewModel.PAGE_SIZE, 120, totalPages));
    }

    @Test
    void theFiltersAreAskedOfTheServerFromPageOne() {
        vm.queryProperty().set("иван");
        vm.roleProperty().set(Role.SUPERVISOR);
        vm.activeProperty().set(ActiveFilter.DEACTIVATED);

        UserQuery asked = (UserQuery) server.last("users").argument();
        assertThat(asked).isEqualTo(new UserQuery("иван", Role.SUPERVISOR, false, 1, UsersViewModel.PAGE_SIZE));
    }

    @Test
    void aSortIsAskedOfTheServerFromPageOneAndOnlyWhenItChanges() {
        vm.search();
        server.last().answer(page(1, 3, user(1, "a")));
        vm.nextPage();
        server.last().answer(page(2, 3, user(2, "b")));
        int asked = server.calls.size();

        vm.sortBy(new Sort(SortKey.USER_CITY, true));

        UserQuery sorted = (UserQuery) server.last("users").argument();
        assertThat(sorted.sort()).isEqualTo(new Sort(SortKey.USER_CITY, true));
        assertThat(sorted.sort().key().wireName()).isEqualTo("city");
        assertThat(sorted.sort().order()).isEqualTo("desc");
        assertThat(sorted.page()).isEqualTo(1);
        vm.sortBy(new Sort(SortKey.USER_CITY, true));
        assertThat(server.calls).as("the same order again asks nothing").hasSize(asked + 1);
        vm.sortBy(null);
        assertThat(((UserQuery) server.last("users").argument()).sort()).isNull();
    }

    @Test
    void pagesComeFromTheServer() {
        vm.search();
        server.last().answer(page(1, 3, user(1, "a")));
        assertThat(vm.rows()).extracting(AdminUser::login).containsExactly("a");
        assertThat(vm.hasPreviousPage().get()).isFalse();

        vm.nextPage();
        assertThat(((UserQuery) server.last().argument()).page()).isEqualTo(2);
        server.last().answer(page(2, 3, user(2, "b")));
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.totalProperty().get()).isEqualTo(120);
        assertThat(vm.hasNextPage().get()).isTrue();
    }

    @Test
    void anAnswerOvertakenByANewerSearchIsDropped() {
        vm.search();
        FakeAdministration.Call first = server.last();
        vm.queryProperty().set("b");
        vm.search();
        server.last().answer(page(1, 1, user(2, "b")));

        first.answer(page(1, 1, user(1, "a")));

        assertThat(vm.rows()).extracting(AdminUser::login).containsExactly("b");
    }

    @Test
    void aSavedUserReplacesTheirRowAndAFailureIsTold() {
        vm.search();
        server.last().answer(page(1, 1, user(1, "a"), user(2, "b")));

        vm.show(new AdminUser(2, "b", "Renamed", Role.ADMIN, null, true, List.of(), List.of()));
        assertThat(vm.rows().get(1).name()).isEqualTo("Renamed");

        vm.refresh();
        server.last().fail(new IOException("gone"));
        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.unreachable"));
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
