package dev.zvonok.server.bulk;

import dev.zvonok.server.directory.TeamDetails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The users' {@code teams} cell: team names separated by {@code |} (or line breaks), as the phones are. A name is
 * the team of that name whatever its case ("продажи" is the team «Продажи»); a name no team has yet is a new team,
 * created with the import and spelt as the first row that names it: a team is no more than its name.
 */
final class TeamCells {

    static final String SEPARATOR = " | ";
    private static final Pattern SPLIT = Pattern.compile("[|\\r\\n]+");

    /** Each team's name as it is (to be) stored, by its {@link #key}. */
    private final Map<String, String> names = new HashMap<>();

    TeamCells(Collection<String> stored) {
        stored.forEach(name -> names.putIfAbsent(key(name), name));
    }

    /** The cell's teams, each once, in the order written, as they are (to be) stored; an empty cell is no team. */
    List<String> parse(String cell, Consumer<String> problems) {
        List<String> teams = new ArrayList<>();
        if (cell == null) {
            return teams;
        }
        for (String part : SPLIT.split(cell)) {
            String entered = part.strip().replaceAll("\\s+", " ");
            if (entered.isEmpty()) {
                continue;
            }
            try {
                new TeamDetails(entered, null); // the same rules as the admin's team editor
            } catch (IllegalArgumentException e) {
                problems.accept("team '" + entered + "': " + e.getMessage());
                continue;
            }
            String name = names.computeIfAbsent(key(entered), k -> entered);
            if (!teams.contains(name)) {
                teams.add(name);
            }
        }
        return teams;
    }

    /** A cell for an export. */
    static String join(List<String> teams) {
        return String.join(SEPARATOR, teams);
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
