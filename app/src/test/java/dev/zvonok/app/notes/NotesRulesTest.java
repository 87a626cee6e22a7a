package dev.zvonok.app.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's limits, checked before anything is kept or sent. */
class NotesRulesTest {

    private static CallNotes notes(String text, List<String> tags, ClientInfo info) {
        return new CallNotes(text, tags, Priority.NORMAL, info, 0);
    }

    @Test
    void notesUpToTheLimitAreFineOneCharacterMoreIsNot() {
        assertThat(NotesRules.check(notes("a".repeat(10_000), List.of(), null))).isEmpty();

        assertThat(NotesRules.check(notes("a".repeat(10_001), List.of(), null))).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("notes");
            assertThat(v.problem()).isEqualTo("at most 10000 characters, was 10001");
        });
    }

    @Test
    void charactersAreCountedAsTheDatabaseCountsThemAnEmojiIsOne() {
        String emoji = "\uD83D\uDE00"; // two UTF-16 chars, one code point
        assertThat(NotesRules.check(notes(emoji.repeat(10_000), List.of(), null))).isEmpty();
        assertThat(NotesRules.check(notes(emoji.repeat(10_001), List.of(), null))).isPresent();
    }

    @Test
    void nulCharactersAreRefusedTheDatabaseCannotStoreThem() {
        assertThat(NotesRules.check(notes("a\0b", List.of(), null)))
                .hasValueSatisfying(v -> assertThat(v.problem()).contains("NUL"));
        assertThat(NotesRules.check(notes("", List.of("ta\0g"), null)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("tags"));
    }

    @Test
    void tagsAreCountedAfterTidyingAsTheServerDoes() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tags.add("tag" + i);
        }
        tags.add(" TAG0 "); // a repeat, ignoring case and spaces: not a 21st tag
        tags.add("   ");    // blank: dropped
        assertThat(NotesRules.check(notes("", tags, null))).isEmpty();

        tags.add("tag20");
        assertThat(NotesRules.check(notes("", tags, null)))
                .hasValueSatisfying(v -> assertThat(v.message()).isEqualTo("tags: at most 20 tags, were 21"));
        assertThat(NotesRules.check(notes("", List.of("x".repeat(65)), null)))
                .hasValueSatisfying(v -> assertThat(v.problem()).isEqualTo("each tag at most 64 characters, was 65"));
    }

    @Test
    void clientFieldsAreLimitedEachByName() {
        ClientInfo longAddress = new ClientInfo("Анна", null, "д".repeat(501), null);

        assertThat(NotesRules.check(notes("", List.of(), longAddress)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("clientInfo.address"));
        assertThat(NotesRules.check(notes("", List.of(), new ClientInfo("  " + "д".repeat(500) + "  ", null, null,
                null)))).as("trimmed first, as stored").isEmpty();
    }

    @Test
    void theSameContentIsRecognisedInTheServersTidyForm() {
        CallNotes typed = new CallNotes("текст ", List.of(" vip", "VIP", "доставка", ""), Priority.HIGH,
                new ClientInfo(" Анна ", "", null, null), 0);
        CallNotes stored = new CallNotes("текст ", List.of("vip", "доставка"), Priority.HIGH,
                new ClientInfo("Анна", null, null, null), 7);

        assertThat(NotesRules.sameContent(typed, stored)).isTrue();
        assertThat(NotesRules.sameContent(typed, new CallNotes("текст", stored.tags(), Priority.HIGH,
                stored.clientInfo(), 7))).as("the notes text is kept exactly as typed").isFalse();
        assertThat(NotesRules.sameContent(typed, new CallNotes("текст ", stored.tags(), Priority.LOW,
                stored.clientInfo(), 7))).isFalse();
    }
}
