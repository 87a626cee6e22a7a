package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallNotes;
import java.time.Instant;
import java.util.Objects;

/** What became of saving a card's notes ({@link CallCards#save}). */
public sealed interface SaveResult permits SaveResult.Saved, SaveResult.Stale, SaveResult.Invalid, UnknownCall {

    /** Stored under {@code version}, committed at {@code savedAt}. */
    record Saved(int version, Instant savedAt) implements SaveResult {
    }

    /** Not stored: the card changed since the version edited. {@code current} is what is stored, with its version. */
    record Stale(CallNotes current) implements SaveResult {

        public Stale {
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * Not stored: {@code field} ({@code notes}, {@code tags}, {@code clientInfo.name}, {@code version}) breaks a rule.
     *
     * @param message what is wrong, for people, without the field's name: {@code at most 10000 characters, was 10001}
     */
    record Invalid(String field, String message) implements SaveResult {

        /** Field and message together: {@code notes: at most 10000 characters, was 10001}. */
        public String describe() {
            return field + ": " + message;
        }
    }
}
