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

    /** Not stored: {@code field} ({@code notes}, {@code tags}, {@code clientInfo.name}...) breaks a rule. */
    record Invalid(String field, String message) implements SaveResult {
    }
}
