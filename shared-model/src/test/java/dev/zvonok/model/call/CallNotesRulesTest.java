package dev.zvonok.model.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card's rules, as the server enforces them and the app checks them before anything is kept or sent. */
class CallNotesRulesTest {

    private static CallNotes notes(String text, List<String> tags, ClientInfo info) {
        return new CallNotes(text, tags, Priority.NORMAL, info, 0);
    }

    @Test
    void notesUpToTheLimitAreFineOneCharacterMoreIsNot() {
        assertThat(CallNotesRules.check(notes("a".repeat(10_000), List.of(), null))).isEmpty();

        assertThat(CallNotesRules.check(notes("a".repeat(10_001), List.of(), null))).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("notes");
            assertThat(v.problem()).isEqualTo("at most 10000 characters, was 10001");
        });
    }

    @Test
    void charactersAreCountedAsTheDatabaseCountsThemAnEmojiIsOne() {
        String emoji = "\uD83D\uDE00"; // two UTF-16 chars, one code point
        assertThat(CallNotesRules.check(notes(emoji.repeat(10_000), List.of(), null))).isEmpty();
        assertThat(CallNotesRules.check(notes(emoji.repeat(10_001), List.of(), null))).isPresent();
    }

    @Test
    void nulCharactersAreRefusedTheDatabaseCannotStoreThem() {
        assertThat(CallNotesRules.check(notes("a\0b", List.of(), null)))
                .hasValueSatisfying(v -> assertThat(v.problem()).contains("NUL"));
        assertThat(CallNotesRules.check(notes("", List.of("ta\0g"), null)))
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
        assertThat(CallNotesRules.check(notes("", tags, null))).isEmpty();

        tags.add("tag20");
        assertThat(CallNotesRules.check(notes("", tags, null)))
                .hasValueSatisfying(v -> assertThat(v.message()).isEqualTo("tags: at most 20 tags, were 21"));
        assertThat(CallNotesRules.check(notes("", List.of("x".repeat(65)), null)))
                .hasValueSatisfying(v -> assertThat(v.problem()).isEqualTo("each tag at most 64 characters, was 65"));
    }

    @Test
    void clientFieldsAreLimitedEachByName() {
        ClientInfo longAddress = new ClientInfo("Анна", null, "д".repeat(501), null);

        assertThat(CallNotesRules.check(notes("", List.of(), longAddress)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("clientInfo.address"));
        assertThat(CallNotesRules.check(notes("", List.of(), new ClientInfo("  " + "д".repeat(500) + "  ", null, null,
                null)))).as("trimmed first, as stored").isEmpty();
    }

    @Test
    void theSameContentIsRecognisedInTheServersTidyForm() {
        CallNotes typed = new CallNotes("текст ", List.of(" vip", "VIP", "доставка", ""), Priority.HIGH,
                new ClientInfo(" Анна ", "", null, null), 0);
        CallNotes stored = new CallNotes("текст ", List.of("vip", "доставка"), Priority.HIGH,
                new ClientInfo("Анна", null, null, null), 7);

        assertThat(CallNotesRules.sameContent(typed, stored)).isTrue();
        assertThat(CallNotesRules.sameContent(typed, new CallNotes("текст", stored.tags(), Priority.HIGH,
                stored.clientInfo(), 7))).as("the notes text is kept exactly as typed").isFalse();
        assertThat(CallNotesRules.sameContent(typed, new CallNotes("текст ", stored.tags(), Priority.LOW,
                stored.clientInfo(), 7))).isFalse();
    }

    @Test
    void theTidyFormIsWhatTheServerStores() {
        CallNotes typed = new CallNotes(" текст ", List.of(" vip", "VIP", "доставка", ""), Priority.HIGH,
                new ClientInfo(" Анна ", "", null, null), 3);

        assertThat(CallNotesRules.tidy(typed)).isEqualTo(new CallNotes(" текст ", List.of("vip", "доставка"),
                Priority.HIGH, new ClientInfo("Анна", null, null, null), 3));
        assertThat(CallNotesRules.tidy(notes("", List.of(), new ClientInfo(" ", "", null, null))).clientInfo())
                .isEqualTo(ClientInfo.EMPTY);
    }

    @Test
    void aNegativeVersionIsRefused() {
        assertThat(CallNotesRules.check(new CallNotes("", List.of(), null, null, -1)))
                .hasValueSatisfying(v -> assertThat(v.message()).isEqualTo("version: must not be negative, was -1"));
    }

    @Test
    void textIsCutByCharactersAsCountedNeverInsideOne() {
        String emoji = "\uD83D\uDE00";
        assertThat(CallNotesRules.fits(emoji.repeat(3), 3)).isTrue();
        assertThat(CallNotesRules.fits(emoji.repeat(3) + "a", 3)).isFalse();
        assertThat(CallNotesRules.clip(emoji.repeat(5), 3)).isEqualTo(emoji.repeat(3));
        assertThat(CallNotesRules.clip("ab" + emoji, 3)).isEqualTo("ab" + emoji);
        assertThat(CallNotesRules.clip("abc" + emoji, 3)).isEqualTo("abc");
        assertThat(CallNotesRules.clip("ab", 3)).isEqualTo("ab");
    }
}
