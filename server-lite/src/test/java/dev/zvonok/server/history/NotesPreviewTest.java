package dev.zvonok.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.api.CallListItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotesPreviewTest {

    private static final int READ = CallListItem.NOTES_PREVIEW_CHARS + 1;

    @Test
    void cardsInRingOrderOnOneLine() {
        assertThat(NotesPreview.of(List.of("Перезвонить\r\nзавтра\tутром ", "  ", "Записал на ТО"), READ))
                .isEqualTo("Перезвонить завтра утром | Записал на ТО");
    }

    @Test
    void nothingWrittenIsNoPreview() {
        assertThat(NotesPreview.of(List.of(), READ)).isNull();
        assertThat(NotesPreview.of(List.of(" \n "), READ)).isNull();
    }

    @Test
    void aLongPreviewIsCutToItsLengthAndSaysSo() {
        String preview = NotesPreview.of(List.of("а".repeat(150), "б".repeat(150)), READ);

        assertThat(preview).hasSize(CallListItem.NOTES_PREVIEW_CHARS)
                .startsWith("а".repeat(150) + " | б").endsWith("б…");
        assertThat(NotesPreview.of(List.of("в".repeat(CallListItem.NOTES_PREVIEW_CHARS)), READ))
                .as("exactly as long as a preview may be").doesNotEndWith("…");
    }

    @Test
    void aCardReadOnlyInPartIsMarkedCutEvenWhenItsSpacesShrankIt() {
        String spaced = "a         ".repeat(READ / 10 + 1).substring(0, READ);

        assertThat(NotesPreview.of(List.of(spaced), READ)).endsWith("a…").hasSizeLessThan(READ / 2);
    }

    @Test
    void neverSplitsACharacterOfTwoHalves() {
        String emoji = "😀".repeat(CallListItem.NOTES_PREVIEW_CHARS + 1);

        String preview = NotesPreview.of(List.of(emoji), READ);

        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(CallListItem.NOTES_PREVIEW_CHARS);
        assertThat(preview).isEqualTo("😀".repeat(CallListItem.NOTES_PREVIEW_CHARS - 1) + "…");
    }
}
