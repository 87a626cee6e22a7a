package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private DirectoryFixture fixture;
    private Directory directory;

    @BeforeEach
    void seed() {
        db.clean();
        fixture = new DirectoryFixture(db);
        directory = fixture.directory;
        fixture.seeder.seed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+79271390907", "79271390907", "9271390907", "+7 (927) 139-09-07"})
    void dealerCallingInAnyFormat(String number) {
        CallerIdentity caller = directory.identify(number);

        assertThat(caller.kind()).isEqualTo(CallerKind.DEALER);
        assertThat(caller.name()).isEqualTo("Автодом Волга");
        assertThat(caller.companyName()).isEqualTo("ООО «Волга-Авто»");
        assertThat(caller.number()).isEqualTo("+79271390907");
        assertThat(caller.dealerId()).isNotNull();
        assertThat(caller.companyId()).isNotNull();
        assertThat(caller.userId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+79991234567", "89991234567", "79991234567", "9991234567"})
    void companyCallingInAnyFormat(String number) {
        CallerIdentity caller = directory.identify(number);

        assertThat(caller.kind()).isEqualTo(CallerKind.COMPANY);
        assertThat(caller.name()).isEqualTo("ООО Ромашка");
        assertThat(caller.companyName()).isEqualTo("ООО Ромашка");
        assertThat(caller.companyId()).isNotNull();
        assertThat(caller.dealerId()).isNull();
    }

    @Test
    void colleagueCallingFromTheDeskPhoneOrTheMobile() {
        assertThat(directory.identify("777")).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CallerKind.USER);
            assertThat(c.name()).isEqualTo("Иван Иванов");
            assertThat(c.userId()).isNotNull();
        });
        assertThat(directory.identify("89165551234").name()).isEqualTo("Иван Иванов");
    }

    @Test
    void aColleagueWinsOverADealerAndADealerOverACompany() {
        long dealer = fixture.dealers.findByName("Кама Моторс").getFirst().id();
        long company = fixture.companies.findByName("ООО Ромашка").getFirst().id();
        long petrov = fixture.users.findByLogin("petrov").orElseThrow().id();
        fixture.companies.addPhone(company, "8 (843) 111-22-33", null);
        assertThat(directory.identify("+78431112233").kind()).isEqualTo(CallerKind.COMPANY);

        fixture.dealers.addPhone(dealer, "+7 843 111 22 33", null);
        assertThat(directory.identify("+78431112233").name()).isEqualTo("Кама Моторс");
        assertThat(directory.identify("+78431112233").companyName()).isNull();

        fixture.users.addPhone(petrov, "88431112233", PhoneType.LANDLINE);
        assertThat(directory.identify("+78431112233").name()).isEqualTo("Пётр Петров");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+74950000000", "0000", "12345678901234"})
    void unknownNumbers(String number) {
        CallerIdentity caller = directory.identify(number);
        assertThat(caller.kind()).isEqualTo(CallerKind.UNKNOWN);
        assertThat(caller.known()).isFalse();
        assertThat(caller.name()).isNull();
    }

    @Test
    void withheldNumbersAreUnknownWithoutANumber() {
        assertThat(directory.identify(null)).isEqualTo(CallerIdentity.unknown(null));
        assertThat(directory.identify("")).isEqualTo(CallerIdentity.unknown(null));
        assertThat(directory.identify("<unknown>")).isEqualTo(CallerIdentity.unknown(null));
    }

    @Test
    void theCallerAsTheCardTheBoardAndTheQueuesShowIt() {
        assertThat(directory.callerView("+7 (927) 139-09-07"))
                .isEqualTo(new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"));
        assertThat(directory.callerView("777")).isEqualTo(new CallerView(CallerKind.USER, "Иван Иванов", null));
        assertThat(directory.callerView("+74950000000")).isEqualTo(CallerView.UNKNOWN);
        assertThat(directory.callerView(null)).isEqualTo(CallerView.UNKNOWN);
    }

    @Test
    void operatorOfAnExtension() {
        User ivanov = directory.operatorFor("777").orElseThrow();
        assertThat(ivanov.login()).isEqualTo("ivanov");
        assertThat(ivanov.displayName()).isEqualTo("Иван Иванов");
        assertThat(ivanov.role()).isEqualTo(Role.OPERATOR);
        assertThat(ivanov.city()).isEqualTo("Москва");
        assertThat(ivanov.extensions()).containsExactly("777");
        assertThat(directory.operatorFor("888").map(User::login)).contains("petrov");
        assertThat(directory.operatorFor("+7 916 555 12 34").map(User::login)).contains("ivanov");
        assertThat(directory.operatorFor("555")).isEmpty();
        assertThat(directory.operatorFor(null)).isEmpty();
    }

    @Test
    void answersComeFromTheIndexUntilTheDirectoryChanges() {
        assertThat(directory.identify("89271390907").kind()).isEqualTo(CallerKind.DEALER);
        assertThat(directory.identify("+70000000001").kind()).isEqualTo(CallerKind.UNKNOWN);

        // behind the index's back, as if the change notification were lost
        db.dsl().deleteFrom(DEALER_PHONE_NUMBERS).execute();
        db.dsl().insertInto(PHONE_NUMBERS_COMPANIES)
                .set(PHONE_NUMBERS_COMPANIES.COMPANY_ID, fixture.companies.findByName("ООО Ромашка").getFirst().id())
                .set(PHONE_NUMBERS_COMPANIES.NUMBER, "+70000000001")
                .set(PHONE_NUMBERS_COMPANIES.NORMALIZED, "+70000000001")
                .execute();
        assertThat(directory.identify("89271390907").kind()).as("indexed").isEqualTo(CallerKind.DEALER);
        assertThat(directory.identify("+70000000001").kind()).as("indexed as unknown").isEqualTo(CallerKind.UNKNOWN);

        directory.directoryChanged();
        assertThat(directory.identify("89271390907").kind()).isEqualTo(CallerKind.UNKNOWN);
        assertThat(directory.identify("+70000000001").kind()).isEqualTo(CallerKind.COMPANY);
    }

    @Test
    void everyRepositoryWriteRefreshesTheCache() {
        assertThat(directory.identify("+7 912 345-67-89").kind()).isEqualTo(CallerKind.UNKNOWN);
        Dealer kama = fixture.dealers.findByName("Кама Моторс").getFirst();

        PhoneEntry added = fixture.dealers.addPhone(kama.id(), "8-912-345-67-89", "Склад");
        assertThat(directory.identify("+7 912 345-67-89").name()).isEqualTo("Кама Моторс");

        fixture.dealers.update(kama.id(), new DealerDetails("Кама Моторс Плюс", null, "Елабуга", null));
        assertThat(directory.identify("+7 912 345-67-89").name()).isEqualTo("Кама Моторс Плюс");

        long volga = fixture.companies.findByName("ООО «Волга-Авто»").getFirst().id();
        fixture.dealers.update(kama.id(), new DealerDetails("Кама Моторс Плюс", volga, "Елабуга", null));
        assertThat(directory.identify("+7 912 345-67-89").companyName()).isEqualTo("ООО «Волга-Авто»");

        fixture.companies.update(volga, CompanyDetails.named("ООО «Волга-Авто Групп»"));
        assertThat(directory.identify("+7 912 345-67-89").companyName()).isEqualTo("ООО «Волга-Авто Групп»");

        fixture.dealers.removePhone(added.id());
        assertThat(directory.identify("+7 912 345-67-89").kind()).isEqualTo(CallerKind.UNKNOWN);

        assertThat(directory.operatorFor("999").map(User::displayName)).contains("Сидор Сидоров");
        User sidorov = fixture.users.findByLogin("sidorov").orElseThrow();
        fixture.users.update(sidorov.id(), new UserDetails("sidorov", "Сидор Сидорович", Role.OPERATOR, null, true));
        assertThat(directory.operatorFor("999").map(User::displayName)).contains("Сидор Сидорович");
        fixture.users.removePhone(sidorov.phones().getFirst().id());
        assertThat(directory.operatorFor("999")).isEmpty();
        assertThat(directory.identify("999").kind()).isEqualTo(CallerKind.UNKNOWN);

        fixture.companies.delete(volga);
        assertThat(db.dsl().fetchCount(DEALERS)).isEqualTo(3);
        assertThat(directory.identify("89271390907").companyName()).isNull();
        fixture.dealers.delete(fixture.dealers.findByName("Автодом Волга").getFirst().id());
        assertThat(directory.identify("89271390907").kind()).isEqualTo(CallerKind.UNKNOWN);
    }

    @Test
    void answersNeverWaitForTheDatabaseOnceTheDirectoryIsRead() {
        var pool = db.newPool(db.jdbcUrl(), 2, java.time.Duration.ofMillis(500));
        Directory detached = new Directory(
                new DirectoryLookups(org.jooq.impl.DSL.using(pool, org.jooq.SQLDialect.POSTGRES)), fixture.numbers);
        assertThat(detached.identify("89271390907").kind()).isEqualTo(CallerKind.DEALER);

        pool.close(); // the database is away: the index still answers, unknown numbers included
        assertThat(detached.identify("8 927 139-09-07").name()).isEqualTo("Автодом Волга");
        assertThat(detached.identify("+70000000002").kind()).isEqualTo(CallerKind.UNKNOWN);
        assertThat(detached.operatorFor("777").map(User::login)).contains("ivanov");
        detached.directoryChanged(); // a reload that fails keeps the last index
        assertThat(detached.identify("89271390907").kind()).isEqualTo(CallerKind.DEALER);
    }
}
