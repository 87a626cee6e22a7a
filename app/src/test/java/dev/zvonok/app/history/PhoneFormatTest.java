package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneFormatTest {

    private final PhoneFormat phones = PhoneFormat.russian();

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+7 927 139-09-07", "9271390907", "79271390907", "8 (927) 139-09-07",
            "+7.927.139.09.07"})
    void everyWayOfWritingANumberIsOneNumber(String typed) {
        assertThat(phones.looksLikeNumber(typed)).isTrue();
        assertThat(phones.normalize(typed)).isEqualTo("+79271390907");
    }

    @ParameterizedTest
    @CsvSource({"+79271390907, +7 927 139-09-07", "777, 777", "+74951234500, +7 495 123-45-00"})
    void numbersAreShownTheWayPeopleReadThem(String number, String shown) {
        assertThat(phones.display(number)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Автодом", "ООО Ромашка", "777a", "", "  ", "+-()"})
    void namesAndEmptinessAreNoNumbers(String typed) {
        assertThat(phones.looksLikeNumber(typed)).isFalse();
    }

    @Test
    void extensionsStayDigitsAndNothingIsNull() {
        assertThat(phones.normalize("777")).isEqualTo("777");
        assertThat(phones.normalize("<unknown>")).isNull();
        assertThat(phones.display(null)).isEmpty();
    }
}
