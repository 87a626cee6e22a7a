package dev.zvonok.model.stats;

/**
 * The query parameters of {@code /api/stats/*}: the period, what to narrow it to, and the answer's form. Every filter
 * is optional; an unknown value is refused (400) with the parameter's name, a team or operator outside the asking
 * supervisor's teams with 403.
 */
public final class StatsQuery {

    /** The first of the call centre's days counted, {@code 2026-12-04}; today when absent. */
    public static final String DATE_FROM = "dateFrom";
    /** The last of the call centre's days counted (included); today when absent. */
    public static final String DATE_TO = "dateTo";
    /**
     * An operator's user id: the calls that rang them, and only their parts in the operators' figures. May be given
     * several times (these operators), as may {@link #TEAM}; the two together narrow each other.
     */
    public static final String OPERATOR_ID = "operatorId";
    /** A team's name (unique, as the board and the journal show it): the calls that rang one of its members. */
    public static final String TEAM = "team";
    /** A line as {@code /api/stats/lines} names it: its name, or the dialled number of a call on no known line. */
    public static final String LINE = "line";
    /** A queue's name as the PBX spells it. */
    public static final String QUEUE = "queue";
    /** {@code inbound}, {@code outbound} or {@code internal}. */
    public static final String DIRECTION = "direction";
    /** {@code hour}, {@code day}, {@code week} or {@code month} (timeline only). */
    public static final String BY = "by";
    /** {@code json} (the default), {@code csv} or {@code xlsx}. */
    public static final String FORMAT = "format";

    private StatsQuery() {
    }
}
