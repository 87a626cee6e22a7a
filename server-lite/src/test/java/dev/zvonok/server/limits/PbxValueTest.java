package dev.zvonok.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.phone.PhoneNumbers;
import org.junit.jupiter.api.Test;

class PbxValueTest {

    @Test
    void aValueThatFitsComesBackAsItIs() {
        String number = "+79271390907";
        PbxValue.Fitted fitted = PbxValue.NUMBER.fit(number);
        assertThat(fitted.value()).isSameAs(number);
        assertThat(fitted.cut()).isFalse();
        assertThat(fitted.cleaned()).isFalse();
        assertThat(PbxValue.NAME.fit("Автодом «Волга» 😀").value()).isEqualTo("Автодом «Волга» 😀");
        assertThat(PbxValue.NUMBER.fit(null).value()).isNull();
        assertThat(PbxValue.NUMBER.fit("<unknown>").value()).isEqualTo("<unknown>");
    }

    @Test
    void aHugeNumberIsCutToWhatItsNormalizedColumnHolds() {
        PbxValue.Fitted fitted = PbxValue.NUMBER.fit("8927".repeat(262_144));
        assertThat(fitted.value()).hasSize(32).isEqualTo("8927".repeat(8));
        assertThat(fitted.cut()).isTrue();
        assertThat(fitted.cleaned()).isFalse();
        assertThat(PhoneNumbers.russian().normalize(fitted.value())).hasSizeLessThanOrEqualTo(32);
    }

    @Test
    void aNumberKeepsOnlyPrintableAsciiWithoutBlanks() {
        PbxValue.Fitted fitted = PbxValue.NUMBER.fit("+7 927\t139\u0000-09-07\u202e№");
        assertThat(fitted.value()).isEqualTo("+7927139-09-07");
        assertThat(fitted.cleaned()).isTrue();
        assertThat(fitted.cut()).isFalse();
    }

    @Test
    void aNameLosesControlAndFormatCharactersOnly() {
        PbxValue.Fitted fitted = PbxValue.NAME.fit("Иван\u001b[31m Петров\u202e\u200b\u0007\u2028 ООО");
        assertThat(fitted.value()).isEqualTo("Иван[31m Петров ООО");
        assertThat(fitted.cleaned()).isTrue();
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String name = "a".repeat(199) + "😀" + "b";
        PbxValue.Fitted fitted = PbxValue.NAME.fit(name);
        assertThat(fitted.value()).isEqualTo("a".repeat(199));
        assertThat(PbxValue.NAME.fit("x\ud800y").value()).as("an unpaired surrogate goes").isEqualTo("xy");
    }

    @Test
    void longIdsSharingTheirBeginningStayDistinct() {
        String common = "1700000000.".repeat(10);
        String one = PbxValue.ID.bound(common + "1");
        String two = PbxValue.ID.bound(common + "2");
        assertThat(one).hasSize(64).isNotEqualTo(two).startsWith(common.substring(0, 55));
        assertThat(PbxValue.ID.bound(common + "1")).as("the same id, the same cut").isEqualTo(one);
    }
}
