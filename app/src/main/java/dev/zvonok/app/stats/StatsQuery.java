package dev.zvonok.app.stats;

import dev.zvonok.model.call.CallDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Statistics view asks the server for: a period and its filters. The filters are the statistics routes'
 * parameters ({@code operatorId}, {@code team}, {@code line}, {@code queue}, {@code direction}), each operator and team
 * chosen as a parameter of its own; a filter the server does not know yet is ignored there, not refused.
 *
 * @param operatorIds operators chosen; empty: everybody in scope
 * @param teams       teams chosen, by name; empty: every team
 * @param line        a line's name; null: every line
 * @param queue       a queue; null: every queue
 * @param direction   null: every direction
 */
public record StatsQuery(DateRange days, List<Long> operatorIds, List<String> teams, String line, String queue,
                         CallDirection direction) {

    public StatsQuery {
        Objects.requireNonNull(days, "days");
        operatorIds = List.copyOf(operatorIds);
        teams = List.copyOf(teams);
        line = line == null || line.isBlank() ? null : line.strip();
        queue = queue == null || queue.isBlank() ? null : queue.strip();
    }

    public static StatsQuery of(DateRange days) {
        return new StatsQuery(days, List.of(), List.of(), null, null, null);
    }

    /** The parameters in order, repeated ones repeated: {@code dateFrom}, {@code dateTo}, then the filters set. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("dateFrom", days.from().toString()));
        params.add(Map.entry("dateTo", days.to().toString()));
        operatorIds.forEach(id -> params.add(Map.entry("operatorId", id.toString())));
        teams.forEach(team -> params.add(Map.entry("team", team)));
        if (line != null) {
            params.add(Map.entry("line", line));
        }
        if (queue != null) {
            params.add(Map.entry("queue", queue));
        }
        if (direction != null) {
            params.add(Map.entry("direction", direction.wireName()));
        }
        return params;
    }
}
