package dev.zvonok.server.auth;

import static dev.zvonok.server.db.schema.Tables.REFRESH_TOKENS;

import dev.zvonok.server.db.schema.tables.records.RefreshTokensRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh tokens: opaque random strings, kept only as their SHA-256. A login starts a family; each refresh uses its
 * token up and issues the next of the same family. A used token presented again means two parties hold the family
 * (a stolen copy, or a client that lost an answer): the whole family is revoked and both must log in again.
 */
final class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    /** 256 bits: guessing one is out of the question, so refreshes need no rate limit. */
    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final DSLContext dsl;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random;

    RefreshTokens(DSLContext dsl, Duration ttl, Clock clock, SecureRandom random) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** What came of presenting a refresh token. */
    sealed interface Rotation {
    }

    /** The token was good: it is used up, and {@code next} replaces it. */
    record Rotated(long userId, UUID family, String next) implements Rotation {
    }

    /** The token was not accepted; nothing was issued. */
    record Refused(Reason reason) implements Rotation {
    }

    enum Reason {
        UNKNOWN,
        EXPIRED,
        REVOKED,
        /** Already used once: the family has now been revoked. */
        REUSED
    }

    /** Starts a login session for the user: the first token of a new family. */
    String issue(long userId) {
        String token = newToken();
        insert(dsl, userId, UUID.randomUUID(), token, now());
        return token;
    }

    /** Uses the token up and issues its successor, or says why not. */
    Rotation rotate(String token) {
        if (token == null || token.isEmpty()) {
            return new Refused(Reason.UNKNOWN);
        }
        String hash = hash(token);
        Instant now = now();
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // the row lock makes two refreshes with one token take turns: the second sees it used
            RefreshTokensRecord row = tx.selectFrom(REFRESH_TOKENS)
                    .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash))
                    .forUpdate()
                    .fetchOne();
            if (row == null) {
                return new Refused(Reason.UNKNOWN);
            }
            if (row.getRevokedAt() != null) {
                return new Refused(Reason.REVOKED);
            }
            if (row.getUsedAt() != null) {
                int revoked = revokeFamily(tx, row.getFamilyId(), now);
                log.warn("A used refresh token of user {} came back: revoked its login session ({} token(s)); "
                        + "the token may have been stolen", row.getUserId(), revoked);
                return new Refused(Reason.REUSED);
            }
            if (!at(row.getExpiresAt()).isAfter(now)) {
                return new Refused(Reason.EXPIRED);
            }
            tx.update(REFRESH_TOKENS)
                    .set(REFRESH_TOKENS.USED_AT, at(now))
                    .where(REFRESH_TOKENS.ID.eq(row.getId()))
                    .execute();
            String next = newToken();
            insert(tx, row.getUserId(), row.getFamilyId(), next, now);
            return new Rotated(row.getUserId(), row.getFamilyId(), next);
        });
    }

    /** Ends the login session the token belongs to. @return false when the token is unknown */
    boolean revokeSessionOf(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        var family = dsl.select(REFRESH_TOKENS.FAMILY_ID)
                .from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash(token)))
                .fetchOne();
        if (family == null) {
            return false;
        }
        revokeSession(family.value1());
        return true;
    }

    void revokeSession(UUID family) {
        revokeFamily(dsl, family, now());
    }

    /** Ends every login session of the user (deactivated, or given a new password). @return the tokens revoked */
    int revokeAllOf(long userId) {
        return dsl.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, at(now()))
                .where(REFRESH_TOKENS.USER_ID.eq(userId))
                .and(REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    /**
     * Forgets tokens past their expiry: they can do nothing any more, not even reveal a reuse.
     *
     * @return how many were deleted
     */
    int deleteExpired() {
        return dsl.deleteFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.EXPIRES_AT.le(at(now()))).execute();
    }

    private void insert(DSLContext ctx, long userId, UUID family, String token, Instant now) {
        ctx.insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.USER_ID, userId)
                .set(REFRESH_TOKENS.FAMILY_ID, family)
                .set(REFRESH_TOKENS.TOKEN_HASH, hash(token))
                .set(REFRESH_TOKENS.CREATED_AT, at(now))
                .set(REFRESH_TOKENS.EXPIRES_AT, at(now.plus(ttl)))
                .execute();
    }

    private static int revokeFamily(DSLContext ctx, UUID family, Instant now) {
        return ctx.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, at(now))
                .where(REFRESH_TOKENS.FAMILY_ID.eq(family))
                .and(REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    /** PostgreSQL keeps microseconds and rounds the rest: compare with what it keeps, not with what it was given. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** SHA-256, hex: the token itself is never stored, so the table is no use to whoever copies it. */
    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant at(OffsetDateTime time) {
        return time.toInstant();
    }
}
