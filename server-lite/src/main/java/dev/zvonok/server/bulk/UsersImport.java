package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.EnteredNumber;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserPhone;
import dev.zvonok.server.directory.UserUpsert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Users by login: a new login is a new user (name, role and password required), a known one is updated in the
 * columns the file has. The password is read for new users only: an import never changes anybody's password. The
 * teams column makes the user's teams those it names, creating the ones that do not exist yet ({@link TeamCells}).
 */
final class UsersImport implements KindImport {

    private static final Map<String, Role> ROLES = Map.ofEntries(
            Map.entry("admin", Role.ADMIN), Map.entry("administrator", Role.ADMIN),
            Map.entry("администратор", Role.ADMIN), Map.entry("админ", Role.ADMIN),
            Map.entry("supervisor", Role.SUPERVISOR), Map.entry("супервизор", Role.SUPERVISOR),
            Map.entry("руководитель", Role.SUPERVISOR), Map.entry("старший", Role.SUPERVISOR),
            Map.entry("operator", Role.OPERATOR), Map.entry("оператор", Role.OPERATOR));

    /** The directory's names of the fields its checks complain about, and the columns they come from. */
    private static final Map<String, Column> FIELDS = Map.of("login", Column.LOGIN, "displayName", Column.NAME,
            "city", Column.CITY);

    private final PhoneCells phones;

    UsersImport(PhoneCells phones) {
        this.phones = phones;
    }

    @Override
    public Plan plan(Header header, List<Sheet.Row> rows, DirectoryBatch.Session directory) {
        Map<String, User> byLogin = directory.users().stream()
                .collect(Collectors.toMap(User::login, Function.identity()));
        NumberOwners owners = new NumberOwners();
        Set<String> replaced = header.has(Column.PHONES) ? logins(header, rows) : Set.of();
        byLogin.values().stream().filter(u -> !replaced.contains(u.login())).forEach(u -> u.phones()
                .forEach(p -> owners.stored(p.normalized(), describe(u))));

        TeamCells teamCells = new TeamCells(directory.teamNames());

        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.Row> outcomes = new ArrayList<>(rows.size());
        List<UserUpsert> writes = new ArrayList<>();
        for (Sheet.Row row : rows) {
            RowResult result = new RowResult(row, header);
            String login = lower(header.text(row, Column.LOGIN));
            result.key(login);
            if (login == null) {
                result.problem(Column.LOGIN, "login is required");
                outcomes.add(result.error());
                continue;
            }
            Integer earlier = seen.putIfAbsent(login, row.number());
            if (earlier != null) {
                result.problem(Column.LOGIN, "the login " + login + " is in row " + earlier + " already");
                outcomes.add(result.error());
                continue;
            }
            User existing = byLogin.get(login);
            String name = header.has(Column.NAME) || existing == null ? header.text(row, Column.NAME)
                    : existing.displayName();
            if (name == null) {
                result.problem(Column.NAME, "name is required");
            }
            Role role = existing == null || header.has(Column.ROLE) ? role(header, row, result) : existing.role();
            String city = header.has(Column.CITY) ? header.text(row, Column.CITY)
                    : existing == null ? null : existing.city();
            boolean active = existing == null || existing.active();
            UserDetails details = name == null || role == null ? null
                    : result.checked(FIELDS, () -> new UserDetails(login, name, role, city, active));
            List<EnteredNumber> numbers = phones.read(header, row, true, result, owners,
                    existing != null ? describe(existing)
                        : "user " + login + " (row " + row.number() + ")");
            List<String> teams = null;
            if (header.has(Column.TEAMS)) {
                teams = teamCells.parse(header.text(row, Column.TEAMS), m -> result.problem(Column.TEAMS, m));
            }
            String password = null;
            if (existing == null) {
                password = header.text(row, Column.PASSWORD);
                String problem = header.has(Column.PASSWORD) ? AdminRules.passwordProblem(password)
                        : "a new user needs a password: add a 'password' column";
                if (problem != null) {
                    result.problem(Column.PASSWORD, problem);
                }
            }
            if (result.failed() || details == null) {
                outcomes.add(result.error());
                continue;
            }
            if (existing == null) {
                outcomes.add(result.created());
                writes.add(new UserUpsert(null, details, password, numbers, teams));
                continue;
            }
            result.compare(Column.NAME, existing.displayName(), details.displayName());
            result.compare(Column.ROLE, existing.role(), details.role());
            result.compare(Column.CITY, existing.city(), details.city());
            result.comparePhones(existing.phones().stream().map(UserPhone::normalized), numbers);
            if (teams != null) {
                result.compare(Column.TEAMS, Set.copyOf(existing.teams()), Set.copyOf(teams));
            }
            outcomes.add(result.updatedOrUnchanged());
            if (result.changedAnything()) {
                writes.add(new UserUpsert(existing.id(), details, null, numbers, teams));
            }
        }
        return new Plan(outcomes, session -> session.writeUsers(writes));
    }

    private static Role role(Header header, Sheet.Row row, RowResult result) {
        String text = lower(header.text(row, Column.ROLE));
        if (text == null) {
            result.problem(Column.ROLE, "role is required: admin, supervisor or operator");
            return null;
        }
        Role role = ROLES.get(text.replace('ё', 'е'));
        if (role == null) {
            result.problem(Column.ROLE, "'" + text + "' is no role: admin, supervisor or operator");
        }
        return role;
    }

    private static Set<String> logins(Header header, List<Sheet.Row> rows) {
        Set<String> logins = new HashSet<>();
        rows.forEach(row -> {
            String login = lower(header.text(row, Column.LOGIN));
            if (login != null) {
                logins.add(login);
            }
        });
        return logins;
    }

    private static String describe(User user) {
        return "user " + user.login() + " (" + user.displayName() + ")";
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
