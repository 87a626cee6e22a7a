package dev.zvonok.server.bulk;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static dev.zvonok.server.bulk.BulkFixture.csv;
import static dev.zvonok.server.bulk.BulkFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.api.ImportReport.Outcome;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.CompanyDetails;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.PhoneEntry;
import dev.zvonok.server.directory.PhoneType;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserPhone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DirectoryImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private BulkFixture bulk;

    @BeforeEach
    void setUp() {
        db.clean();
        bulk = new BulkFixture(db);
    }

    @Test
    void companiesFromARussianExcelCsvWithBomSemicolonsQuotesAndLineBreaks() {
        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);

        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rows()).extracting(ImportReport.Row::row, ImportReport.Row::outcome).containsExactly(
                tuple(2, Outcome.CREATED), tuple(3, Outcome.CREATED), tuple(4, Outcome.CREATED));
        Company romashka = bulk.companies.findByName("ООО «Ромашка»").get(0);
        assertThat(romashka.inn()).isEqualTo("7701234567");
        assertThat(romashka.city()).isEqualTo("Москва");
        assertThat(romashka.comment()).isEqualTo("Головной офис; звонить до 18:00");
        assertThat(romashka.phones()).extracting(PhoneEntry::number, PhoneEntry::normalized).containsExactly(
                tuple("8 (499) 333-22-11", "+74993332211"), tuple("+7 495 123-45-67", "+74951234567"));
        assertThat(bulk.companies.findByName("АО \"Вектор\"").get(0).phones()).extracting(PhoneEntry::normalized)
                .containsExactly("+78125550102", "+78125550103");
        assertThat(bulk.companies.findByName("ИП Сидоров").get(0).comment())
                .isEqualTo("Две строки:\nвторая строка комментария");

        // the directory in memory heard of the change: the next call from the number is the company's
        var caller = bulk.directory.identify("+74993332211");
        assertThat(caller.kind()).isEqualTo(CallerKind.COMPANY);
        assertThat(caller.companyName()).isEqualTo("ООО «Ромашка»");
    }

    @Test
    void companiesFromAnXlsxWithNumbersStoredAsNumbersAndTwoNumbersInACell() {
        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel.xlsx"), false);

        assertThat(report.errors()).as(report.toString()).isZero();
        assertThat(report.created()).isEqualTo(2);
        Company romashka = bulk.companies.findByName("ООО «Ромашка»").get(0);
        assertThat(romashka.inn()).as("an INN kept as a number in Excel").isEqualTo("7701234567");
        assertThat(romashka.phones()).extracting(PhoneEntry::normalized)
                .containsExactly("+74993332211", "+74951234567");
        Company plant = bulk.companies.findByName("Ярославский завод").get(0);
        assertThat(plant.phones()).extracting(PhoneEntry::normalized).containsExactly("+74852000001");
        assertThat(plant.comment()).isNull();
    }

    @Test
    void theSameCompaniesFromCsvAndThenXlsxMatchByInnAndChangeOnlyWhatDiffers() {
        bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);

        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel.xlsx"), false);

        assertThat(report.rows()).extracting(ImportReport.Row::outcome, ImportReport.Row::changed).containsExactly(
                tuple(Outcome.UPDATED, List.of("comment")), tuple(Outcome.CREATED, List.of()));
        assertThat(bulk.companies.list()).hasSize(4);
    }

    @Test
    void dealersFromAnEnglishCsvNameTheirCompanyByNameOrInn() {
        bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);

        ImportReport report = bulk.imports.run(BulkKind.DEALERS, resource("dealers-excel-en.csv"), false);

        assertThat(report.errors()).as(report.toString()).isZero();
        Dealer north = bulk.dealers.findByName("Автомир Север").get(0);
        assertThat(north.companyName()).isEqualTo("ООО «Ромашка»");
        assertThat(north.comment()).isEqualTo("Official dealer, north");
        assertThat(north.phones()).extracting(PhoneEntry::normalized).containsExactly("+79161112233", "+79161112244");
        assertThat(bulk.dealers.findByName("Вектор-Сервис").get(0).companyName()).isEqualTo("АО \"Вектор\"");
        assertThat(bulk.dealers.findByName("Независимый дилер").get(0).companyId()).isNull();
        assertThat(bulk.directory.identify("89161112244").name()).isEqualTo("Автомир Север");
    }

    @Test
    void usersFromAWindows1251CsvWithRussianHeadersAndRoles() {
        ImportReport report = bulk.imports.run(BulkKind.USERS, resource("users-cp1251.csv"), false);

        assertThat(report.created()).as(report.toString()).isEqualTo(2);
        User ivanova = bulk.users.findByLogin("ivanova").orElseThrow();
        assertThat(ivanova.displayName()).isEqualTo("Иванова Мария");
        assertThat(ivanova.role()).isEqualTo(Role.OPERATOR);
        assertThat(ivanova.phones()).extracting(UserPhone::normalized, UserPhone::type).containsExactly(
                tuple("555", PhoneType.EXTENSION), tuple("+79160001122", PhoneType.MOBILE));
        assertThat(bulk.users.authenticate("ivanova", "secret-pass-1")).isPresent();
        assertThat(bulk.users.findByLogin("kuznetsov").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(bulk.directory.operatorFor("555").map(User::login)).contains("ivanova");
    }

    @Test
    void aBadRowInTheMiddleWritesNothingAndSaysWhereAndWhy() {
        ImportReport report = bulk.imports.run(BulkKind.USERS, csv(
                "login;name;role;phones;password",
                "first;Первый;operator;501;password-1",
                "second;Второй;boss;502;password-2",
                "third;Третий;operator;12345678;short",
                "fourth;Четвёртый;operator;504;password-4"), false);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).isEqualTo(2);
        assertThat(report.rows()).extracting(ImportReport.Row::outcome)
                .containsExactly(Outcome.CREATED, Outcome.ERROR, Outcome.ERROR, Outcome.CREATED);
        assertThat(report.rows().get(1).problems()).extracting(ImportReport.Problem::column)
                .containsExactly("role");
        assertThat(report.rows().get(2).problems()).extracting(ImportReport.Problem::column)
                .containsExactly("phones", "password");
        assertThat(db.dsl().fetchCount(USERS)).isZero();
        assertThat(db.dsl().fetchCount(USER_PHONES)).isZero();
    }

    @Test
    void aDryRunReportsEverythingAndWritesNothing() {
        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.applied()).isFalse();
        assertThat(report.created()).isEqualTo(3);
        assertThat(db.dsl().fetchCount(COMPANIES)).isZero();
        assertThat(db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES)).isZero();
        assertThat(bulk.directory.changesSeen()).as("nothing written, nothing to reload").isZero();
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);
        bulk.imports.run(BulkKind.DEALERS, resource("dealers-excel-en.csv"), false);
        bulk.imports.run(BulkKind.USERS, resource("users-cp1251.csv"), false);
        var before = db.dsl().selectFrom(PHONE_NUMBERS_COMPANIES).orderBy(PHONE_NUMBERS_COMPANIES.ID).fetch();

        for (var file : List.of(List.of(BulkKind.COMPANIES, "companies-excel-ru.csv"),
                List.of(BulkKind.DEALERS, "dealers-excel-en.csv"), List.of(BulkKind.USERS, "users-cp1251.csv"))) {
            ImportReport again = bulk.imports.run((BulkKind) file.get(0), resource((String) file.get(1)), false);
            assertThat(again.rows()).as(file.toString()).extracting(ImportReport.Row::outcome)
                    .containsOnly(Outcome.UNCHANGED);
        }
        assertThat(db.dsl().selectFrom(PHONE_NUMBERS_COMPANIES).orderBy(PHONE_NUMBERS_COMPANIES.ID).fetch())
                .isEqualTo(before);
    }

    @Test
    void exportEditImportIsARoundTripInBothFormats() {
        bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);
        bulk.imports.run(BulkKind.DEALERS, resource("dealers-excel-en.csv"), false);
        bulk.imports.run(BulkKind.USERS, resource("users-cp1251.csv"), false);
        bulk.imports.run(BulkKind.LINES, resource("lines-excel-ru.csv"), false);

        for (FileFormat format : FileFormat.values()) {
            for (BulkKind kind : BulkKind.values()) {
                byte[] exported = bulk.exports.export(kind, format);
                assertThat(FileFormat.of(exported)).isEqualTo(format);
                ImportReport again = bulk.imports.run(kind, exported, false);
                assertThat(again.rows()).as(kind + " " + format).isNotEmpty()
                        .extracting(ImportReport.Row::outcome).containsOnly(Outcome.UNCHANGED);
            }
        }

        Sheet sheet = bulk.exports.sheet(BulkKind.COMPANIES);
        assertThat(sheet.header()).containsExactly("name", "inn", "city", "comment", "phones");
        Sheet.Row romashka = sheet.rows().stream().filter(r -> r.cell(0).equals("ООО «Ромашка»")).findFirst()
                .orElseThrow();
        assertThat(romashka.cell(4)).isEqualTo("+7 499 333-22-11 | +7 495 123-45-67");

        // edited: a number dropped, another added, the city changed
        Sheet edited = new Sheet(sheet.header(), List.of(new Sheet.Row(2, List.of("ООО «Ромашка»", "7701234567",
                "Подольск", "Головной офис; звонить до 18:00", "+7 499 333-22-11 | 8 800 100-00-00"))));
        ImportReport report = bulk.imports.run(BulkKind.COMPANIES, FileFormat.CSV.write(edited), false);
        assertThat(report.rows()).extracting(ImportReport.Row::outcome, ImportReport.Row::changed)
                .containsExactly(tuple(Outcome.UPDATED, List.of("city", "phones")));
        Company after = bulk.companies.findByName("ООО «Ромашка»").get(0);
        assertThat(after.city()).isEqualTo("Подольск");
        assertThat(after.phones()).extracting(PhoneEntry::number)
                .as("a kept number stays as it was entered").containsExactly("8 (499) 333-22-11", "8 800 100-00-00");
    }

    @Test
    void aNumberOfAnotherEntryIsAConflictNamingItsOwner() {
        Company other = bulk.companies.create(new CompanyDetails("ЗАО Другое", "7700000001", null, null));
        bulk.companies.addPhone(other.id(), "+74993332211", null);
        User petrov = bulk.users.create(UserDetails.of("petrov", "Пётр Петров", Role.OPERATOR), "password");
        bulk.users.addPhone(petrov.id(), "888", PhoneType.EXTENSION);

        ImportReport companies = bulk.imports.run(BulkKind.COMPANIES, resource("companies-excel-ru.csv"), false);
        ImportReport users = bulk.imports.run(BulkKind.USERS, csv(
                "login,name,role,phones,password",
                "newbie,Новичок,operator,888,password-1",
                "twice,Дважды,operator,777,password-2",
                "again,Снова,operator,777,password-3"), false);

        assertThat(companies.applied()).isFalse();
        assertThat(companies.rows().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Телефоны");
            assertThat(p.message()).contains("8 (499) 333-22-11").contains("company ЗАО Другое (INN 7700000001)");
        });
        assertThat(users.rows()).extracting(ImportReport.Row::outcome)
                .containsExactly(Outcome.ERROR, Outcome.CREATED, Outcome.ERROR);
        assertThat(users.rows().get(0).problems().get(0).message()).contains("user petrov (Пётр Петров)");
        assertThat(users.rows().get(2).problems().get(0).message()).contains("user twice (row 3)");
    }

    @Test
    void aNumberCanMoveBetweenEntriesOfTheSameFile() {
        bulk.imports.run(BulkKind.USERS, csv("login;name;role;phones;password",
                "a;A;operator;501;password-1", "b;B;operator;502;password-2"), false);

        ImportReport swapped = bulk.imports.run(BulkKind.USERS, csv("login;phones", "a;502", "b;501"), false);

        assertThat(swapped.applied()).as(swapped.toString()).isTrue();
        assertThat(bulk.directory.operatorFor("501").map(User::login)).contains("b");
        assertThat(bulk.directory.operatorFor("502").map(User::login)).contains("a");
    }

    @Test
    void existingUsersKeepTheirPasswordAndWhatTheFileDoesNotSay() {
        User ivanov = bulk.users.create(new UserDetails("ivanov", "Иван Иванов", Role.OPERATOR, "Тверь", true),
                "old-password");
        bulk.users.addPhone(ivanov.id(), "777", PhoneType.EXTENSION);

        ImportReport report = bulk.imports.run(BulkKind.USERS, csv("Login;Role;Password", "IVANOV;supervisor;new-pass-1"),
                false);

        assertThat(report.rows()).extracting(ImportReport.Row::outcome, ImportReport.Row::changed)
                .containsExactly(tuple(Outcome.UPDATED, List.of("Role")));
        User after = bulk.users.findByLogin("ivanov").orElseThrow();
        assertThat(after.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(after.city()).isEqualTo("Тверь");
        assertThat(after.extensions()).containsExactly("777");
        assertThat(bulk.users.authenticate("ivanov", "old-password")).isPresent();
        assertThat(bulk.users.authenticate("ivanov", "new-pass-1")).isEmpty();
    }

    @Test
    void aFileWithoutItsKeyColumnOrHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> bulk.imports.run(BulkKind.USERS, csv("name;role", "A;operator"), true))
                .isInstanceOf(BulkFileException.class).hasMessageContaining("'login'");
        assertThatThrownBy(() -> bulk.imports.run(BulkKind.USERS, new byte[0], true))
                .isInstanceOf(BulkFileException.class);
        assertThatThrownBy(() -> bulk.imports.run(BulkKind.COMPANIES, csv("name;Название", "A;B"), true))
                .isInstanceOf(BulkFileException.class).hasMessageContaining("twice");
    }

    @Test
    void unknownColumnsAreIgnoredAndSaid() {
        ImportReport report = bulk.imports.run(BulkKind.USERS, csv(
                "login;name;role;password;teams;shoe size", "a;A;operator;password-1;Север;42"), true);

        assertThat(report.ignoredColumns()).containsExactly("shoe size");
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void tenThousandRowsOfEachKind() {
        StringBuilder companies = new StringBuilder("name;inn;city;comment;phones\r\n");
        StringBuilder dealers = new StringBuilder("name;company;city;comment;phones\r\n");
        StringBuilder users = new StringBuilder("login;name;role;city;phones;password\r\n");
        for (int i = 0; i < 10_000; i++) {
            companies.append("Компания ").append(i).append(';').append(7_700_000_000L + i).append(";Москва;;")
                    .append(String.format("8 (495) %03d-%02d-%02d | +7 499 %07d", i / 10_000, i / 100 % 100, i % 100, i))
                    .append("\r\n");
            dealers.append("Дилер ").append(i).append(";Компания ").append(i % 100).append(";Казань;;")
                    .append(String.format("+7 916 %07d", i)).append("\r\n");
            if (i < 200) {
                users.append("user").append(i).append(";Оператор ").append(i).append(";operator;;")
                        .append(10_000 + i).append(";password-").append(i).append("\r\n");
            }
        }

        ImportReport c = bulk.imports.run(BulkKind.COMPANIES, companies.toString().getBytes(), false);
        ImportReport d = bulk.imports.run(BulkKind.DEALERS, dealers.toString().getBytes(), false);
        ImportReport u = bulk.imports.run(BulkKind.USERS, users.toString().getBytes(), false);

        assertThat(c.created()).as(c.rows().stream().filter(r -> r.outcome() == Outcome.ERROR).limit(3).toList()
                .toString()).isEqualTo(10_000);
        assertThat(d.created()).isEqualTo(10_000);
        assertThat(u.created()).isEqualTo(200);
        assertThat(db.dsl().fetchCount(COMPANIES)).isEqualTo(10_000);
        assertThat(db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES)).isEqualTo(20_000);
        assertThat(db.dsl().fetchCount(DEALERS)).isEqualTo(10_000);
        assertThat(bulk.directory.identify("+74990009999").companyName()).isEqualTo("Компания 9999");
        assertThat(bulk.directory.identify("89160004321").name()).isEqualTo("Дилер 4321");
        assertThat(bulk.dealers.findByName("Дилер 4321").get(0).companyName()).isEqualTo("Компания 21");

        ImportReport again = bulk.imports.run(BulkKind.COMPANIES, companies.toString().getBytes(), false);
        assertThat(again.unchanged()).isEqualTo(10_000);
    }
}
