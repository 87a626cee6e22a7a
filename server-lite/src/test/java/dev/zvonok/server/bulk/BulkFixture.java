package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
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
    /** The import, as the test's admin at 192.0.2.10 runs it. */
    final AsAdmin imports;
    final DirectoryImport importer;
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
        importer = new DirectoryImport(batch, numbers, new AuditLog(db.dsl(), Json.mapper()));
        imports = (kind, file, dryRun) -> importer.run(kind, file, dryRun, ADMIN);
        exports = new DirectoryExport(batch, numbers);
    }

    static final Actor ADMIN = new Actor(null, "bulk-admin", "192.0.2.10");

    @FunctionalInterface
    interface AsAdmin {
        ImportReport run(BulkKind kind, byte[] file, boolean dryRun);
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
