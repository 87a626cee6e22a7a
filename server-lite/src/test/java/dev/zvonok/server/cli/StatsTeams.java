package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import java.time.ZoneId;

/**
 * The whole server of the statistics tests: a call centre in Moscow over the test database, with the demo directory
 * and two teams, "Альфа" (the supervisor, Иванов and Петров) and "Бета" (Сидоров, not the supervisor's).
 */
final class StatsTeams {

    private StatsTeams() {
    }

    static CallServer open(TestDatabase db) {
        PhoneNumbers numbers = PhoneNumbers.russian();
        CallServer server = CallServer.open(db.settings(), numbers,
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), AuthSettings.defaults());
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), numbers).seed();
        team(db, "Альфа", id(server, "supervisor"), id(server, "ivanov"), id(server, "petrov"));
        team(db, "Бета", id(server, "sidorov"));
        return server;
    }

    static long id(CallServer server, String login) {
        return server.users().findByLogin(login).orElseThrow().id();
    }

    private static void team(TestDatabase db, String name, long... members) {
        long team = db.dsl().insertInto(TEAMS, TEAMS.NAME).values(name).returning(TEAMS.ID).fetchOne(TEAMS.ID);
        for (long member : members) {
            db.dsl().insertInto(USER_TEAMS, USER_TEAMS.USER_ID, USER_TEAMS.TEAM_ID).values(member, team).execute();
        }
    }
}
