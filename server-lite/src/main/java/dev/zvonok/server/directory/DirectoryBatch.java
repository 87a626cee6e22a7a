package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.directory.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * Reads the whole directory and writes many entries of it in one transaction: what an import needs. Another import
 * waits for the one running (an advisory lock), so two of them never decide on the same state. Listeners hear of a
 * change once it is committed, and only when something was written.
 *
 * <p>Writes go in chunks of multi-row inserts and batched updates: ten thousand rows are a few dozen round trips.
 */
public final class DirectoryBatch {

    /** Any number, the same in every server: the key of the advisory lock that one import at a time holds. */
    private static final long IMPORT_LOCK = 0x7a766f6e6f6bL;
    private static final int CHUNK = 1000;

    private final DSLContext dsl;
    private final Passwords passwords;
    private final DirectoryChangeListener changes;

    public DirectoryBatch(DSLContext dsl, Passwords passwords, DirectoryChangeListener changes) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /**
     * Runs the work in one transaction: everything it wrote is committed together, or nothing when it throws.
     *
     * @throws DirectoryConflictException when a write breaks a constraint (e.g. a user's number taken meanwhile)
     */
    public <T> T run(Function<Session, T> work) {
        Session[] session = new Session[1];
        T result;
        try {
            result = dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                tx.fetch("select pg_advisory_xact_lock(?)", IMPORT_LOCK);
                session[0] = new Session(tx);
                return work.apply(session[0]);
            });
        } catch (DataAccessException e) {
            throw DirectoryWrites.conflictOr("import", e);
        }
        if (session[0].wrote) {
            changes.directoryChanged();
        }
        return result;
    }

    /** The directory inside one transaction. */
    public final class Session {

        private final DSLContext tx;
        private boolean wrote;

        private Session(DSLContext tx) {
            this.tx = tx;
        }

        /** Writes the batch's audit rows in its transaction: they are committed with its changes, or not at all. */
        public void record(BatchRecorder recorder) {
            recorder.record(tx);
        }

        public List<User> users() {
            Map<Long, List<UserPhone>> phones = new HashMap<>();
            tx.select(USER_PHONES.ID, USER_PHONES.USER_ID, USER_PHONES.NUMBER, USER_PHONES.NORMALIZED,
                            USER_PHONES.TYPE)
                    .from(USER_PHONES).orderBy(USER_PHONES.ID)
                    .forEach(r -> phones.computeIfAbsent(r.value2(), id -> new ArrayList<>())
                            .add(new UserPhone(r.value1(), r.value3(), r.value4(), PhoneType.fromDb(r.value5()))));
            Map<Long, List<String>> teams = new HashMap<>();
            tx.select(USER_TEAMS.USER_ID, TEAMS.NAME)
                    .from(USER_TEAMS).join(TEAMS).on(TEAMS.ID.eq(USER_TEAMS.TEAM_ID))
                    .orderBy(TEAMS.NAME)
                    .forEach(r -> teams.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
            return tx.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.ROLE, USERS.CITY, USERS.ACTIVE)
                    .from(USERS).orderBy(USERS.ID)
                    .fetch(r -> new User(r.value1(), r.value2(), r.value3(), Role.of(r.value4()), r.value5(),
                            r.value6(), phones.getOrDefault(r.value1(), List.of()),
                            teams.getOrDefault(r.value1(), List.of())));
        }

        /** The names of every team. */
        public List<String> teamNames() {
            return tx.select(TEAMS.NAME).from(TEAMS).orderBy(TEAMS.ID).fetch(TEAMS.NAME);
        }

        public List<Line> lines() {
            return tx.selectFrom(LINES).orderBy(LINES.ID).fetch(r -> new Line(r.getId(), LineKind.fromDb(r.getKind()),
                    r.getNumber(), r.getNormalized(), r.getName(), r.getSource(), r.getCity(), r.getComment()));
        }

        /** Creates and updates these lines. */
        public void writeLines(List<LineUpsert> upserts) {
            List<Query> updates = new ArrayList<>();
            List<LineUpsert> created = new ArrayList<>();
            for (LineUpsert u : upserts) {
                LineDetails d = u.details();
                if (u.id() == null) {
                    created.add(u);
                    continue;
                }
                updates.add(tx.update(LINES)
                        .set(LINES.NAME, d.name())
                        .set(LINES.SOURCE, d.source())
                        .set(LINES.CITY, d.city())
                        .set(LINES.COMMENT, d.comment())
                        .where(LINES.ID.eq(u.id())));
            }
            execute(updates);
            for (int from = 0; from < created.size(); from += CHUNK) {
                var insert = tx.insertInto(LINES, LINES.KIND, LINES.NUMBER, LINES.NORMALIZED, LINES.NAME,
                        LINES.SOURCE, LINES.CITY, LINES.COMMENT);
                for (LineUpsert u : created.subList(from, Math.min(created.size(), from + CHUNK))) {
                    LineDetails d = u.details();
                    insert = insert.values(d.kind().dbName(), d.number(), u.normalized(), d.name(), d.source(),
                            d.city(), d.comment());
                }
                insert.execute();
                wrote = true;
            }
        }

        public List<Company> companies() {
            Map<Long, List<PhoneEntry>> phones = numbers(PHONE_NUMBERS_COMPANIES, PHONE_NUMBERS_COMPANIES.ID,
                    PHONE_NUMBERS_COMPANIES.COMPANY_ID, PHONE_NUMBERS_COMPANIES.NUMBER,
                    PHONE_NUMBERS_COMPANIES.NORMALIZED, PHONE_NUMBERS_COMPANIES.COMMENT);
            return tx.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.INN, COMPANIES.CITY, COMPANIES.COMMENT)
                    .from(COMPANIES).orderBy(COMPANIES.ID)
                    .fetch(r -> new Company(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            phones.getOrDefault(r.value1(), List.of())));
        }

        public List<Dealer> dealers() {
            Map<Long, List<PhoneEntry>> phones = numbers(DEALER_PHONE_NUMBERS, DEALER_PHONE_NUMBERS.ID,
                    DEALER_PHONE_NUMBERS.DEALER_ID, DEALER_PHONE_NUMBERS.NUMBER, DEALER_PHONE_NUMBERS.NORMALIZED,
                    DEALER_PHONE_NUMBERS.COMMENT);
            return tx.select(DEALERS.ID, DEALERS.NAME, DEALERS.COMPANY_ID, COMPANIES.NAME, DEALERS.CITY,
                            DEALERS.COMMENT)
                    .from(DEALERS).leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALERS.COMPANY_ID))
                    .orderBy(DEALERS.ID)
                    .fetch(r -> new Dealer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            phones.getOrDefault(r.value1(), List.of())));
        }

        /** Creates and updates these users; new users' passwords are hashed here, on every core. */
        public void writeUsers(List<UserUpsert> upserts) {
            List<UserUpsert> created = upserts.stream().filter(u -> u.id() == null).toList();
            List<String> hashes = created.parallelStream().map(u -> passwords.hash(u.password())).toList();
            List<Long> ids = nextIds("users", created.size());
            Map<Long, List<EnteredNumber>> numbers = new HashMap<>();
            List<Query> updates = new ArrayList<>();
            for (UserUpsert u : upserts) {
                if (u.id() != null) {
                    UserDetails d = u.details();
                    updates.add(tx.update(USERS)
                            .set(USERS.LOGIN, d.login())
                            .set(USERS.DISPLAY_NAME, d.displayName())
                            .set(USERS.ROLE, d.role().wireName())
                            .set(USERS.CITY, d.city())
                            .set(USERS.ACTIVE, d.active())
                            .where(USERS.ID.eq(u.id())));
                    if (u.phones() != null) {
                        numbers.put(u.id(), u.phones());
                    }
                }
            }
            execute(updates);
            for (int from = 0; from < created.size(); from += CHUNK) {
                var insert = tx.insertInto(USERS, USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH,
                        USERS.ROLE, USERS.CITY, USERS.ACTIVE);
                for (int i = from; i < Math.min(created.size(), from + CHUNK); i++) {
                    UserDetails d = created.get(i).details();
                    insert = insert.values(ids.get(i), d.login(), d.displayName(), hashes.get(i), d.role().wireName(),
                            d.city(), d.active());
                }
                insert.execute();
                wrote = true;
            }
            Map<Long, List<String>> teams = new HashMap<>();
            for (UserUpsert u : upserts) {
                if (u.id() != null && u.teams() != null) {
                    teams.put(u.id(), u.teams());
                }
            }
            for (int i = 0; i < created.size(); i++) {
                List<EnteredNumber> phones = created.get(i).phones();
                numbers.put(ids.get(i), phones == null ? List.of() : phones);
                if (created.get(i).teams() != null) {
                    teams.put(ids.get(i), created.get(i).teams());
                }
            }
            replaceTeams(teams);
            replaceNumbers(USER_PHONES, USER_PHONES.ID, USER_PHONES.USER_ID, USER_PHONES.NUMBER,
                    USER_PHONES.NORMALIZED, USER_PHONES.TYPE, numbers);
        }

        public void writeCompanies(List<CompanyUpsert> upserts) {
            List<CompanyUpsert> created = upserts.stream().filter(c -> c.id() == null).toList();
            List<Long> ids = nextIds("companies", created.size());
            Map<Long, List<EnteredNumber>> numbers = new HashMap<>();
            List<Query> updates = new ArrayList<>();
            for (CompanyUpsert c : upserts) {
                if (c.id() != null) {
                    CompanyDetails d = c.details();
                    updates.add(tx.update(COMPANIES)
                            .set(COMPANIES.NAME, d.name())
                            .set(COMPANIES.INN, d.inn())
                            .set(COMPANIES.CITY, d.city())
                            .set(COMPANIES.COMMENT, d.comment())
                            .where(COMPANIES.ID.eq(c.id())));
                    if (c.phones() != null) {
                        numbers.put(c.id(), c.phones());
                    }
                }
            }
            execute(updates);
            for (int from = 0; from < created.size(); from += CHUNK) {
                var insert = tx.insertInto(COMPANIES, COMPANIES.ID, COMPANIES.NAME, COMPANIES.INN, COMPANIES.CITY,
                        COMPANIES.COMMENT);
                for (int i = from; i < Math.min(created.size(), from + CHUNK); i++) {
                    CompanyDetails d = created.get(i).details();
                    insert = insert.values(ids.get(i), d.name(), d.inn(), d.city(), d.comment());
                }
                insert.execute();
                wrote = true;
            }
            for (int i = 0; i < created.size(); i++) {
                List<EnteredNumber> phones = created.get(i).phones();
                numbers.put(ids.get(i), phones == null ? List.of() : phones);
            }
            replaceNumbers(PHONE_NUMBERS_COMPANIES, PHONE_NUMBERS_COMPANIES.ID, PHONE_NUMBERS_COMPANIES.COMPANY_ID,
                    PHONE_NUMBERS_COMPANIES.NUMBER, PHONE_NUMBERS_COMPANIES.NORMALIZED, null, numbers);
        }

        public void writeDealers(List<DealerUpsert> upserts) {
            List<DealerUpsert> created = upserts.stream().filter(d -> d.id() == null).toList();
            List<Long> ids = nextIds("dealers", created.size());
            Map<Long, List<EnteredNumber>> numbers = new HashMap<>();
            List<Query> updates = new ArrayList<>();
            for (DealerUpsert u : upserts) {
                if (u.id() != null) {
                    DealerDetails d = u.details();
                    updates.add(tx.update(DEALERS)
                            .set(DEALERS.NAME, d.name())
                            .set(DEALERS.COMPANY_ID, d.companyId())
                            .set(DEALERS.CITY, d.city())
                            .set(DEALERS.COMMENT, d.comment())
                            .where(DEALERS.ID.eq(u.id())));
                    if (u.phones() != null) {
                        numbers.put(u.id(), u.phones());
                    }
                }
            }
            execute(updates);
            for (int from = 0; from < created.size(); from += CHUNK) {
                var insert = tx.insertInto(DEALERS, DEALERS.ID, DEALERS.NAME, DEALERS.COMPANY_ID, DEALERS.CITY,
                        DEALERS.COMMENT);
                for (int i = from; i < Math.min(created.size(), from + CHUNK); i++) {
                    DealerDetails d = created.get(i).details();
                    insert = insert.values(ids.get(i), d.name(), d.companyId(), d.city(), d.comment());
                }
                insert.execute();
                wrote = true;
            }
            for (int i = 0; i < created.size(); i++) {
                List<EnteredNumber> phones = created.get(i).phones();
                numbers.put(ids.get(i), phones == null ? List.of() : phones);
            }
            replaceNumbers(DEALER_PHONE_NUMBERS, DEALER_PHONE_NUMBERS.ID, DEALER_PHONE_NUMBERS.DEALER_ID,
                    DEALER_PHONE_NUMBERS.NUMBER, DEALER_PHONE_NUMBERS.NORMALIZED, null, numbers);
        }

        /**
         * Makes each user's teams the wanted ones (by name), creating the teams nobody has named before: a team is no
         * more than its name until an admin gives it a comment.
         */
        private void replaceTeams(Map<Long, List<String>> wanted) {
            if (wanted.isEmpty()) {
                return;
            }
            Map<String, Long> ids = new HashMap<>();
            tx.select(TEAMS.NAME, TEAMS.ID).from(TEAMS).forEach(r -> ids.put(r.value1(), r.value2()));
            List<String> missing = wanted.values().stream().flatMap(List::stream).distinct()
                    .filter(name -> !ids.containsKey(name)).toList();
            List<Long> newIds = nextIds("teams", missing.size());
            for (int from = 0; from < missing.size(); from += CHUNK) {
                var insert = tx.insertInto(TEAMS, TEAMS.ID, TEAMS.NAME);
                for (int i = from; i < Math.min(missing.size(), from + CHUNK); i++) {
                    insert = insert.values(newIds.get(i), missing.get(i));
                    ids.put(missing.get(i), newIds.get(i));
                }
                insert.execute();
            }
            List<Long> users = new ArrayList<>(wanted.keySet());
            for (int from = 0; from < users.size(); from += CHUNK) {
                tx.deleteFrom(USER_TEAMS).where(USER_TEAMS.USER_ID.in(users.subList(from,
                        Math.min(users.size(), from + CHUNK)))).execute();
            }
            List<List<Long>> rows = new ArrayList<>();
            wanted.forEach((user, names) -> names.stream().distinct()
                    .forEach(name -> rows.add(List.of(user, ids.get(name)))));
            for (int from = 0; from < rows.size(); from += CHUNK) {
                var insert = tx.insertInto(USER_TEAMS, USER_TEAMS.USER_ID, USER_TEAMS.TEAM_ID);
                for (List<Long> row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    insert = insert.values(row.get(0), row.get(1));
                }
                insert.execute();
            }
            wrote = true;
        }

        private Map<Long, List<PhoneEntry>> numbers(Table<?> table, Field<Long> id, Field<Long> owner,
                                                    Field<String> number, Field<String> normalized,
                                                    Field<String> comment) {
            Map<Long, List<PhoneEntry>> byOwner = new HashMap<>();
            tx.select(id, owner, number, normalized, comment).from(table).orderBy(id)
                    .forEach(r -> byOwner.computeIfAbsent(r.value2(), o -> new ArrayList<>())
                            .add(new PhoneEntry(r.value1(), r.value3(), r.value4(), r.value5())));
            return byOwner;
        }

        /**
         * Makes each owner's numbers the wanted ones: numbers no longer wanted go, new ones come, the ones kept stay
         * as they are (as entered, with their comment and type). All removals come first, so a number can move from
         * one owner to another in the same batch.
         */
        private void replaceNumbers(Table<?> table, Field<Long> id, Field<Long> owner, Field<String> number,
                                    Field<String> normalized, Field<String> type,
                                    Map<Long, List<EnteredNumber>> wanted) {
            if (wanted.isEmpty()) {
                return;
            }
            Map<Long, Set<String>> kept = new HashMap<>();
            List<Long> removed = new ArrayList<>();
            for (Record r : tx.select(id, owner, normalized).from(table).fetch()) {
                List<EnteredNumber> numbers = wanted.get(r.get(owner));
                if (numbers == null) {
                    continue;
                }
                String existing = r.get(normalized);
                if (numbers.stream().anyMatch(n -> n.normalized().equals(existing))) {
                    kept.computeIfAbsent(r.get(owner), o -> new HashSet<>()).add(existing);
                } else {
                    removed.add(r.get(id));
                }
            }
            for (int from = 0; from < removed.size(); from += CHUNK) {
                tx.deleteFrom(table).where(id.in(removed.subList(from, Math.min(removed.size(), from + CHUNK))))
                        .execute();
                wrote = true;
            }
            List<Field<?>> columns = type == null ? List.of(owner, number, normalized)
                    : List.of(owner, number, normalized, type);
            List<List<Object>> rows = new ArrayList<>();
            wanted.forEach((ownerId, numbers) -> {
                Set<String> already = kept.getOrDefault(ownerId, Set.of());
                for (EnteredNumber n : numbers) {
                    if (!already.contains(n.normalized())) {
                        rows.add(type == null ? List.of(ownerId, n.number(), n.normalized())
                                : List.of(ownerId, n.number(), n.normalized(), n.type().dbName()));
                    }
                }
            });
            for (int from = 0; from < rows.size(); from += CHUNK) {
                var insert = tx.insertInto(table, columns);
                for (List<Object> row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    insert = insert.values(row);
                }
                insert.execute();
                wrote = true;
            }
        }

        private void execute(List<Query> updates) {
            for (int from = 0; from < updates.size(); from += CHUNK) {
                tx.batch(updates.subList(from, Math.min(updates.size(), from + CHUNK))).execute();
                wrote = true;
            }
        }

        /** Ids for new rows from the table's own identity sequence, so that their numbers can be written with them. */
        private List<Long> nextIds(String table, int count) {
            if (count == 0) {
                return List.of();
            }
            return tx.fetch("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)", table,
                    count).getValues(0, Long.class);
        }
    }
}
