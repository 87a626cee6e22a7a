package dev.zvonok.server.bulk;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.LineRepository;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Import and export wired as the server wires them, over a test database; cheap BCrypt to keep tests fast. */
final class BulkFixture {

    final PhoneNumbers numbers = PhoneNumbers.russian();
    final Directory directory;
    final UserRepository users;
    final CompanyRepository companies;
    final DealerRepository dealers;
    final TeamRepository teams;
    final LineRepository lines;
    final DirectoryImport imports;
    final DirectoryExport exports;

    BulkFixture(TestDatabase db) {
        Passwords passwords = new Passwords(4);
        directory = new Directory(new DirectoryLookups(db.dsl()), numbers);
        users = new UserRepository(db.dsl(), numbers, passwords, directory);
        companies = new CompanyRepository(db.dsl(), numbers, directory);
        dealers = new DealerRepository(db.dsl(), numbers, directory);
        teams = new TeamRepository(db.dsl(), directory);
        lines = new LineRepository(db.dsl(), numbers, directory);
        DirectoryBatch batch = new DirectoryBatch(db.dsl(), passwords, directory);
        imports = new DirectoryImport(batch, numbers);
        exports = new DirectoryExport(batch, numbers);
    }

    static byte[] resource(String name) {
        try (InputStream in = BulkFixture.class.getResourceAsStream("/bulk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /bulk/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
