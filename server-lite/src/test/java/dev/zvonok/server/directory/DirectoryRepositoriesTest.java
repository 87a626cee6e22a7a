package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DirectoryRepositoriesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private DirectoryFixture fixture;

    @BeforeEach
    void setUp() {
        db.clean();
        fixture = new DirectoryFixture(db);
    }

    @Test
    void usersWithPhonesAndPasswords() {
        User created = fixture.users.create(
                new UserDetails("  Ivanov ", " Иван Иванов ", Role.OPERATOR, "Москва", true), "s3cret");
        assertThat(created.login()).as("logins are kept lower-case and trimmed").isEqualTo("ivanov");
        assertThat(created.displayName()).isEqualTo("Иван Иванов");
        assertThat(db.dsl().select(USERS.PASSWORD_HASH).from(USERS).fetchSingle().value1())
                .startsWith("$2").doesNotContain("s3cret");

        UserPhone desk = fixture.users.addPhone(created.id(), " 777 ", PhoneType.EXTENSION);
        UserPhone mobile = fixture.users.addPhone(created.id(), "8 (916) 555-12-34", PhoneType.MOBILE);
        assertThat(desk).isEqualTo(new UserPhone(desk.id(), "777", "777", PhoneType.EXTENSION));
        assertThat(mobile.number()).isEqualTo("8 (916) 555-12-34");
        assertThat(mobile.normalized()).isEqualTo("+79165551234");

        User found = fixture.users.findByLogin("IVANOV").orElseThrow();
        assertThat(found.phones()).containsExactly(desk, mobile);
        assertThat(found.extensions()).containsExactly("777");

        assertThat(fixture.users.authenticate("ivanov", "s3cret")).contains(found);
        assertThat(fixture.users.authenticate("Ivanov", "s3cret")).isPresent();
        assertThat(fixture.users.authenticate("ivanov", "wrong")).isEmpty();
        assertThat(fixture.users.authenticate("nobody", "s3cret")).isEmpty();

        assertThat(fixture.users.changePassword(found.id(), "n3w")).isTrue();
        assertThat(fixture.users.authenticate("ivanov", "n3w")).isPresent();

        fixture.users.update(found.id(), new UserDetails("ivanov", "Иван Иванов", Role.SUPERVISOR, null, false));
        assertThat(fixture.users.authenticate("ivanov", "n3w")).as("inactive users cannot log in").isEmpty();
        assertThat(fixture.users.find(found.id()).orElseThrow().role()).isEqualTo(Role.SUPERVISOR);

        assertThat(fixture.users.delete(found.id())).isTrue();
        assertThat(db.dsl().fetchCount(USER_PHONES)).isZero();
        assertThat(fixture.users.delete(found.id())).isFalse();
        assertThat(fixture.users.update(found.id(), UserDetails.of("x", "X", Role.ADMIN))).isEmpty();
    }

    @Test
    void loginsAndUsersNumbersAreUnique() {
        User ivanov = fixture.users.create(UserDetails.of("ivanov", "Иван Иванов", Role.OPERATOR), "demo");
        User petrov = fixture.users.create(UserDetails.of("petrov", "Пётр Петров", Role.OPERATOR), "demo");
        fixture.users.addPhone(ivanov.id(), "89165551234", PhoneType.MOBILE);

        assertThatThrownBy(() -> fixture.users.create(UserDetails.of("IVANOV", "Другой", Role.OPERATOR), "demo"))
                .isInstanceOf(DirectoryConflictException.class).hasMessageContaining("ivanov");
        assertThatThrownBy(() -> fixture.users.addPhone(petrov.id(), "+7 916 555-12-34", PhoneType.MOBILE))
                .isInstanceOf(DirectoryConflictException.class);
        assertThatThrownBy(() -> fixture.users.addPhone(999_999, "555", PhoneType.EXTENSION))
                .isInstanceOf(DirectoryConflictException.class);
    }

    @Test
    void enteredDataIsChecked() {
        User user = fixture.users.create(UserDetails.of("ivanov", "Иван Иванов", Role.OPERATOR), "demo");
        assertThatThrownBy(() -> fixture.users.addPhone(user.id(), "нет номера", PhoneType.MOBILE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDetails.of(" ", "Имя", Role.OPERATOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompanyDetails.named("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.users.create(UserDetails.of("a", "A", Role.ADMIN), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void companiesAndDealersWithTheirNumbers() {
        Company volga = fixture.companies.create(
                new CompanyDetails("ООО «Волга-Авто»", "6316123456", "Самара", "Поволжье"));
        PhoneEntry office = fixture.companies.addPhone(volga.id(), "8 (846) 200-10-20", "Приёмная");
        assertThat(office.normalized()).isEqualTo("+78462001020");

        Dealer dealer = fixture.dealers.create(new DealerDetails("Автодом Волга", volga.id(), "Самара", null));
        PhoneEntry manager = fixture.dealers.addPhone(dealer.id(), "89271390907", "Менеджер");
        assertThat(fixture.dealers.find(dealer.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.companyName()).isEqualTo("ООО «Волга-Авто»");
            assertThat(d.phones()).containsExactly(manager);
        });
        assertThat(fixture.dealers.listOfCompany(volga.id())).extracting(Dealer::name).containsExactly("Автодом Волга");

        Company found = fixture.companies.find(volga.id()).orElseThrow();
        assertThat(found.inn()).isEqualTo("6316123456");
        assertThat(found.phones()).containsExactly(office);
        assertThat(fixture.companies.list()).extracting(Company::name).containsExactly("ООО «Волга-Авто»");

        assertThat(fixture.companies.removePhone(office.id())).isTrue();
        assertThat(db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES)).isZero();

        assertThat(fixture.companies.delete(volga.id())).isTrue();
        assertThat(fixture.dealers.find(dealer.id()).orElseThrow().companyId())
                .as("a dealer outlives its company").isNull();
        assertThat(fixture.dealers.delete(dealer.id())).isTrue();
        assertThat(db.dsl().fetchCount(DEALER_PHONE_NUMBERS)).isZero();

        assertThatThrownBy(() -> fixture.dealers.create(new DealerDetails("Призрак", 424242L, null, null)))
                .isInstanceOf(DirectoryConflictException.class);
    }

    @Test
    void demoSeedingIsIdempotent() {
        fixture.seeder.seed();
        int users = db.dsl().fetchCount(USERS);
        int phones = db.dsl().fetchCount(USER_PHONES);
        int companies = db.dsl().fetchCount(COMPANIES);
        int dealers = db.dsl().fetchCount(DEALERS);
        int numbers = db.dsl().fetchCount(DEALER_PHONE_NUMBERS) + db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES);

        fixture.seeder.seed();
        new DirectoryFixture(db).seeder.seed();

        assertThat(users).isEqualTo(5);
        assertThat(db.dsl().fetchCount(USERS)).isEqualTo(users);
        assertThat(db.dsl().fetchCount(USER_PHONES)).isEqualTo(phones);
        assertThat(db.dsl().fetchCount(COMPANIES)).isEqualTo(companies);
        assertThat(db.dsl().fetchCount(DEALERS)).isEqualTo(dealers);
        assertThat(db.dsl().fetchCount(DEALER_PHONE_NUMBERS) + db.dsl().fetchCount(PHONE_NUMBERS_COMPANIES))
                .isEqualTo(numbers);
    }

    @Test
    void demoDirectoryHasTheDemoPeopleAndClients() {
        fixture.seeder.seed();

        for (String login : new String[] {"ivanov", "petrov", "sidorov", "supervisor", "admin"}) {
            assertThat(fixture.users.authenticate(login, DemoDirectorySeeder.DEMO_PASSWORD)).as(login).isPresent();
        }
        assertThat(fixture.users.findByLogin("ivanov").orElseThrow())
                .extracting(User::displayName, User::role, User::city, User::extensions)
                .containsExactly("Иван Иванов", Role.OPERATOR, "Москва", java.util.List.of("777"));
        assertThat(fixture.users.findByLogin("petrov").orElseThrow().extensions()).containsExactly("888");
        assertThat(fixture.users.findByLogin("sidorov").orElseThrow().extensions()).containsExactly("999");
        assertThat(fixture.users.findByLogin("supervisor").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(fixture.users.findByLogin("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);

        Directory directory = fixture.directory;
        assertThat(directory.identify("89271390907").name()).isEqualTo("Автодом Волга");
        assertThat(directory.identify("+79991234567").name()).isEqualTo("ООО Ромашка");
        assertThat(directory.identify("+7 (812) 555-01-23").name()).isEqualTo("АО «Северный Путь»");
        assertThat(directory.identify("78552450011").kind()).isEqualTo(CallerKind.DEALER);
        assertThat(directory.identify("+78482556677").companyName()).isEqualTo("ООО «Волга-Авто»");
        assertThat(directory.operatorFor("777").map(User::login)).contains("ivanov");
    }
}
