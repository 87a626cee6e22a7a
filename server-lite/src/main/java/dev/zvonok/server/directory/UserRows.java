package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;
import static org.jooq.impl.DSL.multiset;

import dev.zvonok.model.directory.Role;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** How a {@link User} is read: the row, its phones and its teams, in one query. */
final class UserRows {

    private static final Field<List<UserPhone>> PHONES = multiset(
            DSL.select(USER_PHONES.ID, USER_PHONES.NUMBER, USER_PHONES.NORMALIZED, USER_PHONES.TYPE)
                    .from(USER_PHONES)
                    .where(USER_PHONES.USER_ID.eq(USERS.ID))
                    .orderBy(USER_PHONES.ID))
            .as("phones")
            .convertFrom(rows -> rows.map(p -> new UserPhone(p.value1(), p.value2(), p.value3(),
                    PhoneType.fromDb(p.value4()))));

    private static final Field<List<String>> TEAM_NAMES = multiset(
            DSL.select(TEAMS.NAME)
                    .from(USER_TEAMS)
                    .join(TEAMS).on(TEAMS.ID.eq(USER_TEAMS.TEAM_ID))
                    .where(USER_TEAMS.USER_ID.eq(USERS.ID))
                    .orderBy(TEAMS.NAME))
            .as("teams")
            .convertFrom(rows -> rows.map(t -> t.value1()));

    private UserRows() {
    }

    static SelectJoinStep<Record8<Long, String, String, String, String, Boolean, List<UserPhone>, List<String>>> select(
            DSLContext dsl) {
        return dsl.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.ROLE, USERS.CITY, USERS.ACTIVE, PHONES,
                        TEAM_NAMES)
                .from(USERS);
    }

    static User map(Record8<Long, String, String, String, String, Boolean, List<UserPhone>, List<String>> row) {
        return new User(row.value1(), row.value2(), row.value3(), Role.of(row.value4()), row.value5(),
                row.value6(), row.value7(), row.value8());
    }
}
