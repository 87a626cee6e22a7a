package dev.zvonok.model.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers numbers = PhoneNumbers.russian();

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+79271390907", "79271390907", "9271390907", "+7 927 139-09-07",
            "8 (927) 139-09-07", "8-927-139-09-07", "+7(927)1390907", " 8 927 139 09 07 ", "7 927 139 09 07"})
    void russianMobileInEveryFormatIsOneNumber(String written) {
        assertThat(numbers.normalize(written)).isEqualTo("+79271390907");
    }

    @ParameterizedTest
    @CsvSource({
            "74951234567, +74951234567",
            "84951234567, +74951234567",
            "8 (846) 200-10-20, +78462001020",
            "8 (8482) 55-66-77, +78482556677",
            "88001234567, +78001234567",
            "+375 29 123-45-67, +375291234567",
            "+49 30 1234567, +49301234567"})
    void landlinesTollFreeAndForeignNumbers(String written, String normalized) {
        assertThat(numbers.normalize(written)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"777", "888", "999", "600", "101", "12"})
    void extensionsStayAsTheyAre(String extension) {
        assertThat(numbers.normalize(extension)).isEqualTo(extension);
        assertThat(numbers.isShort(extension)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<unknown>", "anonymous", "+", "--"})
    void withheldNumbersHaveNoKey(String written) {
        assertThat(numbers.normalize(written)).isNull();
    }

    @Test
    void digitsLibphonenumberCannotPlaceStillCompareWithThemselves() {
        assertThat(numbers.normalize("123456789012345678")).isEqualTo("123456789012345678");
        assertThat(numbers.normalize("1234-5678-9012-3456-78")).isEqualTo("123456789012345678");
    }

    @Test
    void aCompleteNumberHasItsAreaCodeWhateverItsFormat() {
        assertThat(numbers.isComplete("8 (499) 333-22-11")).isTrue();
        assertThat(numbers.isComplete("+7 916 555-12-34")).isTrue();
        assertThat(numbers.isComplete("+44 20 7946 0958")).isTrue();
        assertThat(numbers.isComplete("333-22-11")).as("a city's local number: no caller ever shows it").isFalse();
        assertThat(numbers.isComplete("777")).as("an extension").isFalse();
        assertThat(numbers.isComplete("нет")).isFalse();
        assertThat(numbers.isComplete(null)).isFalse();
    }

    @Test
    void longerExtensionsCanBeConfigured() {
        PhoneNumbers eightDigitExtensions = new PhoneNumbers("RU", 8);
        assertThat(eightDigitExtensions.normalize("12345678")).isEqualTo("12345678");
        assertThat(eightDigitExtensions.normalize("89271390907")).isEqualTo("+79271390907");
    }

    @Test
    void otherDefaultRegions() {
        PhoneNumbers kazakhstan = new PhoneNumbers("kz", 6);
        assertThat(kazakhstan.normalize("8 701 123 45 67")).isEqualTo("+77011234567");
        assertThat(kazakhstan.defaultRegion()).isEqualTo("KZ");
        assertThatThrownBy(() -> new PhoneNumbers("XX", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers("RU", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +79271390907       | +7 927 139-09-07
            89271390907        | +7 927 139-09-07
            79271390907        | +7 927 139-09-07
            9271390907         | +7 927 139-09-07
            ' +74951234500 '   | +7 495 123-45-00
            +442079460000      | +44 20 7946 0000
            777                | 777
            ' 100 '            | 100
            anonymous          | anonymous
            """)
    void publicNumbersAreShownInternationallyAndExtensionsAsTheyAre(String written, String shown) {
        assertThat(numbers.display(written)).isEqualTo(shown);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void nothingIsShownAsNothing(String blank) {
        assertThat(numbers.display(blank)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+7 927 139-09-07", "9271390907", "79271390907", "8 (927) 139-09-07",
            "+7.927.139.09.07", "777"})
    void whatPeopleTypeAsANumberLooksLikeOne(String typed) {
        assertThat(numbers.looksLikeNumber(typed)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Автодом", "ООО Ромашка", "777a", "  ", "+-()"})
    void namesAndEmptinessAreNoNumbers(String typed) {
        assertThat(numbers.looksLikeNumber(typed)).isFalse();
    }

    @Test
    void theRulesGoBackAsTheyCame() {
        assertThat(new PhoneNumbers(new PhoneRules("kz", 4)).rules()).isEqualTo(new PhoneRules("KZ", 4));
        assertThat(PhoneNumbers.russian().rules()).isEqualTo(PhoneRules.RUSSIA);
        assertThat(new PhoneNumbers(new PhoneRules("RU", 4)).isShort("12345")).isFalse();
        assertThat(numbers.isShort("12345")).isTrue();
    }

    @Test
    void nationalDigitsAreWhatALocalPhoneDials() {
        assertThat(numbers.nationalDigits("+7 927 139-09-07")).isEqualTo("89271390907");
        assertThat(numbers.nationalDigits("+49 30 1234567")).isEqualTo("+49301234567");
        assertThat(numbers.nationalDigits("777")).isEqualTo("777");
    }
}
