package dev.zvonok.server.auth;

import static dev.zvonok.server.db.schema.Tables.REFRESH_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.auth.RefreshTokens.Reason;
import dev.zvonok.server.auth.RefreshTokens.Refused;
import dev.zvonok.server.auth.RefreshTokens.Rotated;
import dev.zvonok.server.auth.RefreshTokens.Rotation;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefreshTokensTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.startingNow();
    private RefreshTokens tokens;
    private long userId;

    @BeforeEach
    void setUp() {
        db.clean();
        UserRepository users = new UserRepository(db.dsl(), PhoneNumbers.russian(), new Passwords(4),
                DirectoryChangeListener.NONE);
        userId = users.create(UserDetails.of("ivanov", "Иван Иванов", Role.OPERATOR), "pw").id();
        tokens = new RefreshTokens(db.dsl(), Duration.ofDays(30), clock, new SecureRandom());
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        String token = tokens.issue(userId);
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.issue(userId)).isNotEqualTo(token);
    }

    @Test
    void aRotationUsesTheTokenUpAndContinuesTheFamily() {
        String first = tokens.issue(userId);

        Rotated second = (Rotated) tokens.rotate(first);
        Rotated third = (Rotated) tokens.rotate(second.next());

        assertThat(second.userId()).isEqualTo(userId);
        assertThat(third.family()).isEqualTo(second.family());
        assertThat(tokens.rotate(third.next())).isInstanceOf(Rotated.class);
        assertThat(tokens.rotate("unknown")).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(tokens.rotate(null)).isEqualTo(new Refused(Reason.UNKNOWN));
    }

    @Test
    void aReusedTokenRevokesItsFamilyOnly() {
        String mine = tokens.issue(userId);
        String otherSession = tokens.issue(userId);
        Rotated next = (Rotated) tokens.rotate(mine);

        assertThat(tokens.rotate(mine)).isEqualTo(new Refused(Reason.REUSED));
        assertThat(tokens.rotate(next.next())).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(tokens.rotate(mine)).as("already revoked").isEqualTo(new Refused(Reason.REVOKED));
        assertThat(tokens.rotate(otherSession)).isInstanceOf(Rotated.class);
    }

    @Test
    void twoRefreshesWithOneTokenAtOnceLetOneThroughAndEndTheSession() throws Exception {
        String token = tokens.issue(userId);
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<Rotation>> racing = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return tokens.rotate(token);
                }))
                .toList();
        List<Rotation> outcomes = racing.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(Rotated.class::isInstance).hasSize(1);
        assertThat(outcomes).contains(new Refused(Reason.REUSED));
        Rotated winner = (Rotated) outcomes.stream().filter(Rotated.class::isInstance).findFirst().orElseThrow();
        assertThat(tokens.rotate(winner.next())).isEqualTo(new Refused(Reason.REVOKED));
    }

    @Test
    void expiredTokensAreRefusedAndDeleted() {
        String old = tokens.issue(userId);
        clock.advance(Duration.ofDays(20));
        String recent = tokens.issue(userId);
        clock.advance(Duration.ofDays(10));

        assertThat(tokens.rotate(old)).isEqualTo(new Refused(Reason.EXPIRED));
        assertThat(tokens.deleteExpired()).isEqualTo(1);
        assertThat(tokens.rotate(old)).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(tokens.rotate(recent)).isInstanceOf(Rotated.class);
    }

    @Test
    void aTokenExpiresAtItsTimeToTheMicrosecondThatPostgresKeeps() {
        MutableClock nanosClock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456789Z"));
        RefreshTokens precise = new RefreshTokens(db.dsl(), Duration.ofDays(30), nanosClock, new SecureRandom());
        String token = precise.issue(userId);

        nanosClock.advance(Duration.ofDays(30));
        assertThat(precise.rotate(token)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void revokingEndsTheWholeSession() {
        String first = tokens.issue(userId);
        Rotated second = (Rotated) tokens.rotate(first);

        assertThat(tokens.revokeSessionOf(first)).as("by any token of it").isTrue();
        assertThat(tokens.rotate(second.next())).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(tokens.revokeSessionOf("unknown")).isFalse();
        assertThat(db.dsl().fetchCount(REFRESH_TOKENS, REFRESH_TOKENS.REVOKED_AT.isNull())).isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
