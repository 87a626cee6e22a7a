package dev.zvonok.server.auth;

import static dev.zvonok.server.db.schema.Tables.AUTH_SECRETS;

import java.security.SecureRandom;
import java.util.Objects;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secrets the server generates once and keeps in the database, so that every start (and every server) agrees. */
final class StoredSecrets {

    private static final Logger log = LoggerFactory.getLogger(StoredSecrets.class);

    private final DSLContext dsl;
    private final SecureRandom random;

    StoredSecrets(DSLContext dsl, SecureRandom random) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The secret kept under this name, made of {@code bytes} random bytes by whoever asks first. */
    byte[] getOrCreate(String name, int bytes) {
        byte[] fresh = new byte[bytes];
        random.nextBytes(fresh);
        // insert-if-absent then read: two servers starting together on one database end up with the same secret
        int created = dsl.insertInto(AUTH_SECRETS)
                .set(AUTH_SECRETS.NAME, name)
                .set(AUTH_SECRETS.SECRET, fresh)
                .onConflictDoNothing()
                .execute();
        if (created > 0) {
            log.info("Generated the {} secret and stored it in the database", name);
        }
        return dsl.select(AUTH_SECRETS.SECRET).from(AUTH_SECRETS).where(AUTH_SECRETS.NAME.eq(name)).fetchSingle()
                .value1();
    }
}
