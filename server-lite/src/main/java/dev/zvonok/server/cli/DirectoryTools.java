package dev.zvonok.server.cli;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.bulk.DirectoryImport;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserRepository;

/**
 * The directory of the configured database, for the administration commands ({@code users add}, {@code import}):
 * the composition root of a short-lived process. A running server on the same database hears of every change from
 * the database itself (its NOTIFY triggers) and reloads its directory.
 */
final class DirectoryTools implements AutoCloseable {

    private final Database database;
    private final PhoneNumbers numbers;
    private final UserRepository users;
    private final DirectoryImport imports;

    private DirectoryTools(Database database, PhoneNumbers numbers) {
        this.database = database;
        this.numbers = numbers;
        Passwords passwords = new Passwords();
        users = new UserRepository(database.dsl(), numbers, passwords, DirectoryChangeListener.NONE);
        imports = new DirectoryImport(new DirectoryBatch(database.dsl(), passwords, DirectoryChangeListener.NONE),
                numbers, new AuditLog(database.dsl(), Json.mapper()));
    }

    /**
     * Connects to the configured database and migrates it, as {@code serve} would: an external one, or the embedded
     * one, started here or, while a server runs it, joined.
     */
    static DirectoryTools open(ServerConfig settings) {
        DatabaseSettings database = settings.database();
        PhoneNumbers numbers = settings.phoneNumbers();
        try {
            return new DirectoryTools(Database.startOrJoin(database), numbers);
        } catch (IllegalStateException e) {
            if (!database.isEmbedded()) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + ". Stop the server first, or run server and"
                    + " commands against an external PostgreSQL (ZVONOK_DB_URL).", e);
        }
    }

    PhoneNumbers numbers() {
        return numbers;
    }

    UserRepository users() {
        return users;
    }

    DirectoryImport imports() {
        return imports;
    }

    @Override
    public void close() {
        database.close();
    }
}
