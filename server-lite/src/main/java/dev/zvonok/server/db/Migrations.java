package dev.zvonok.server.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database to the current schema with the Flyway scripts in {@code db/migration}. */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                // a database that has tables but no history is somebody else's: stop rather than write into it
                .baselineOnMigrate(false)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return result;
    }
}
