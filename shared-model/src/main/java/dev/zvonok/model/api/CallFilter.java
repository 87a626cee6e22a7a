package dev.zvonok.model.api;

import dev.zvonok.model.call.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The call journal's filters of {@code GET /api/calls} beyond period, status, direction, number and operator: what a
 * supervisor narrows the journal by, and what a statistics figure drills down to. The server filters, so that a
 * page's counts are the list's. Every field may be null: not filtered.
 *
 * @param line      the line the call came in on, by its name as it was then ({@link LineView}'s name)
 * @param queue     the queue the call went through
 * @param team      calls that rang, or were answered by, a member of the team of this name (as the board names it)
 * @param tag       calls with this tag on one of their cards
 * @param priority  calls with this priority on one of their cards
 * @param hasNotes  calls with notes on one of their cards (true), or on none (false)
 * @param notesText calls whose notes contain this text, in any case
 * @param name      calls whose other party (caller's name or company) or one of whose operators has this name, or a
 *                  part of it, in any case
 * @param answeredBy calls with a part this user answered (their phone rang, or they picked it up, and they took it):
 *                  what an operator's "answered" figure counts, one part at a time (not the calls they were only
 *                  offered, nor those they placed)
 */
public record CallFilter(String line, String queue, String team, String tag, Priority priority, Boolean hasNotes,
                         String notesText, String name, Long answeredBy) {

    public static final String LINE = "line";
    public static final String QUEUE = "queue";
    public static final String TEAM = "team";
    public static final String TAG = "tag";
    public static final String PRIORITY = "priority";
    public static final String HAS_NOTES = "hasNotes";
    public static final String NOTES_TEXT = "notesText";
    public static final String NAME = "name";
    public static final String ANSWERED_BY = "answeredBy";

    /** The journal's other parameters, named once for both sides. */
    public static final String PAGE = "page";
    public static final String LIMIT = "limit";
    public static final String DATE_FROM = "dateFrom";
    public static final String DATE_TO = "dateTo";
    public static final String STATUS = "status";
    public static final String DIRECTION = "direction";
    public static final String NUMBER = "number";
    public static final String OPERATOR = "operatorId";
    public static final String REACHED = "reached";
    /** Keyset paging: the {@link CallPage#next()} of the page before; instead of {@link #PAGE}. */
    public static final String AFTER = "after";

    /** Every parameter {@code GET /api/calls} knows: any other is refused, rather than silently not filtering. */
    public static final Set<String> PARAMETERS = Stream.concat(Stream.of(LINE, QUEUE, TEAM, TAG, PRIORITY, HAS_NOTES,
                    NOTES_TEXT, NAME, ANSWERED_BY, PAGE, LIMIT, DATE_FROM, DATE_TO, STATUS, DIRECTION, NUMBER, OPERATOR,
                    REACHED, AFTER, CountedIn.PARAMETER), CountedIn.STATS_PARAMETERS.stream())
            .collect(Collectors.toUnmodifiableSet());

    public static final CallFilter NONE = new CallFilter(null, null, null, null, null, null, null, null, null);

    public CallFilter {
        line = blankless(line);
        queue = blankless(queue);
        team = blankless(team);
        tag = blankless(tag);
        notesText = blankless(notesText);
        name = blankless(name);
    }

    public CallFilter line(String newLine) {
        return new CallFilter(newLine, queue, team, tag, priority, hasNotes, notesText, name, answeredBy);
    }

    public CallFilter queue(String newQueue) {
        return new CallFilter(line, newQueue, team, tag, priority, hasNotes, notesText, name, answeredBy);
    }

    public CallFilter team(String newTeam) {
        return new CallFilter(line, queue, newTeam, tag, priority, hasNotes, notesText, name, answeredBy);
    }

    public CallFilter tag(String newTag) {
        return new CallFilter(line, queue, team, newTag, priority, hasNotes, notesText, name, answeredBy);
    }

    public CallFilter priority(Priority newPriority) {
        return new CallFilter(line, queue, team, tag, newPriority, hasNotes, notesText, name, answeredBy);
    }

    public CallFilter hasNotes(Boolean newHasNotes) {
        return new CallFilter(line, queue, team, tag, priority, newHasNotes, notesText, name, answeredBy);
    }

    public CallFilter notesText(String newNotesText) {
        return new CallFilter(line, queue, team, tag, priority, hasNotes, newNotesText, name, answeredBy);
    }

    public CallFilter name(String newName) {
        return new CallFilter(line, queue, team, tag, priority, hasNotes, notesText, newName, answeredBy);
    }

    public CallFilter answeredBy(Long newAnsweredBy) {
        return new CallFilter(line, queue, team, tag, priority, hasNotes, notesText, name, newAnsweredBy);
    }

    /** The filters that are set, by parameter name, unencoded, in a stable order. */
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, LINE, line);
        put(params, QUEUE, queue);
        put(params, TEAM, team);
        put(params, TAG, tag);
        put(params, PRIORITY, priority == null ? null : priority.wireName());
        put(params, HAS_NOTES, hasNotes);
        put(params, NOTES_TEXT, notesText);
        put(params, NAME, name);
        put(params, ANSWERED_BY, answeredBy);
        return params;
    }

    private static void put(Map<String, String> params, String name, Object value) {
        if (value != null) {
            params.put(name, String.valueOf(value));
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
