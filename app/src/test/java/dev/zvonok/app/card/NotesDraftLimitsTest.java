package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.CallNotesRules;
import org.junit.jupiter.api.Test;

/** The card holds what the server's rules allow, counted as they count (an emoji is one character), no more. */
class NotesDraftLimitsTest {

    private static final String EMOJI = "\uD83D\uDE00"; // two UTF-16 chars, one character for the server

    private final NotesDraft draft = new NotesDraft(edited -> { });

    @Test
    void notesOfEmojisUpToTheLimitAreKeptWholeAndCutWithoutSplittingOne() {
        draft.notesProperty().set(EMOJI.repeat(CallNotes.MAX_NOTES_CHARS));
        assertThat(draft.draft().notes()).isEqualTo(EMOJI.repeat(CallNotes.MAX_NOTES_CHARS));

        draft.notesProperty().set(EMOJI.repeat(CallNotes.MAX_NOTES_CHARS + 1));
        assertThat(draft.draft().notes()).isEqualTo(EMOJI.repeat(CallNotes.MAX_NOTES_CHARS));
        assertThat(CallNotesRules.check(draft.draft())).isEmpty();
    }

    @Test
    void clientFieldsAndTagsFollowTheSameCount() {
        draft.clientNameProperty().set(EMOJI.repeat(CallNotes.MAX_CLIENT_FIELD_CHARS + 1));
        assertThat(draft.draft().clientInfo().name()).isEqualTo(EMOJI.repeat(CallNotes.MAX_CLIENT_FIELD_CHARS));

        assertThat(draft.addTag(EMOJI.repeat(CallNotes.MAX_TAG_CHARS))).isTrue();
        assertThat(draft.addTag("x" + EMOJI.repeat(CallNotes.MAX_TAG_CHARS))).isFalse();
    }
}
