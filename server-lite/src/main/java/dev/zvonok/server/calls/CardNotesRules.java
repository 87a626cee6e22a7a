package dev.zvonok.server.calls;

import static dev.zvonok.model.call.CallNotes.MAX_CLIENT_FIELD_CHARS;
import static dev.zvonok.model.call.CallNotes.MAX_NOTES_CHARS;
import static dev.zvonok.model.call.CallNotes.MAX_TAGS;
import static dev.zvonok.model.call.CallNotes.MAX_TAG_CHARS;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a card must meet before it is stored, and the tidy form it is stored in: tags trimmed, blank ones
 * dropped, repeats (ignoring case) dropped keeping the first spelling; client fields trimmed, blank ones absent.
 * The notes text is kept exactly as typed.
 *
 * <p>Lengths count characters as PostgreSQL does (code points), so that an emoji is one character here as in the
 * {@code varchar} columns. NUL characters are refused: PostgreSQL cannot store them in text.
 */
final class CardNotesRules {

    private CardNotesRules() {
    }

    /** A field that breaks a rule: which one, and what is wrong with it. */
    static final class Violation extends Exception {

        private final String field;
        private final String problem;

        Violation(String field, String problem) {
            super(field + ": " + problem, null, false, false);
            this.field = field;
            this.problem = problem;
        }

        String field() {
            return field;
        }

        /** What is wrong, without the field's name: {@code at most 10000 characters, was 10001}. */
        String problem() {
            return problem;
        }
    }

    /** The card in its stored form, or the first rule it breaks. */
    static CallNotes tidy(CallNotes edit) throws Violation {
        if (edit.version() < 0) {
            throw new Violation("version", "must not be negative, was " + edit.version());
        }
        String notes = edit.notes();
        checkText("notes", notes, MAX_NOTES_CHARS);
        return new CallNotes(notes, tags(edit.tags()), edit.priority(), clientInfo(edit.clientInfo()),
                edit.version());
    }

    private static List<String> tags(List<String> raw) throws Violation {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : raw) {
            String trimmed = tag == null ? "" : tag.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            checkText("tags", trimmed, MAX_TAG_CHARS);
            if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                tags.add(trimmed);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new Violation("tags", "at most " + MAX_TAGS + " tags, were " + tags.size());
        }
        return tags;
    }

    private static ClientInfo clientInfo(ClientInfo raw) throws Violation {
        ClientInfo info = new ClientInfo(
                clientField("clientInfo.name", raw.name()),
                clientField("clientInfo.company", raw.company()),
                clientField("clientInfo.address", raw.address()),
                clientField("clientInfo.comment", raw.comment()));
        return info.equals(ClientInfo.EMPTY) ? ClientInfo.EMPTY : info;
    }

    private static String clientField(String field, String raw) throws Violation {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        checkText(field, value, MAX_CLIENT_FIELD_CHARS);
        return value;
    }

    private static void checkText(String field, String text, int maxChars) throws Violation {
        if (text.indexOf('\0') >= 0) {
            throw new Violation(field, "must not contain NUL characters");
        }
        // the cheap test first: a string is never more code points than chars
        if (text.length() > maxChars) {
            int chars = text.codePointCount(0, text.length());
            if (chars > maxChars) {
                String what = field.equals("tags") ? "each tag at most " : "at most ";
                throw new Violation(field, what + maxChars + " characters, was " + chars);
            }
        }
    }
}
