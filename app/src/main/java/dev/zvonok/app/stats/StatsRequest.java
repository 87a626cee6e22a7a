package dev.zvonok.app.stats;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.StatsQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Statistics view asks the server for: a period and its filters, as the statistics routes' parameters
 * ({@link StatsQuery}): each operator and team chosen as a parameter of its own (the server adds up the values of one
 * parameter and narrows across parameters).
 *
 * @param operatorIds operators chosen; empty: everybody in scope
 * @param teams       teams chosen, by name; empty: every team
 * @param line        a line's name; null: every line
 * @param queue       a queue; null: every queue
 * @param direction   null: every direction
 */
public record StatsRequest(DateRange days, List<Long> operatorIds, List<String> teams, String line, String queue,
                         CallDirection direction) {

    public StatsRequest {
        Objects.requireNonNull(days, "days");
        operatorIds = List.copyOf(operatorIds);
        teams = List.copyOf(teams);
        line = line == null || line.isBlank() ? null : line.strip();
        queue = queue == null || queue.isBlank() ? null : queue.strip();
    }

    public static StatsRequest of(DateRange days) {
        return new StatsRequest(days, List.of(), List.of(), null, null, null);
    }

    /** The parameters in order, repeated ones repeated: {@code dateFrom}, {@code dateTo}, then the filters set. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry(StatsQuery.DATE_FROM, days.from().toString()));
        params.add(Map.entry(StatsQuery.DATE_TO, days.to().toString()));
        operatorIds.forEach(id -> params.add(Map.entry(StatsQuery.OPERATOR_ID, id.toString())));
        teams.forEach(team -> params.add(Map.entry(StatsQuery.TEAM, team)));
        if (line != null) {
            params.add(Map.entry(StatsQuery.LINE, line));
        }
        if (queue != null) {
            params.add(Map.entry(StatsQuery.QUEUE, queue));
        }
        if (direction != null) {
            params.add(Map.entry(StatsQuery.DIRECTION, direction.wireName()));
        }
        return params;
    }
}
