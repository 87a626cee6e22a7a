package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

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
        long id = writes.change("user " + details.login(), c -> insert(c.dsl(), details, hash));
        return find(id).orElseThrow();
    }

    /** The user's row, without phones or teams; its id. */
    private static long insert(DSLContext tx, UserDetails details, String passwordHash) {
        return tx.insertInto(USERS)
                .set(USERS.LOGIN, details.login())
                .set(USERS.DISPLAY_NAME, details.displayName())
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, details.role().wireName())
                .set(USERS.CITY, details.city())
                .set(USERS.ACTIVE, details.active())
                .returningResult(USERS.ID)
                .fetchSingle()
                .value1();
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

    // ---------------------------------------------------------------------------------------------------------------
    // The administration's whole-user changes: the user, their phones and their teams in one transaction, with the
    // audit log's row in it too.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * @param teamIds the teams the user belongs to
     * @throws NumberTakenException       when another user has one of the numbers
     * @throws DirectoryConflictException when the login is taken or a team does not exist
     */
    public User create(UserDetails details, String password, List<NewPhone> phones, Collection<Long> teamIds,
                       ChangeRecorder<User> recorder) {
        String hash = passwords.hash(password);
        return writes.changeNumbers("user " + details.login(), c -> {
            DSLContext tx = c.dsl();
            long id = insert(tx, details, hash);
            replacePhones(tx, id, phones);
            replaceTeams(tx, id, teamIds);
            User created = read(tx, id).orElseThrow();
            recorder.record(tx, null, created);
            return created;
        }, ctx -> checkFree(ctx, 0, phones));
    }

    /**
     * @param phones  the user's phones from now on; null leaves them as they are
     * @param teamIds the user's teams from now on; null leaves them as they are
     * @return the updated user, empty when there is no such user
     * @throws NumberTakenException       when another user has one of the numbers
     * @throws DirectoryConflictException when the login is taken or a team does not exist
     */
    public Optional<User> update(long id, UserDetails details, List<NewPhone> phones, Collection<Long> teamIds,
                                 ChangeRecorder<User> recorder) {
        return writes.changeNumbers("user " + details.login(), c -> {
            DSLContext tx = c.dsl();
            Optional<User> before = readForUpdate(tx, id);
            if (before.isEmpty()) {
                return Optional.<User>empty();
            }
            tx.update(USERS)
                    .set(USERS.LOGIN, details.login())
                    .set(USERS.DISPLAY_NAME, details.displayName())
                    .set(USERS.ROLE, details.role().wireName())
                    .set(USERS.CITY, details.city())
                    .set(USERS.ACTIVE, details.active())
                    .where(USERS.ID.eq(id))
                    .execute();
            if (phones != null) {
                replacePhones(tx, id, phones);
            }
            if (teamIds != null) {
                replaceTeams(tx, id, teamIds);
            }
            User after = read(tx, id).orElseThrow();
            recorder.record(tx, before.get(), after);
            return Optional.of(after);
        }, ctx -> {
            if (phones != null) {
                checkFree(ctx, id, phones);
            }
        });
    }

    /** @return false when there is no such user */
    public boolean changePassword(long id, String password, ChangeRecorder<User> recorder) {
        String hash = passwords.hash(password);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<User> user = readForUpdate(tx, id);
            if (user.isEmpty()) {
                return false;
            }
            tx.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(id)).execute();
            recorder.record(tx, user.get(), user.get());
            return true;
        });
    }

    /**
     * Users by name, login or number, a page of them, in {@code sort}'s order.
     *
     * @param text   part of the name or login (any case), or of a number; null for everybody
     * @param role   null for every role
     * @param active null for active and deactivated users alike
     */
    public Found<User> search(String text, Role role, Boolean active, SortOrder sort, int offset, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String term = text.strip();
            Condition matches = USERS.LOGIN.containsIgnoreCase(term).or(USERS.DISPLAY_NAME.containsIgnoreCase(term));
            String digits = term.replaceAll("\\D", "");
            if (!digits.isEmpty()) {
                matches = matches.or(DSL.exists(DSL.selectOne().from(USER_PHONES)
                        .where(USER_PHONES.USER_ID.eq(USERS.ID))
                        .and(USER_PHONES.NORMALIZED.contains(digits))));
            }
            where = where.and(matches);
        }
        if (role != null) {
            where = where.and(USERS.ROLE.eq(role.wireName()));
        }
        if (active != null) {
            where = where.and(USERS.ACTIVE.eq(active));
        }
        int total = dsl.fetchCount(USERS, where);
        List<User> page = UserRows.select(dsl).where(where)
                .orderBy(sort.orderBy(UserRepository::sortColumn, USERS.ID))
                .offset(offset).limit(limit).fetch(UserRows::map);
        return new Found<>(page, total);
    }

    private static Field<?> sortColumn(String key) {
        return switch (key) {
            case "login" -> USERS.LOGIN;
            case "name" -> USERS.DISPLAY_NAME;
            case "role" -> USERS.ROLE;
            case "city" -> USERS.CITY;
            case "active" -> USERS.ACTIVE;
            default -> null;
        };
    }

    private static Optional<User> read(DSLContext tx, long id) {
        return UserRows.select(tx).where(USERS.ID.eq(id)).fetchOptional(UserRows::map);
    }

    /** The user as they are now, their row locked until the transaction ends: two admins' edits queue up. */
    private static Optional<User> readForUpdate(DSLContext tx, long id) {
        if (tx.selectOne().from(USERS).where(USERS.ID.eq(id)).forUpdate().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        return read(tx, id);
    }

    /** @throws NumberTakenException naming the first of {@code phones} another user has */
    private static void checkFree(DSLContext tx, long userId, List<NewPhone> phones) {
        for (int i = 0; i < phones.size(); i++) {
            String normalized = phones.get(i).normalized();
            var owner = tx.select(USERS.ID, USERS.DISPLAY_NAME, USERS.LOGIN)
                    .from(USER_PHONES)
                    .join(USERS).on(USERS.ID.eq(USER_PHONES.USER_ID))
                    .where(USER_PHONES.NORMALIZED.eq(normalized))
                    .and(USER_PHONES.USER_ID.ne(userId))
                    .fetchAny();
            if (owner != null) {
                throw new NumberTakenException(i, normalized, new NumberOwner(NumberOwner.Kind.USER, owner.value1(),
                        owner.value2() + " (" + owner.value3() + ")"));
            }
        }
    }

    private static void replacePhones(DSLContext tx, long userId, List<NewPhone> phones) {
        checkFree(tx, userId, phones);
        tx.deleteFrom(USER_PHONES).where(USER_PHONES.USER_ID.eq(userId)).execute();
        for (NewPhone phone : phones) {
            tx.insertInto(USER_PHONES)
                    .set(USER_PHONES.USER_ID, userId)
                    .set(USER_PHONES.NUMBER, phone.number())
                    .set(USER_PHONES.NORMALIZED, phone.normalized())
                    .set(USER_PHONES.TYPE, Objects.requireNonNull(phone.type(), "type").dbName())
                    .execute();
        }
    }

    private static void replaceTeams(DSLContext tx, long userId, Collection<Long> teamIds) {
        tx.deleteFrom(USER_TEAMS).where(USER_TEAMS.USER_ID.eq(userId)).execute();
        for (Long teamId : new java.util.LinkedHashSet<>(teamIds)) {
            tx.insertInto(USER_TEAMS).set(USER_TEAMS.USER_ID, userId).set(USER_TEAMS.TEAM_ID, teamId).execute();
        }
    }
}
