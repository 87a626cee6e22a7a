package dev.zvonok.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.ServerAdministration;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin's Administration window on a real stage, against the real server: users, and dealers, companies, lines
 * and teams made and changed through their editors.
 */
@ExtendWith(ApplicationExtension.class)
class AdminWindowFxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path dataDirectory;

    private static RunningServer server;
    private static Sessions sessions;
    private static ServerAdministration administration;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.start(db);
        sessions = RunningServer.newSessions(dataDirectory);
        sessions.login(server.address(), "admin", RunningServer.PASSWORD);
        administration = new ServerAdministration(sessions, ServerApi.newHttpClient(), WireJson.mapper(),
                Duration.ofSeconds(10), ForkJoinPool.commonPool());
    }

    @AfterAll
    static void stopServer() {
        sessions.close();
        server.close();
    }

    private AdminWindow window;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        stage.setScene(new Scene(new StackPane(new Label("main window")), 200, 100));
        stage.show();
        window = new AdminWindow(stage, administration, PhoneNumbers.russian(),
                new SimpleObjectProperty<>(Languages.ENGLISH), ForkJoinPool.commonPool(), new FxThread());
        window.show();
    }

    /** Closed as a logout does: TestFX's own clean-up asks to close, which the unsaved-changes guard would stop. */
    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    private static List<AdminUser> usersWith(String text) throws Exception {
        return administration.users(new UserQuery(text, null, null, 1, 50)).get(10, TimeUnit.SECONDS).data();
    }

    private static String shown(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void newOperator(FxRobot robot, String login, String extension) {
        robot.clickOn("#admin-new-user");
        robot.clickOn("#admin-login").write(login);
        robot.clickOn("#admin-name").write("Anna " + login);
        robot.clickOn("#admin-password").write("a-good-password");
        robot.clickOn("#admin-add-phone");
        robot.clickOn("#admin-phone-number-0").write(extension);
        robot.clickOn("#admin-save");
    }

    @Test
    void theListShowsTheDemoDirectory(FxRobot robot) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(robot.lookup("#admin-users-table")
                .queryAs(TableView.class).getItems()).hasSizeGreaterThanOrEqualTo(5));
    }

    @Test
    void anAdminCreatesAnOperatorWithExtension555AndTheServerHasThem(FxRobot robot) throws Exception {
        newOperator(robot, "kuznetsova", "555");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(usersWith("kuznetsova")).singleElement()
                .satisfies(user -> {
                    assertThat(user.role()).isEqualTo(Role.OPERATOR);
                    assertThat(user.active()).isTrue();
                    assertThat(user.phones()).extracting(AdminPhone::normalized).containsExactly("555");
                }));
        await().atMost(PATIENCE).until(() -> shown(robot, "#admin-editor-notice").equals("Saved."));
        assertThat(shown(robot, "#admin-editor-title")).isEqualTo("User kuznetsova");
    }

    @Test
    void aTakenExtensionIsRefusedNextToItsFieldNamingItsOwner(FxRobot robot) throws Exception {
        newOperator(robot, "smirnov", "777");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(robot.lookup(".admin-field-problem")
                .queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Already taken by the user ").contains("Иванов")));
        assertThat(usersWith("smirnov")).isEmpty();
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksFirst(FxRobot robot) {
        robot.clickOn("#admin-new-user");
        robot.clickOn("#admin-login").write("unsaved");
        Stage stage = window.stage();

        // later, not in interact: the question waits in a nested event loop until it is answered
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        awaitAnswer(robot, "Drop the changes");
        assertThat(stage.isShowing()).isTrue();
        robot.clickOn("Drop the changes");

        await().atMost(PATIENCE).until(() -> !stage.isShowing());
    }

    @Test
    void unsavedChangesAreNotDroppedUnasked(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> !robot.lookup("#admin-users-table .table-row-cell").queryAll().isEmpty());
        robot.clickOn("#admin-new-user");
        robot.clickOn("#admin-login").write("unsaved");

        robot.clickOn(robot.lookup("#admin-users-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        awaitAnswer(robot, "Keep editing");
        robot.clickOn("Keep editing");

        assertThat(robot.lookup("#admin-login").queryAs(TextField.class).getText()).isEqualTo("unsaved");
        assertThat(shown(robot, "#admin-editor-title")).isEqualTo("New user");
    }

    /** The unsaved-changes question is up, with its answer shown and clickable (a dialog lays out a pulse later). */
    private static void awaitAnswer(FxRobot robot, String answer) {
        await().atMost(PATIENCE).until(() -> robot.lookup("#admin-unsaved").tryQuery().isPresent()
                && robot.lookup(answer).tryQuery().filter(node -> node.isVisible() && node.getScene() != null
                        && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()).isPresent());
    }

    private static <T> List<T> found(Listing<T> listing, String text) throws Exception {
        return administration.list(listing, new ListQuery(text, 1, ListQuery.PAGE_SIZE, null))
                .get(10, TimeUnit.SECONDS).data();
    }

    private static void openTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#admin-tabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    private static String typed(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    void aCompanyIsCreatedWithItsNumberThenEdited(FxRobot robot) throws Exception {
        openTab(robot, "admin-tab-companies");
        robot.clickOn("#admin-companies-new");
        robot.clickOn("#admin-company-name").write("Romashka FX");
        robot.clickOn("#admin-company-inn").write("7701234567");
        robot.clickOn("#admin-company-add-phone");
        robot.clickOn("#admin-company-phone-number-0").write("8 (499) 765-43-21");
        robot.clickOn("#admin-company-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.COMPANIES, "Romashka FX"))
                .singleElement().satisfies(company -> {
                    assertThat(company.inn()).isEqualTo("7701234567");
                    assertThat(company.phones()).extracting(AdminPhone::normalized).containsExactly("+74997654321");
                }));
        await().atMost(PATIENCE).until(() -> shown(robot, "#admin-company-editor-notice").equals("Saved."));
        assertThat(shown(robot, "#admin-company-title")).isEqualTo("Company Romashka FX");
        assertThat(typed(robot, "#admin-company-phone-number-0")).as("as the server normalised it")
                .isEqualTo("+7 499 765-43-21");

        robot.clickOn("#admin-company-city").write("Tver");
        robot.type(KeyCode.ENTER); // saves

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.COMPANIES, "Romashka FX"))
                .singleElement().extracting(AdminCompany::city).isEqualTo("Tver"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(robot.lookup("#admin-companies-table")
                .queryAs(TableView.class).getItems()).anySatisfy(row ->
                        assertThat(((AdminCompany) row).city()).isEqualTo("Tver")));
    }

    @Test
    void aDealerIsCreatedWithItsCompany(FxRobot robot) throws Exception {
        AdminCompany company = administration.create(Editable.COMPANIES, new CompanyRequest(
                "Vasilek FX", null, null, null, List.of())).get(10, TimeUnit.SECONDS);
        openTab(robot, "admin-tab-dealers");
        robot.clickOn("#admin-dealers-new");
        robot.clickOn("#admin-dealer-name").write("Avto FX");
        @SuppressWarnings("unchecked")
        ComboBox<AdminCompany> companies = robot.lookup("#admin-dealer-company").queryAs(ComboBox.class);
        await().atMost(PATIENCE).until(() -> companies.getItems().stream().anyMatch(c -> c.id() == company.id()));
        robot.interact(() -> companies.setValue(companies.getItems().stream()
                .filter(c -> c.id() == company.id()).findFirst().orElseThrow()));
        robot.clickOn("#admin-dealer-add-phone");
        robot.clickOn("#admin-dealer-phone-number-0").write("8 927 765 43 21");
        robot.clickOn("#admin-dealer-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.DEALERS, "Avto FX"))
                .singleElement().satisfies(dealer -> {
                    assertThat(dealer.companyId()).isEqualTo(company.id());
                    assertThat(dealer.phones()).extracting(AdminPhone::normalized).containsExactly("+79277654321");
                }));
        await().atMost(PATIENCE).until(() -> shown(robot, "#admin-dealer-title").equals("Dealer Avto FX"));
    }

    @Test
    void aLineIsCreatedThenRenamed(FxRobot robot) throws Exception {
        openTab(robot, "admin-tab-lines");
        robot.clickOn("#admin-lines-new");
        robot.clickOn("#admin-line-number").write("8 (495) 765-43-21");
        robot.clickOn("#admin-line-name").write("Radio FX");
        robot.clickOn("#admin-line-source").write("RK-17");
        robot.clickOn("#admin-line-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.LINES, "Radio FX"))
                .singleElement().satisfies(line -> {
                    assertThat(line.normalized()).isEqualTo("+74957654321");
                    assertThat(line.source()).isEqualTo("RK-17");
                }));
        await().atMost(PATIENCE).until(() -> shown(robot, "#admin-line-title").equals("Line Radio FX"));

        robot.doubleClickOn("#admin-line-name").eraseText(8).write("Radio FM");
        robot.clickOn("#admin-line-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.LINES, "+74957654321"))
                .extracting(AdminLine::name).containsExactly("Radio FM"));
    }

    @Test
    void aTeamIsCreatedWithAMember(FxRobot robot) throws Exception {
        openTab(robot, "admin-tab-teams");
        robot.clickOn("#admin-teams-new");
        robot.clickOn("#admin-team-name").write("Evening FX");
        @SuppressWarnings("unchecked")
        CheckComboBox<AdminTeam.Member> members = robot.lookup("#admin-team-members").queryAs(CheckComboBox.class);
        await().atMost(PATIENCE).until(() -> !members.getItems().isEmpty());
        AdminTeam.Member first = members.getItems().getFirst();
        robot.interact(() -> members.getCheckModel().check(first));
        robot.clickOn("#admin-team-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(found(Listing.TEAMS, "Evening FX"))
                .singleElement().satisfies(team -> assertThat(team.members()).extracting(AdminTeam.Member::id)
                        .containsExactly(first.id())));
        await().atMost(PATIENCE).until(() -> shown(robot, "#admin-team-title").equals("Team Evening FX"));
    }

    @Test
    void aTakenNumberIsRefusedNextToItsFieldNamingItsOwner(FxRobot robot) throws Exception {
        administration.create(Editable.LINES, new LineRequest(null, "8 (495) 111-00-99",
                "Taken FX", null, null, null)).get(10, TimeUnit.SECONDS);
        openTab(robot, "admin-tab-lines");
        robot.clickOn("#admin-lines-new");
        robot.clickOn("#admin-line-number").write("+7 495 111-00-99");
        robot.clickOn("#admin-line-name").write("Second FX");
        robot.clickOn("#admin-line-save");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(robot.lookup(".admin-field-problem")
                .queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Already taken by the line Taken FX"));
        assertThat(found(Listing.LINES, "Second FX")).isEmpty();
    }
}
