package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberDisplayTest {

    private final PhoneNumberDisplay display = new PhoneNumberDisplay();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +79271390907   | +7 927 139-09-07
            89271390907    | +7 927 139-09-07
            +74951234500   | +7 495 123-45-00
            +442079460000  | +44 20 7946 0000
            777            | 777
            100            | 100
            anonymous      | anonymous
            """)
    void showsPublicNumbersInternationallyAndExtensionsAsTheyAre(String wire, String shown) {
        assertThat(display.format(wire)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'  '"}, nullValues = "null")
    void nothingStaysNothing(String blank) {
        assertThat(display.format(blank)).isNull();
        assertThat(display.format(null)).isNull();
    }
}
