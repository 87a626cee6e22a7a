package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;
import static org.jooq.impl.DSL.multiset;

import dev.zvonok.model.directory.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** Teams and who is in them. Every change refreshes the directory cache. */
public final class TeamRepository {

    private static final Field<List<Team.Member>> MEMBERS = multiset(
            DSL.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.ROLE, USERS.ACTIVE)
                    .from(USER_TEAMS)
                    .join(USERS).on(USERS.ID.eq(USER_TEAMS.USER_ID))
                    .where(USER_TEAMS.TEAM_ID.eq(TEAMS.ID))
                    .orderBy(USERS.DISPLAY_NAME, USERS.ID))
            .as("members")
            .convertFrom(rows -> rows.map(m -> new Team.Member(m.value1(), m.value2(), m.value3(),
                    Role.of(m.value4()), m.value5())));

    private final DirectoryWrites writes;
    private final DSLContext dsl;

    public TeamRepository(DSLContext dsl, DirectoryChangeListener changes) {
        this.writes = new DirectoryWrites(dsl, changes);
        this.dsl = dsl;
    }

    /**
     * @param memberIds the users in the team
     * @throws DirectoryConflictException when the name is taken or a member does not exist
     */
    public Team create(TeamDetails details, Collection<Long> memberIds, ChangeRecorder<Team> recorder) {
        return writes.change("team " + details.name(), c -> {
            DSLContext tx = c.dsl();
            long id = tx.insertInto(TEAMS)
                    .set(TEAMS.NAME, details.name())
                    .set(TEAMS.COMMENT, details.comment())
                    .returningResult(TEAMS.ID)
                    .fetchSingle()
                    .value1();
            replaceMembers(tx, id, memberIds);
            Team created = read(tx, id, false).orElseThrow();
            recorder.record(tx, null, created);
            return created;
        });
    }

    /**
     * @param memberIds the team's users from now on; null leaves them as they are
     * @throws DirectoryConflictException when the name is taken or a member does not exist
     */
    public Optional<Team> update(long id, TeamDetails details, Collection<Long> memberIds,
                                 ChangeRecorder<Team> recorder) {
        return writes.change("team " + details.name(), c -> {
            DSLContext tx = c.dsl();
            Optional<Team> before = read(tx, id, true);
            if (before.isEmpty()) {
                return Optional.<Team>empty();
            }
            tx.update(TEAMS).set(TEAMS.NAME, details.name()).set(TEAMS.COMMENT, details.comment())
                    .where(TEAMS.ID.eq(id)).execute();
            if (memberIds != null) {
                replaceMembers(tx, id, memberIds);
            }
            Team after = read(tx, id, false).orElseThrow();
            recorder.record(tx, before.get(), after);
            return Optional.of(after);
        });
    }

    /** The users stay, in no longer this team. @return false when there is no such team */
    public boolean delete(long id, ChangeRecorder<Team> recorder) {
        return writes.change("team " + id, c -> {
            DSLContext tx = c.dsl();
            Optional<Team> before = read(tx, id, true);
            if (before.isEmpty()) {
                return false;
            }
            tx.deleteFrom(TEAMS).where(TEAMS.ID.eq(id)).execute();
            recorder.record(tx, before.get(), null);
            return true;
        });
    }

    public Optional<Team> find(long id) {
        return read(dsl, id, false);
    }

    public Optional<Team> findByName(String name) {
        return name == null ? Optional.empty()
                : select(dsl).where(TEAMS.NAME.eq(name.strip())).fetchOptional(TeamRepository::map);
    }

    public List<Team> list() {
        return select(dsl).orderBy(TEAMS.NAME).fetch(TeamRepository::map);
    }

    /** Teams by part of their name (any case), in {@code sort}'s order. */
    public Found<Team> search(String text, SortOrder sort, int offset, int limit) {
        Condition where = text == null || text.isBlank() ? DSL.noCondition()
                : TEAMS.NAME.containsIgnoreCase(text.strip());
        int total = dsl.fetchCount(TEAMS, where);
        List<Team> page = select(dsl).where(where)
                .orderBy(sort.orderBy(key -> key.equals("name") ? TEAMS.NAME : null, TEAMS.ID))
                .offset(offset).limit(limit).fetch(TeamRepository::map);
        return new Found<>(page, total);
    }

    private static void replaceMembers(DSLContext tx, long teamId, Collection<Long> memberIds) {
        tx.deleteFrom(USER_TEAMS).where(USER_TEAMS.TEAM_ID.eq(teamId)).execute();
        for (Long userId : new LinkedHashSet<>(memberIds)) {
            tx.insertInto(USER_TEAMS).set(USER_TEAMS.USER_ID, userId).set(USER_TEAMS.TEAM_ID, teamId).execute();
        }
    }

    private static Optional<Team> read(DSLContext tx, long id, boolean lock) {
        if (lock && tx.selectOne().from(TEAMS).where(TEAMS.ID.eq(id)).forUpdate().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        return select(tx).where(TEAMS.ID.eq(id)).fetchOptional(TeamRepository::map);
    }

    private static SelectJoinStep<Record4<Long, String, String, List<Team.Member>>> select(DSLContext dsl) {
        return dsl.select(TEAMS.ID, TEAMS.NAME, TEAMS.COMMENT, MEMBERS).from(TEAMS);
    }

    private static Team map(Record4<Long, String, String, List<Team.Member>> row) {
        return new Team(row.value1(), row.value2(), row.value3(), row.value4());
    }
}
