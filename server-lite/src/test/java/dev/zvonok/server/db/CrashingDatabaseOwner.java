package dev.zvonok.server.db;

import java.nio.file.Path;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;

/**
 * Run in a child JVM by {@link DatabaseTest}: starts the embedded database, writes a row, says READY and waits to be
 * killed, leaving its PostgreSQL orphaned as a crash would.
 */
public final class CrashingDatabaseOwner {

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.start(DatabaseSettings.embedded(Path.of(args[0])));
        database.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, args[1]).execute();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
