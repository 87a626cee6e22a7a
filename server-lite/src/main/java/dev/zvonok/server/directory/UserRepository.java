package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** Users and their phones, as the admin screen and the login need them. Every change refreshes the directory cache. */
public final class UserRepository {

    private final DirectoryWrites writes;
    private final DSLContext dsl;
    private final PhoneNumbers numbers;
    private final Passwords passwords;

    public UserRepository(DSLContext dsl, PhoneNumbers numbers, Passwords passwords, DirectoryChangeListener changes) {
        this.writes = new DirectoryWrites(dsl, changes);
        this.dsl = dsl;
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** The rule the users' numbers are read by: the server's, which a login tells the app. */
    public PhoneNumbers numbers() {
        return numbers;
    }

    /** @throws DirectoryConflictException when the login is taken */
    public User create(UserDetails details, String password) {
        String hash = passwords.hash(password);
        long id = writes.change("user " + details.login(), c -> c.dsl()
                .insertInto(USERS)
                .set(USERS.LOGIN, details.login())
                .set(USERS.DISPLAY_NAME, details.displayName())
                .set(USERS.PASSWORD_HASH, hash)
                .set(USERS.ROLE, details.role().wireName())
                .set(USERS.CITY, details.city())
                .set(USERS.ACTIVE, details.active())
                .returningResult(USERS.ID)
                .fetchSingle()
                .value1());
        return find(id).orElseThrow();
    }

    /** @return the updated user, empty when there is no such user */
    public Optional<User> update(long id, UserDetails details) {
        int updated = writes.change("user " + details.login(), c -> c.dsl()
                .update(USERS)
                .set(USERS.LOGIN, details.login())
                .set(USERS.DISPLAY_NAME, details.displayName())
                .set(USERS.ROLE, details.role().wireName())
                .set(USERS.CITY, details.city())
                .set(USERS.ACTIVE, details.active())
                .where(USERS.ID.eq(id))
                .execute());
        return updated == 0 ? Optional.empty() : find(id);
    }

    public boolean changePassword(long id, String password) {
        String hash = passwords.hash(password);
        return dsl.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(id)).execute() > 0;
    }

    /** Deletes the user and their phones; calls keep the names they recorded. */
    public boolean delete(long id) {
        return writes.change("user " + id, c -> c.dsl().deleteFrom(USERS).where(USERS.ID.eq(id)).execute()) > 0;
    }

    public Optional<User> find(long id) {
        return UserRows.select(dsl).where(USERS.ID.eq(id)).fetchOptional(UserRows::map);
    }

    public Optional<User> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return UserRows.select(dsl).where(USERS.LOGIN.eq(login.strip().toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(UserRows::map);
    }

    public List<User> list() {
        return UserRows.select(dsl).orderBy(USERS.DISPLAY_NAME, USERS.ID).fetch(UserRows::map);
    }

    /** Whether anybody can administer this server: an active user with the admin role. */
    public boolean hasActiveAdmin() {
        return dsl.fetchExists(USERS, USERS.ROLE.eq(dev.zvonok.model.directory.Role.ADMIN.wireName())
                .and(USERS.ACTIVE.isTrue()));
    }

    /** The active user with this login and password; empty for a wrong login, a wrong password or an inactive user. */
    public Optional<User> authenticate(String login, String password) {
        if (login == null) {
            return Optional.empty();
        }
        var row = dsl.select(USERS.ID, USERS.PASSWORD_HASH, USERS.ACTIVE)
                .from(USERS)
                .where(USERS.LOGIN.eq(login.strip().toLowerCase(java.util.Locale.ROOT)))
                .fetchOne();
        if (row == null || !row.value3() || !passwords.matches(password, row.value2())) {
            return Optional.empty();
        }
        return find(row.value1());
    }

    /** @throws DirectoryConflictException when another user has this number, or there is no such user */
    public UserPhone addPhone(long userId, String number, PhoneType type) {
        Objects.requireNonNull(type, "type");
        String normalized = DirectoryWrites.normalizeEntered(numbers, number);
        String entered = number.strip();
        long id = writes.change("number " + entered, c -> c.dsl()
                .insertInto(USER_PHONES)
                .set(USER_PHONES.USER_ID, userId)
                .set(USER_PHONES.NUMBER, entered)
                .set(USER_PHONES.NORMALIZED, normalized)
                .set(USER_PHONES.TYPE, type.dbName())
                .returningResult(USER_PHONES.ID)
                .fetchSingle()
                .value1());
        return new UserPhone(id, entered, normalized, type);
    }

    public boolean removePhone(long phoneId) {
        return writes.change("phone " + phoneId,
                c -> c.dsl().deleteFrom(USER_PHONES).where(USER_PHONES.ID.eq(phoneId)).execute()) > 0;
    }
}
