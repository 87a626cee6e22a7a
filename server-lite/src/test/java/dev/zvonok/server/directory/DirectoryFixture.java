package dev.zvonok.server.directory;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import org.jooq.DSLContext;

/** The directory's parts wired as the server wires them, over a test database. Cheap BCrypt to keep tests fast. */
final class DirectoryFixture {

    final PhoneNumbers numbers = PhoneNumbers.russian();
    final Directory directory;
    final UserRepository users;
    final CompanyRepository companies;
    final DealerRepository dealers;
    final DemoDirectorySeeder seeder;

    DirectoryFixture(TestDatabase db) {
        this(db.dsl());
    }

    DirectoryFixture(DSLContext dsl) {
        directory = new Directory(new DirectoryLookups(dsl), numbers);
        users = new UserRepository(dsl, numbers, new Passwords(4), directory);
        companies = new CompanyRepository(dsl, numbers, directory);
        dealers = new DealerRepository(dsl, numbers, directory);
        seeder = new DemoDirectorySeeder(users, companies, dealers, numbers);
    }
}
