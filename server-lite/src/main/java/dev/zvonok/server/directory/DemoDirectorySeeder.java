package dev.zvonok.server.directory;

import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty directory with the demo's people, companies and dealers: the operators whose phones ring in the
 * recorded and simulated calls (777, 888, 999) and the clients those calls come from (89271390907 is dealer
 * "Автодом Волга", +79991234567 is "ООО Ромашка").
 *
 * <p>Idempotent: what exists (a user by login, a company or dealer by name, a number by its normalized form) is left
 * as it is, only what is missing is added, so it can run at every start of a demo server. Every password is
 * {@value #DEMO_PASSWORD}.
 */
public final class DemoDirectorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

    public static final String DEMO_PASSWORD = "demo";

    record DemoUser(String login, String displayName, Role role, String city, List<DemoPhone> phones) {
    }

    record DemoPhone(String number, PhoneType type) {
    }

    record DemoNumber(String number, String comment) {
    }

    record DemoCompany(String name, String inn, String city, String comment, List<DemoNumber> numbers) {
    }

    record DemoDealer(String name, String companyName, String city, String comment, List<DemoNumber> numbers) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("ivanov", "Иван Иванов", Role.OPERATOR, "Москва", List.of(
                    new DemoPhone("777", PhoneType.EXTENSION), new DemoPhone("+7 916 555-12-34", PhoneType.MOBILE))),
            new DemoUser("petrov", "Пётр Петров", Role.OPERATOR, "Самара", List.of(
                    new DemoPhone("888", PhoneType.EXTENSION))),
            new DemoUser("sidorov", "Сидор Сидоров", Role.OPERATOR, "Казань", List.of(
                    new DemoPhone("999", PhoneType.EXTENSION))),
            new DemoUser("supervisor", "Анна Смирнова", Role.SUPERVISOR, "Москва", List.of(
                    new DemoPhone("700", PhoneType.EXTENSION))),
            new DemoUser("admin", "Администратор", Role.ADMIN, null, List.of()));

    static final List<DemoCompany> COMPANIES = List.of(
            new DemoCompany("ООО «Волга-Авто»", "6316123456", "Самара", "Сеть дилерских центров в Поволжье",
                    List.of(new DemoNumber("8 (846) 200-10-20", "Головной офис, приёмная"))),
            new DemoCompany("ООО Ромашка", "7701234567", "Москва", null,
                    List.of(new DemoNumber("+79991234567", "Отдел закупок"),
                            new DemoNumber("8 495 123-45-99", "Бухгалтерия"))),
            new DemoCompany("АО «Северный Путь»", "7812345678", "Санкт-Петербург", "Логистика",
                    List.of(new DemoNumber("+7 (812) 555-01-23", "Диспетчерская"))),
            new DemoCompany("ИП Кузнецов А. В.", "165012345678", "Казань", null,
                    List.of(new DemoNumber("8-843-200-30-40", null))));

    static final List<DemoDealer> DEALERS = List.of(
            new DemoDealer("Автодом Волга", "ООО «Волга-Авто»", "Самара", "Продажи и сервис",
                    List.of(new DemoNumber("89271390907", "Менеджер по сервису"),
                            new DemoNumber("+7 (846) 277-77-70", "Ресепшн"))),
            new DemoDealer("Волга-Авто Тольятти", "ООО «Волга-Авто»", "Тольятти", null,
                    List.of(new DemoNumber("8 (8482) 55-66-77", null))),
            new DemoDealer("Кама Моторс", null, "Набережные Челны", "Независимый дилер",
                    List.of(new DemoNumber("7 (855) 245-00-11", null), new DemoNumber("9172223344", "Директор"))));

    private final UserRepository users;
    private final CompanyRepository companies;
    private final DealerRepository dealers;
    private final PhoneNumbers numbers;

    public DemoDirectorySeeder(UserRepository users, CompanyRepository companies, DealerRepository dealers,
                               PhoneNumbers numbers) {
        this.users = Objects.requireNonNull(users, "users");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.dealers = Objects.requireNonNull(dealers, "dealers");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /** Adds whatever of the demo directory is missing. */
    public void seed() {
        int added = 0;
        for (DemoUser demo : USERS) {
            User user = users.findByLogin(demo.login()).orElse(null);
            if (user == null) {
                user = users.create(new UserDetails(demo.login(), demo.displayName(), demo.role(), demo.city(), true),
                        DEMO_PASSWORD);
                added++;
            }
            Set<String> present = user.phones().stream().map(UserPhone::normalized).collect(Collectors.toSet());
            for (DemoPhone phone : demo.phones()) {
                if (!present.contains(normalized(phone.number()))) {
                    users.addPhone(user.id(), phone.number(), phone.type());
                    added++;
                }
            }
        }
        for (DemoCompany demo : COMPANIES) {
            Company company = companies.findByName(demo.name()).stream().findFirst().orElse(null);
            if (company == null) {
                company = companies.create(new CompanyDetails(demo.name(), demo.inn(), demo.city(), demo.comment()));
                added++;
            }
            Set<String> present = company.phones().stream().map(PhoneEntry::normalized).collect(Collectors.toSet());
            for (DemoNumber number : demo.numbers()) {
                if (!present.contains(normalized(number.number()))) {
                    companies.addPhone(company.id(), number.number(), number.comment());
                    added++;
                }
            }
        }
        for (DemoDealer demo : DEALERS) {
            Dealer dealer = dealers.findByName(demo.name()).stream().findFirst().orElse(null);
            if (dealer == null) {
                Long companyId = demo.companyName() == null ? null
                        : companies.findByName(demo.companyName()).stream().findFirst().map(Company::id).orElse(null);
                dealer = dealers.create(new DealerDetails(demo.name(), companyId, demo.city(), demo.comment()));
                added++;
            }
            Set<String> present = dealer.phones().stream().map(PhoneEntry::normalized).collect(Collectors.toSet());
            for (DemoNumber number : demo.numbers()) {
                if (!present.contains(normalized(number.number()))) {
                    dealers.addPhone(dealer.id(), number.number(), number.comment());
                    added++;
                }
            }
        }
        if (added > 0) {
            log.info("Demo directory: added {} entries (password of every demo user: {})", added, DEMO_PASSWORD);
        }
    }

    private String normalized(String number) {
        return numbers.normalize(number);
    }
}
