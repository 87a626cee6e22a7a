package dev.zvonok.model.call;

import static dev.zvonok.model.call.CallNotes.MAX_CLIENT_FIELD_CHARS;
import static dev.zvonok.model.call.CallNotes.MAX_NOTES_CHARS;
import static dev.zvonok.model.call.CallNotes.MAX_TAGS;
import static dev.zvonok.model.call.CallNotes.MAX_TAG_CHARS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a card's notes must keep, for the server (which refuses what breaks them) and the app (which checks before
 * it keeps or sends, so that the server never refuses what the operator was let type): the notes at most
 * {@value CallNotes#MAX_NOTES_CHARS} characters, at most {@value CallNotes#MAX_TAGS} tags of at most
 * {@value CallNotes#MAX_TAG_CHARS}, client fields at most {@value CallNotes#MAX_CLIENT_FIELD_CHARS}; no NUL characters
 * (PostgreSQL cannot store them). Characters are counted as code points, as PostgreSQL counts them (an emoji is one).
 *
 * <p>Also the stored, tidy form: tags trimmed, blank ones and repeats (ignoring case) dropped; client fields trimmed,
 * blank ones absent; the notes text exactly as typed.
 */
public final class CallNotesRules {

    private CallNotesRules() {
    }

    /** The first rule {@code notes} breaks, or empty when the server takes it. */
    public static Optional<NotesViolation> check(CallNotes notes) {
        Objects.requireNonNull(notes, "notes");
        if (notes.version() < 0) {
            return violation("version", "must not be negative, was " + notes.version());
        }
        Optional<NotesViolation> text = text("notes", notes.notes(), MAX_NOTES_CHARS);
        if (text.isPresent()) {
            return text;
        }
        List<String> tags = tidyTags(notes.tags());
        for (String tag : tags) {
            Optional<NotesViolation> broken = text("tags", tag, MAX_TAG_CHARS);
            if (broken.isPresent()) {
                return broken;
            }
        }
        if (tags.size() > MAX_TAGS) {
            return violation("tags", "at most " + MAX_TAGS + " tags, were " + tags.size());
        }
        ClientInfo info = notes.clientInfo();
        return text("clientInfo.name", strip(info.name()), MAX_CLIENT_FIELD_CHARS)
                .or(() -> text("clientInfo.company", strip(info.company()), MAX_CLIENT_FIELD_CHARS))
                .or(() -> text("clientInfo.address", strip(info.address()), MAX_CLIENT_FIELD_CHARS))
                .or(() -> text("clientInfo.comment", strip(info.comment()), MAX_CLIENT_FIELD_CHARS));
    }

    /** {@code notes} as the server stores them (tags and client fields tidied); the rules are checked apart. */
    public static CallNotes tidy(CallNotes notes) {
        Objects.requireNonNull(notes, "notes");
        return new CallNotes(notes.notes(), tidyTags(notes.tags()), notes.priority(), tidy(notes.clientInfo()),
                notes.version());
    }

    /** Whether the server, storing {@code a}, would store the same as {@code b} (versions aside). */
    public static boolean sameContent(CallNotes a, CallNotes b) {
        return a.notes().equals(b.notes())
                && tidyTags(a.tags()).equals(tidyTags(b.tags()))
                && a.priority() == b.priority()
                && tidy(a.clientInfo()).equals(tidy(b.clientInfo()));
    }

    /**
     * Whether {@code text} keeps a limit of {@code maxChars} characters, counted as these rules count them (code
     * points): what a text field of the card may hold.
     */
    public static boolean fits(String text, int maxChars) {
        // the cheap test first: a string is never more code points than chars
        return text.length() <= maxChars || text.codePointCount(0, text.length()) <= maxChars;
    }

    /** {@code text} cut to {@code maxChars} characters as counted here, never in the middle of one. */
    public static String clip(String text, int maxChars) {
        return fits(text, maxChars) ? text : text.substring(0, text.offsetByCodePoints(0, maxChars));
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

    /** Trimmed, or null when blank: how optional fields are kept. */
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
            return violation(field, "must not contain NUL characters");
        }
        if (!fits(text, maxChars)) {
            String what = field.equals("tags") ? "each tag at most " : "at most ";
            return violation(field, what + maxChars + " characters, was " + text.codePointCount(0, text.length()));
        }
        return Optional.empty();
    }

    private static Optional<NotesViolation> violation(String field, String problem) {
        return Optional.of(new NotesViolation(field, problem));
    }
}
