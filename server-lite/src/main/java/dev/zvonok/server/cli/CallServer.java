package dev.zvonok.server.cli;

import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.calls.CallRecorder;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryChangeNotifications;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.PhoneNumbers;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.tracking.CallEventFanOut;
import dev.zvonok.server.tracking.CallLog;
import dev.zvonok.server.tracking.OperatorEndpoints;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server-lite: the database, the directory, the call recorder and the PBX connection, built in order and
 * closed in reverse. Both {@code serve} and {@code demo} are this, with different settings.
 */
final class CallServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallServer.class);

    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private final PhoneNumbers numbers;
    private final Database database;
    private final Directory directory;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final DealerRepository dealers;
    private final CallRepository calls;
    private final CallRecorder recorder;
    private AmiCallTracking tracking;

    private CallServer(DatabaseSettings databaseSettings, PhoneNumbers numbers) {
        this.numbers = numbers;
        try {
            database = remember(Database.start(databaseSettings));
            directory = new Directory(new DirectoryLookups(database.dsl()), numbers);
            users = new UserRepository(database.dsl(), numbers, new Passwords(), directory);
            companies = new CompanyRepository(database.dsl(), numbers, directory);
            dealers = new DealerRepository(database.dsl(), numbers, directory);
            calls = new CallRepository(database.dsl(), numbers);
            remember(new DirectoryChangeNotifications(database.dataSource(), directory).start());
            recorder = remember(new CallRecorder(database.dsl(), directory).start());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the database (migrated), the directory and the call recorder; no PBX yet. */
    static CallServer open(DatabaseSettings database, PhoneNumbers numbers) {
        return new CallServer(database, numbers);
    }

    /** Logs in to the PBX and follows its calls into the log and the database. */
    CallServer followPbx(AmiSettings ami, OperatorEndpoints endpoints) {
        if (tracking != null) {
            throw new IllegalStateException("already following " + tracking.connection().address());
        }
        tracking = remember(new AmiCallTracking(ami, numbers, new DirectoryOperatorEndpoints(endpoints, directory),
                EventClock.pbxOrReceived(), CallEventFanOut.of(new CallLog(), recorder)).start());
        log.info("server-lite is following the PBX at {} (database: {})", ami.address(), database.jdbcUrl());
        return this;
    }

    UserRepository users() {
        return users;
    }

    CompanyRepository companies() {
        return companies;
    }

    DealerRepository dealers() {
        return dealers;
    }

    CallRepository calls() {
        return calls;
    }

    Directory directory() {
        return directory;
    }

    AmiCallTracking tracking() {
        return tracking;
    }

    CallRecorder recorder() {
        return recorder;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        closeInReverse.push(resource);
        return resource;
    }

    /** Stops the PBX connection first, lets the recorder write what it holds, then stops the database. */
    @Override
    public void close() {
        while (!closeInReverse.isEmpty()) {
            AutoCloseable resource = closeInReverse.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
