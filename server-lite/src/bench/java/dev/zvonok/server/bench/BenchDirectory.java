package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.PhoneType;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory the benchmarks identify against: a real embedded PostgreSQL in a temporary directory with one user
 * per operator extension of the load and the demo's dealers and companies.
 */
final class BenchDirectory implements AutoCloseable {

    final PhoneNumbers numbers = PhoneNumbers.russian();
    final Database database;
    final Directory directory;
    private final Path dataDirectory;

    private BenchDirectory(Path dataDirectory, List<String> operators) {
        this.dataDirectory = dataDirectory;
        this.database = Database.start(DatabaseSettings.embedded(dataDirectory));
        this.directory = new Directory(new DirectoryLookups(database.dsl()), numbers);
        // the lowest BCrypt cost: a thousand users are created here, and nobody logs in
        UserRepository users = new UserRepository(database.dsl(), numbers, new Passwords(4), directory);
        new DemoDirectorySeeder(users, new CompanyRepository(database.dsl(), numbers, directory),
                new DealerRepository(database.dsl(), numbers, directory), numbers).seed();
        for (String extension : operators) {
            if (directory.operatorFor(extension).isEmpty()) {
                User user = users.create(UserDetails.of("op" + extension, "Operator " + extension, Role.OPERATOR),
                        "bench");
                users.addPhone(user.id(), extension, PhoneType.EXTENSION);
            }
        }
        directory.directoryChanged();
    }

    /** Adds supervisors {@code sup1}…{@code supN} (password "bench"), who see every operator while there are no teams. */
    void addSupervisors(int count) {
        UserRepository users = new UserRepository(database.dsl(), numbers, new Passwords(4), directory);
        for (int i = 1; i <= count; i++) {
            users.create(UserDetails.of("sup" + i, "Supervisor " + i, Role.SUPERVISOR), "bench");
        }
        directory.directoryChanged();
    }

    static BenchDirectory start(List<String> operators) {
        try {
            return new BenchDirectory(Files.createTempDirectory("zvonok-bench-pg"), operators);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dataDirectory + ": " + e.getMessage());
        }
    }
}
