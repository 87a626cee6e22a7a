package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.api.Pagination;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A click on a column's header asks the server for that order instead of sorting the page on screen. */
@ExtendWith(ApplicationExtension.class)
class ServerSortingFxTest {

    private final FakeAdministration server = new FakeAdministration();
    private ListingViewModel<AdminTeam> vm;

    @Start
    void start(Stage stage) {
        vm = new ListingViewModel<>(server, Listing.TEAMS, Runnable::run);
        ListingView<AdminTeam> view = new ListingView<>(vm, List.of(
                new ListingView.Column<>("admin.column.name", AdminTeam::name, SortKey.TEAM_NAME),
                new ListingView.Column<>("admin.column.comment", AdminTeam::comment)),
                new SimpleObjectProperty<>(Languages.ENGLISH));
        stage.setScene(new Scene(view.root(), 600, 400));
        stage.show();
        vm.search();
        server.last().answer(new AdminPage<>(List.of(new AdminTeam(1, "B", "b", List.of()),
                new AdminTeam(2, "A", "a", List.of())), new Pagination(1, 50, 2, 1)));
    }

    private ListQuery asked() {
        return (ListQuery) server.last("teams").argument();
    }

    @Test
    void aHeaderClickAsksTheServerAscendingThenDescending(FxRobot robot) {
        robot.clickOn("Name");
        assertThat(asked().sort()).isEqualTo(new Sort(SortKey.TEAM_NAME, false));
        assertThat(asked().sort().key().wireName() + "&" + asked().sort().order()).isEqualTo("name&asc");
        server.last().answer(new AdminPage<>(List.of(new AdminTeam(2, "A", "a", List.of()),
                new AdminTeam(1, "B", "b", List.of())), new Pagination(1, 50, 2, 1)));

        robot.clickOn("Name");
        assertThat(asked().sort()).isEqualTo(new Sort(SortKey.TEAM_NAME, true));
    }

    @Test
    void thePageOnScreenIsNotSortedHere(FxRobot robot) {
        robot.clickOn("Name");

        TableView<?> table = robot.lookup("#admin-teams-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(row -> ((AdminTeam) row).name()).as("until the server answers")
                .containsExactly("B", "A");
    }

    @Test
    void aColumnTheServerCannotSortByDoesNotSort(FxRobot robot) {
        int asked = server.calls.size();
        robot.clickOn("Comment");

        assertThat(server.calls).hasSize(asked);
    }
}
