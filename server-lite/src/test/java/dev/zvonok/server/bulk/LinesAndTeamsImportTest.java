package dev.zvonok.server.bulk;

import static dev.zvonok.server.bulk.BulkFixture.csv;
import static dev.zvonok.server.bulk.BulkFixture.resource;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.api.ImportReport.Outcome;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.Team;
import dev.zvonok.server.directory.TeamDetails;
import dev.zvonok.server.directory.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The users' teams column and the lines of the PBX, imported and exported against real PostgreSQL. */
class LinesAndTeamsImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private BulkFixture bulk;

    @BeforeEach
    void setUp() {
        db.clean();
        bulk = new BulkFixture(db);
    }

    // ------------------------------------------------------------------------------------------------------ lines

    @Test
    void linesFromARussianExcelCsvAreWhatTheNextCallIsMatchedBy() {
        ImportReport report = bulk.imports.run(BulkKind.LINES, resource("lines-excel-ru.csv"), false);

        assertThat(report.applied()).as(report.toString()).isTrue();
        assertThat(report.created()).isEqualTo(3);
        assertThat(bulk.lines.list()).extracting(Line::kind, Line::number, Line::normalized, Line::name,
                Line::source, Line::city, Line::comment).containsExactlyInAnyOrder(
                tuple(LineKind.DID, "8 (495) 123-45-67", "+74951234567", "Реклама Авито", "avito-2026", "Москва",
                        null),
                tuple(LineKind.QUEUE, "support", "support", "Поддержка", null, null, "Очередь support на АТС"),
                tuple(LineKind.DID, "+7 (812) 555-01-02", "+78125550102", "Питер, наружка", "outdoor-spb",
                        "Санкт-Петербург", "Щиты на КАД; до марта"));
        // the directory in memory heard of it: the next call to the number is on the line
        assertThat(bulk.directory.line("74951234567", null)).map(Line::name).contains("Реклама Авито");
        assertThat(bulk.directory.line("+74997000000", "support")).map(Line::name).contains("Поддержка");
    }

    @Test
    void linesFromAnXlsxWithTheNumberStoredAsANumber() {
        ImportReport report = bulk.imports.run(BulkKind.LINES, resource("lines-excel.xlsx"), false);

        assertThat(report.errors()).as(report.toString()).isZero();
        assertThat(bulk.lines.find(LineKind.DID, "+74951234567")).map(Line::source).contains("avito-2026");
        assertThat(bulk.lines.find(LineKind.QUEUE, "sales")).map(Line::name).contains("Отдел продаж");
    }

    @Test
    void aLineIsKeyedByKindAndNumberInAnyFormatAndRenamedByTheNextImport() {
        bulk.imports.run(BulkKind.LINES, resource("lines-excel-ru.csv"), false);

        ImportReport again = bulk.imports.run(BulkKind.LINES, csv(
                "number;kind;name;source",
                "+7 495 123 45 67;did;Авито, весна;avito-2026-spring",
                "support;queue;Поддержка;",
                "support;did;Поддержка;"), false);

        assertThat(again.applied()).isFalse();
        assertThat(again.rows()).extracting(ImportReport.Row::row, ImportReport.Row::outcome).containsExactly(
                tuple(2, Outcome.UPDATED), tuple(3, Outcome.UNCHANGED), tuple(4, Outcome.ERROR));
        assertThat(again.rows().get(2).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("number");
            assertThat(problem.message()).contains("'support'", "queue");
        });
        assertThat(bulk.lines.find(LineKind.DID, "+74951234567")).map(Line::name).as("nothing written")
                .contains("Реклама Авито");

        ImportReport renamed = bulk.imports.run(BulkKind.LINES, csv(
                "number;kind;name;source",
                "+7 495 123 45 67;did;Авито, весна;avito-2026-spring",
                "support;queue;Поддержка;"), false);

        assertThat(renamed.applied()).isTrue();
        assertThat(renamed.rows().get(0).changed()).containsExactly("name", "source");
        Line avito = bulk.lines.find(LineKind.DID, "+74951234567").orElseThrow();
        assertThat(avito.name()).isEqualTo("Авито, весна");
        assertThat(avito.number()).as("the number as first entered").isEqualTo("8 (495) 123-45-67");
        assertThat(avito.city()).as("no city column: the city stays").isEqualTo("Москва");
        assertThat(bulk.lines.find(LineKind.QUEUE, "support")).map(Line::comment)
                .as("no comment column: the comment stays").contains("Очередь support на АТС");
        assertThat(bulk.directory.line("+74951234567", null)).map(Line::name).contains("Авито, весна");
    }

    @Test
    void aBadRowInTheMiddleWritesNoLine() {
        ImportReport report = bulk.imports.run(BulkKind.LINES, csv(
                "Номер;Тип;Название",
                "+7 495 000-00-01;;Первая",
                "+7 495 000-00-02;телепорт;Вторая",
                "+7 495 000-00-03;;",
                "+7 495 000-00-01;;Снова первая",
                "+7 495 000-00-04;;Четвёртая"), false);

        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).extracting(ImportReport.Row::outcome).containsExactly(Outcome.CREATED,
                Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.CREATED);
        assertThat(report.rows().get(1).problems()).extracting(ImportReport.Problem::column).containsExactly("Тип");
        assertThat(report.rows().get(2).problems()).extracting(ImportReport.Problem::column)
                .containsExactly("Название");
        assertThat(report.rows().get(3).problems().get(0).message()).contains("row 2");
        assertThat(db.dsl().fetchCount(LINES)).isZero();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void exportedLinesImportAgainUnchanged(FileFormat format) {
        bulk.imports.run(BulkKind.LINES, resource("lines-excel-ru.csv"), false);

        byte[] exported = bulk.exports.export(BulkKind.LINES, format);
        ImportReport again = bulk.imports.run(BulkKind.LINES, exported, false);

        assertThat(again.errors()).as(again.toString()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        if (format == FileFormat.CSV) {
            assertThat(new String(exported, StandardCharsets.UTF_8)).contains(
                    "number;kind;name;source;city;comment", "+7 495 123-45-67;did;Реклама Авито;avito-2026;Москва;",
                    "support;queue;Поддержка;;;");
        }
    }

    // ------------------------------------------------------------------------------------------------------ teams

    @Test
    void theTeamsColumnPutsUsersInTeamsCreatingTheNewOnesAndMatchingTheKnownOnesInAnyCase() {
        bulk.teams.create(new TeamDetails("Продажи", "отдел продаж"), List.of(), ChangeRecorder.none());

        ImportReport report = bulk.imports.run(BulkKind.USERS, resource("users-teams-ru.csv"), false);

        assertThat(report.applied()).as(report.toString()).isTrue();
        assertThat(report.ignoredColumns()).isEmpty();
        assertThat(bulk.teams.list()).extracting(Team::name).containsExactly("Продажи", "Север", "Юг");
        assertThat(members("Север")).containsExactly("ivanov", "smirnova");
        assertThat(members("Юг")).containsExactly("petrov", "smirnova");
        assertThat(members("Продажи")).containsExactly("ivanov");
        assertThat(bulk.teams.findByName("Продажи").orElseThrow().comment()).as("the team is the stored one")
                .isEqualTo("отдел продаж");
    }

    @Test
    void theTeamsColumnReplacesAUsersTeamsAnEmptyCellLeavesNoneAndNoColumnLeavesThem() {
        bulk.imports.run(BulkKind.USERS, resource("users-teams-ru.csv"), false);

        ImportReport report = bulk.imports.run(BulkKind.USERS, csv(
                "login;teams",
                "ivanov;север",
                "petrov;Юг | Запад",
                "smirnova;"), false);

        assertThat(report.applied()).as(report.toString()).isTrue();
        assertThat(report.rows()).extracting(ImportReport.Row::outcome, ImportReport.Row::changed).containsExactly(
                tuple(Outcome.UPDATED, List.of("teams")), tuple(Outcome.UPDATED, List.of("teams")),
                tuple(Outcome.UPDATED, List.of("teams")));
        assertThat(teamsOf("ivanov")).containsExactly("Север");
        assertThat(teamsOf("petrov")).containsExactly("Запад", "Юг");
        assertThat(teamsOf("smirnova")).isEmpty();
        assertThat(bulk.teams.list()).extracting(Team::name).as("a team left empty stays")
                .containsExactlyInAnyOrder("Запад", "продажи", "Север", "Юг");

        ImportReport noTeams = bulk.imports.run(BulkKind.USERS, csv("login;city", "petrov;Тверь"), false);

        assertThat(noTeams.updated()).isEqualTo(1);
        assertThat(teamsOf("petrov")).containsExactly("Запад", "Юг");
    }

    @Test
    void aTeamNameTooLongIsARowErrorAndCreatesNoTeam() {
        ImportReport report = bulk.imports.run(BulkKind.USERS, csv(
                "login;name;role;password;teams",
                "a;A;operator;password-1;Новая",
                "b;B;operator;password-2;" + "Ж".repeat(101)), false);

        assertThat(report.applied()).isFalse();
        assertThat(report.rows().get(1).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("teams");
            assertThat(problem.message()).contains("longer than 100");
        });
        assertThat(db.dsl().fetchCount(TEAMS)).isZero();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void exportedUsersKeepTheirTeams(FileFormat format) {
        bulk.imports.run(BulkKind.USERS, resource("users-teams-ru.csv"), false);

        byte[] exported = bulk.exports.export(BulkKind.USERS, format);
        ImportReport again = bulk.imports.run(BulkKind.USERS, exported, false);

        assertThat(again.errors()).as(again.toString()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        if (format == FileFormat.CSV) {
            assertThat(new String(exported, StandardCharsets.UTF_8)).contains(
                    "login;name;role;city;teams;phones;password", "smirnova;Анна Смирнова;supervisor;;Север | Юг;;");
        }
    }

    private List<String> members(String team) {
        return bulk.teams.findByName(team).orElseThrow().members().stream().map(Team.Member::login).sorted()
                .toList();
    }

    private List<String> teamsOf(String login) {
        return bulk.users.findByLogin(login).map(User::teams).orElseThrow();
    }
}
