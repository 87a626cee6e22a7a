package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.api.CallFilter;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The call journal's {@link CallFilter} as SQL over {@code calls}. What an operator wrote lives on the cards (one per
 * offer), so the card filters ask whether any of the call's cards matches; text matches ignore case, and jOOQ's
 * {@code containsIgnoreCase} escapes {@code %} and {@code _}, so that they are searched for as typed.
 */
final class JournalConditions {

    private JournalConditions() {
    }

    static Condition of(CallFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.line() != null) {
            // the statistics' line: its name, or the dialled number of a call on no known line
            conditions.add(CallLine.of(CALLS).equalIgnoreCase(filter.line()));
        }
        if (filter.queue() != null) {
            conditions.add(CALLS.QUEUE.eq(filter.queue()));
        }
        if (filter.team() != null) {
            conditions.add(team(filter.team()));
        }
        if (filter.tag() != null) {
            conditions.add(anyCard(DSL.condition("{0} = any({1})", DSL.val(filter.tag()), CALL_OFFERS.TAGS)));
        }
        if (filter.priority() != null) {
            conditions.add(anyCard(CALL_OFFERS.PRIORITY.eq(filter.priority().wireName())));
        }
        if (filter.hasNotes() != null) {
            Condition written = anyCard(DSL.trim(CALL_OFFERS.NOTES).ne(""));
            conditions.add(filter.hasNotes() ? written : DSL.not(written));
        }
        if (filter.notesText() != null) {
            conditions.add(anyCard(CALL_OFFERS.NOTES.containsIgnoreCase(filter.notesText())));
        }
        if (filter.name() != null) {
            conditions.add(named(filter.name()));
        }
        if (filter.answeredBy() != null) {
            // an operator's "answered" in the statistics: their parts with an answer
            conditions.add(anyCard(CALL_OFFERS.USER_ID.eq(filter.answeredBy()).and(CALL_OFFERS.ANSWER_AT.isNotNull())));
        }
        return DSL.and(conditions);
    }

    private static Condition anyCard(Condition card) {
        return DSL.exists(DSL.selectOne().from(CALL_OFFERS).where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), card));
    }

    /** Calls that rang a member of the team, or that one of them answered (a pickup rings nobody). */
    private static Condition team(String name) {
        var members = DSL.select(USER_TEAMS.USER_ID).from(USER_TEAMS).join(TEAMS).on(TEAMS.ID.eq(USER_TEAMS.TEAM_ID))
                .where(TEAMS.NAME.equalIgnoreCase(name));
        return DSL.or(anyCard(CALL_OFFERS.USER_ID.in(members)), CALLS.ANSWERED_BY_USER_ID.in(members));
    }

    /**
     * The other party as the directory knew them then or as an operator noted them on a card, or an operator the call
     * rang or who answered it.
     */
    private static Condition named(String name) {
        var operators = DSL.select(USERS.ID).from(USERS).where(USERS.DISPLAY_NAME.containsIgnoreCase(name));
        return DSL.or(
                CALLS.CALLER_NAME.containsIgnoreCase(name),
                CALLS.CALLER_COMPANY.containsIgnoreCase(name),
                anyCard(DSL.field("{0} ->> 'name'", String.class, CALL_OFFERS.CLIENT_INFO).containsIgnoreCase(name)),
                CALLS.ANSWERED_BY_USER_ID.in(operators),
                anyCard(CALL_OFFERS.USER_ID.in(operators)));
    }
}
