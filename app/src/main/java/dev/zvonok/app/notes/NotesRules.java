package dev.zvonok.app.notes;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The limits a card's notes must keep, as the server checks them (server-lite's {@code CardNotesRules}): the notes at
 * most {@value CallNotes#MAX_NOTES_CHARS} characters, at most {@value CallNotes#MAX_TAGS} tags of at most
 * {@value CallNotes#MAX_TAG_CHARS}, client fields at most {@value CallNotes#MAX_CLIENT_FIELD_CHARS}; no NUL
 * characters. Characters are counted as code points, as PostgreSQL counts them (an emoji is one).
 *
 * <p>Also the server's tidy form (tags trimmed, blank and repeated ones dropped; client fields trimmed), so that a
 * draft can be compared with what the server stored.
 */
public final class NotesRules {

    private NotesRules() {
    }

    /** The first limit {@code draft} breaks, or empty when the server will take it. */
    public static Optional<NotesViolation> check(CallNotes draft) {
        Objects.requireNonNull(draft, "draft");
        Optional<NotesViolation> notes = text("notes", draft.notes(), MAX_NOTES_CHARS);
        if (notes.isPresent()) {
            return notes;
        }
        List<String> tags = new ArrayList<>();
        for (String tag : tidyTags(draft.tags())) {
            if (tag.indexOf('\0') >= 0) {
                return Optional.of(new NotesViolation("tags", "must not contain NUL characters"));
            }
            int chars = tag.codePointCount(0, tag.length());
            if (chars > MAX_TAG_CHARS) {
                return Optional.of(new NotesViolation("tags", "each tag at most " + MAX_TAG_CHARS
                        + " characters, was " + chars));
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.of(new NotesViolation("tags", "at most " + MAX_TAGS + " tags, were " + tags.size()));
        }
        ClientInfo info = draft.clientInfo();
        return text("clientInfo.name", strip(info.name()), MAX_CLIENT_FIELD_CHARS)
                .or(() -> text("clientInfo.company", strip(info.company()), MAX_CLIENT_FIELD_CHARS))
                .or(() -> text("clientInfo.address", strip(info.address()), MAX_CLIENT_FIELD_CHARS))
                .or(() -> text("clientInfo.comment", strip(info.comment()), MAX_CLIENT_FIELD_CHARS));
    }

    /** Whether the server, storing {@code a}, would store the same as {@code b} (versions aside). */
    public static boolean sameContent(CallNotes a, CallNotes b) {
        return a.notes().equals(b.notes())
                && tidyTags(a.tags()).equals(tidyTags(b.tags()))
                && a.priority() == b.priority()
                && tidy(a.clientInfo()).equals(tidy(b.clientInfo()));
    }

    private static List<String> tidyTags(List<String> raw) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : raw) {
            String trimmed = strip(tag);
            if (trimmed != null && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                tags.add(trimmed);
            }
        }
        return tags;
    }

    private static ClientInfo tidy(ClientInfo info) {
        return new ClientInfo(strip(info.name()), strip(info.company()), strip(info.address()),
                strip(info.comment()));
    }

    /** Trimmed, or null when blank: how the server keeps optional fields. */
    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static Optional<NotesViolation> text(String field, String text, int maxChars) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.of(new NotesViolation(field, "must not contain NUL characters"));
        }
        if (text.length() > maxChars) {
            int chars = text.codePointCount(0, text.length());
            if (chars > maxChars) {
                return Optional.of(new NotesViolation(field, "at most " + maxChars + " characters, was " + chars));
            }
        }
        return Optional.empty();
    }
}
