package dev.zvonok.server.history;

import dev.zvonok.model.api.CallListItem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The notes of a call as a list shows them ({@link CallListItem#notes()}): one line, short, every card's words in ring
 * order. Cut by code points, so that no emoji or other surrogate pair is split into an unreadable half.
 */
final class NotesPreview {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String CUT = "…";

    private NotesPreview() {
    }

    /**
     * @param notes     each card's notes in ring order, possibly only their start
     * @param readChars how much of each card was read: a card this long may go on, and the preview says so
     * @return null when nobody wrote anything
     */
    static String of(List<String> notes, int readChars) {
        boolean more = notes.stream().anyMatch(text -> text.codePointCount(0, text.length()) >= readChars);
        String joined = String.join(CallListItem.NOTES_SEPARATOR, notes.stream()
                .map(text -> WHITESPACE.matcher(text).replaceAll(" ").strip())
                .filter(text -> !text.isEmpty())
                .toList());
        if (joined.isEmpty()) {
            return null;
        }
        int max = CallListItem.NOTES_PREVIEW_CHARS;
        if (joined.codePointCount(0, joined.length()) <= max && !more) {
            return joined;
        }
        int keep = Math.min(joined.codePointCount(0, joined.length()), max - CUT.length());
        return joined.substring(0, joined.offsetByCodePoints(0, keep)).stripTrailing() + CUT;
    }
}
