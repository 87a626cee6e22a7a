package dev.zvonok.app.stats;

import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calls behind a figure, as {@code GET /api/calls} takes them: the same period (days of the call centre, or a
 * chart's stretch, as the statistics count them), the figure's outcome and direction, the journal's filters, and the
 * statistics' question the figure came from ({@link Counted}: the server lists only the calls those statistics count,
 * by their own rules — a supervisor's teams, every operator and team chosen, the calls that have ended); a page at a
 * time by cursor.
 *
 * @param status     null: any outcome
 * @param direction  null: any direction
 * @param operatorId null: everybody's calls
 * @param reached    whether the other party was reached since; null: either
 * @param counted    the statistics whose calls these are; null: any call the journal has
 * @param after      the cursor of the page to list after; null: the first page
 * @param operator   the name of the operators whose calls these are ({@code operatorId}, the filter's
 *                   {@code answeredBy} or those chosen), for the journal's header; not sent. Null: nobody's in
 *                   particular
 */
public record JournalQuery(JournalPeriod period, CallDisposition status, CallDirection direction, Long operatorId,
                           Boolean reached, CallFilter filter, Counted counted, String after, int limit,
                           String operator) {

    public static final int PAGE = 100;

    public JournalQuery {
        Objects.requireNonNull(period, "period");
        filter = filter == null ? CallFilter.NONE : filter;
    }

    /**
     * Which statistics, asked what, counted the calls: sent as {@code countedIn} and the question's parameters.
     *
     * @param by       the summary (tiles, timeline, lines), the operators' figures, or the summary's work sums
     * @param question the Statistics view's period and filters, every operator and team chosen
     */
    public record Counted(CountedIn by, StatsRequest question) {

        public Counted {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(question, "question");
        }
    }

    /**
     * The journal of the calls the summary of a question of the Statistics view counts: its days, direction, line and
     * queue (named in the header), and the question itself, every operator and team chosen.
     */
    public static JournalQuery of(StatsRequest stats) {
        CallFilter filter = CallFilter.NONE.line(stats.line()).queue(stats.queue());
        return new JournalQuery(new JournalPeriod.Days(stats.days()), null, stats.direction(), null, null, filter,
                new Counted(CountedIn.SUMMARY, stats), null, PAGE, null);
    }

    /** The same calls, of another period: a chart's stretch instead of the days shown. */
    public JournalQuery period(JournalPeriod newPeriod) {
        return new JournalQuery(newPeriod, status, direction, operatorId, reached, filter, counted, null, limit,
                operator);
    }

    public JournalQuery status(CallDisposition newStatus) {
        return new JournalQuery(period, newStatus, direction, operatorId, reached, filter, counted, null, limit,
                operator);
    }

    public JournalQuery direction(CallDirection newDirection) {
        return new JournalQuery(period, status, newDirection, operatorId, reached, filter, counted, null, limit,
                operator);
    }

    public JournalQuery operator(Long newOperatorId) {
        return new JournalQuery(period, status, direction, newOperatorId, reached, filter, counted, null, limit,
                operator);
    }

    public JournalQuery reached(Boolean newReached) {
        return new JournalQuery(period, status, direction, operatorId, newReached, filter, counted, null, limit,
                operator);
    }

    public JournalQuery filter(CallFilter newFilter) {
        return new JournalQuery(period, status, direction, operatorId, reached, newFilter, counted, null, limit,
                operator);
    }

    /** The same question, the calls counted by other statistics of it: the operators' figures, say. */
    public JournalQuery countedBy(CountedIn newBy) {
        return new JournalQuery(period, status, direction, operatorId, reached, filter,
                counted == null ? null : new Counted(newBy, counted.question()), null, limit, operator);
    }

    public JournalQuery after(String cursor) {
        return new JournalQuery(period, status, direction, operatorId, reached, filter, counted, cursor, limit,
                operator);
    }

    /** The same calls, their operator named in the header. */
    public JournalQuery operatorNamed(String name) {
        return new JournalQuery(period, status, direction, operatorId, reached, filter, counted, after, limit, name);
    }

    public List<Map.Entry<String, String>> parameters() {
        return period.into(new CallListParameters().limit(limit)).status(status).direction(direction)
                .operator(operatorId).reached(reached).filter(filter)
                .countedIn(counted == null ? null : counted.by(),
                        counted == null ? List.of() : counted.question().parameters())
                .after(after).entries();
    }
}
