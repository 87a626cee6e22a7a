package dev.zvonok.app.stats;

import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calls behind a figure, as {@code GET /api/calls} takes them: the same period (days of the call centre, or a
 * chart's stretch, as the statistics count them), the figure's outcome and direction, and the journal's filters; a page
 * at a time by cursor.
 *
 * @param status     null: any outcome
 * @param direction  null: any direction
 * @param operatorId null: everybody's calls
 * @param reached    whether the other party was reached since; null: either
 * @param after      the cursor of the page to list after; null: the first page
 * @param operator   the name of the operator whose calls these are ({@code operatorId} or the filter's
 *                   {@code answeredBy}), for the journal's header; not sent. Null: nobody's in particular
 */
public record JournalQuery(JournalPeriod period, CallDisposition status, CallDirection direction, Long operatorId,
                           Boolean reached, CallFilter filter, String after, int limit, String operator) {

    public static final int PAGE = 100;

    public JournalQuery {
        Objects.requireNonNull(period, "period");
        filter = filter == null ? CallFilter.NONE : filter;
    }

    /** The journal of a period of the Statistics view, narrowed as far as its filters go on the journal. */
    public static JournalQuery of(StatsRequest stats) {
        CallFilter filter = CallFilter.NONE.line(stats.line()).queue(stats.queue())
                .team(stats.teams().size() == 1 ? stats.teams().getFirst() : null);
        return new JournalQuery(new JournalPeriod.Days(stats.days()), null, stats.direction(),
                stats.operatorIds().size() == 1 ? stats.operatorIds().getFirst() : null, null, filter, null, PAGE, null);
    }

    /** The same calls, of another period: a chart's stretch instead of the days shown. */
    public JournalQuery period(JournalPeriod newPeriod) {
        return new JournalQuery(newPeriod, status, direction, operatorId, reached, filter, null, limit, operator);
    }

    public JournalQuery status(CallDisposition newStatus) {
        return new JournalQuery(period, newStatus, direction, operatorId, reached, filter, null, limit, operator);
    }

    public JournalQuery direction(CallDirection newDirection) {
        return new JournalQuery(period, status, newDirection, operatorId, reached, filter, null, limit, operator);
    }

    public JournalQuery operator(Long newOperatorId) {
        return new JournalQuery(period, status, direction, newOperatorId, reached, filter, null, limit, operator);
    }

    public JournalQuery reached(Boolean newReached) {
        return new JournalQuery(period, status, direction, operatorId, newReached, filter, null, limit, operator);
    }

    public JournalQuery filter(CallFilter newFilter) {
        return new JournalQuery(period, status, direction, operatorId, reached, newFilter, null, limit, operator);
    }

    public JournalQuery after(String cursor) {
        return new JournalQuery(period, status, direction, operatorId, reached, filter, cursor, limit, operator);
    }

    /** The same calls, their operator named in the header. */
    public JournalQuery operatorNamed(String name) {
        return new JournalQuery(period, status, direction, operatorId, reached, filter, after, limit, name);
    }

    public List<Map.Entry<String, String>> parameters() {
        return period.into(new CallListParameters().limit(limit)).status(status).direction(direction)
                .operator(operatorId).reached(reached).filter(filter).after(after).entries();
    }
}
