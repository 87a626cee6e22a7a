package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.api.Pagination;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final ListingViewModel<AdminTeam> vm = new ListingViewModel<>(server, Listing.TEAMS, Runnable::run);

    private static AdminPage<AdminTeam> page(int page, int totalPages, String... names) {
        List<AdminTeam> teams = java.util.Arrays.stream(names)
                .map(name -> new AdminTeam(name.hashCode(), name, null, List.of())).toList();
        return new AdminPage<>(teams, new Pagination(page, 50, 51, totalPages));
    }

    @Test
    void theSearchAndThePagesComeFromTheServer() {
        vm.queryProperty().set("Перв");
        vm.search();
        assertThat(server.last("teams").argument())
                .isEqualTo(new ListQuery("Перв", 1, ListQuery.PAGE_SIZE, null));
        server.last().answer(page(1, 2, "Первая"));
        assertThat(vm.rows()).extracting(AdminTeam::name).containsExactly("Первая");
        assertThat(vm.hasNextPage().get()).isTrue();

        vm.nextPage();
        server.last().answer(page(2, 2, "Первая линия"));
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.hasNextPage().get()).isFalse();
    }

    @Test
    void aSortGoesToTheServerWithTheSearchFromPageOne() {
        vm.queryProperty().set("Перв");
        vm.search();
        server.last().answer(page(1, 2, "Первая"));
        vm.nextPage();
        server.last().answer(page(2, 2, "Первая линия"));

        vm.sortBy(Sort.ascending(SortKey.TEAM_NAME));

        assertThat(server.last("teams").argument()).isEqualTo(new ListQuery("Перв", 1, ListQuery.PAGE_SIZE,
                new Sort(SortKey.TEAM_NAME, false)));
        server.last().answer(page(1, 2, "Первая"));
        vm.nextPage();
        assertThat(((ListQuery) server.last("teams").argument()).sort()).as("kept while paging")
                .isEqualTo(Sort.ascending(SortKey.TEAM_NAME));
    }

    @Test
    void aSavedRowShowsAtOnceAndANewOneAsksThePageAgain() {
        vm.search();
        server.last().answer(page(1, 1, "Первая", "Вторая"));
        AdminTeam first = vm.rows().getFirst();
        int asked = server.calls.size();

        vm.show(new AdminTeam(first.id(), "Первая (новая)", null, List.of()), AdminTeam::id);
        assertThat(vm.rows()).extracting(AdminTeam::name).containsExactly("Первая (новая)", "Вторая");
        assertThat(server.calls).hasSize(asked);

        vm.show(new AdminTeam(999, "Третья", null, List.of()), AdminTeam::id);
        assertThat(server.calls).hasSize(asked + 1);
    }

    @Test
    void aRefusalIsTold() {
        vm.search();
        server.last().refuse(403, null, "admins only", null);

        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.forbidden"));
        assertThat(vm.rows()).isEmpty();
    }
}
