package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.limits.PbxValue;
import org.junit.jupiter.api.Test;

class AmiValueBoundsTest {

    private final AmiValueBounds bounds = new AmiValueBounds();

    @Test
    void eachHeaderIsFittedByWhatItHolds() {
        assertThat(bounds.fitLine("CallerIDNum: " + "9".repeat(1_000_000))).isEqualTo("CallerIDNum: " + "9".repeat(32));
        assertThat(bounds.fitLine("DestCallerIDName: Ива\u0000н")).isEqualTo("DestCallerIDName: Иван");
        assertThat(bounds.fitLine("Queue: " + "q".repeat(100))).isEqualTo("Queue: " + "q".repeat(80));
        assertThat(bounds.fitLine("Cause-txt: " + "x".repeat(100))).isEqualTo("Cause-txt: " + "x".repeat(80));
        assertThat(bounds.fitLine("DestLinkedid: " + "1".repeat(100))).hasSize("DestLinkedid: ".length() + 64);

        assertThat(bounds.cut(PbxValue.NUMBER)).isEqualTo(1);
        assertThat(bounds.cleaned(PbxValue.NAME)).isEqualTo(1);
        assertThat(bounds.cut(PbxValue.QUEUE)).isEqualTo(1);
        assertThat(bounds.cut(PbxValue.CAUSE_TEXT)).isEqualTo(1);
        assertThat(bounds.cut(PbxValue.ID)).isEqualTo(1);
        assertThat(bounds.cutTotal()).isEqualTo(4);
    }

    @Test
    void linesThatFitAreTheSameLine() {
        String line = "Channel: PJSIP/777-00000001";
        assertThat(bounds.fitLine(line)).isSameAs(line);
        String banner = "Asterisk Call Manager/9.0.0";
        assertThat(bounds.fitLine(banner)).isSameAs(banner);
        assertThat(bounds.fitLine("")).isEmpty();
        assertThat(bounds.fitLine("Value:")).isEqualTo("Value:");
        assertThat(bounds.cutTotal()).isZero();
    }

    @Test
    void headerNamesAreReadWhateverTheirCase() {
        assertThat(AmiValueBounds.kindOf("UniqueID")).isEqualTo(PbxValue.ID);
        assertThat(AmiValueBounds.kindOf("TransferTargetUniqueID")).isEqualTo(PbxValue.ID);
        assertThat(AmiValueBounds.kindOf("LinkedID")).isEqualTo(PbxValue.ID);
        assertThat(AmiValueBounds.kindOf("ConnectedLineNum")).isEqualTo(PbxValue.NUMBER);
        assertThat(AmiValueBounds.kindOf("Exten")).isEqualTo(PbxValue.NUMBER);
        assertThat(AmiValueBounds.kindOf("DestChannel")).isEqualTo(PbxValue.CHANNEL);
        assertThat(AmiValueBounds.kindOf("ChannelState")).isEqualTo(PbxValue.OTHER);
        assertThat(AmiValueBounds.kindOf("MemberName")).isEqualTo(PbxValue.NAME);
        assertThat(AmiValueBounds.kindOf("DialString")).isEqualTo(PbxValue.DIALPLAN);
        assertThat(AmiValueBounds.kindOf("ActionID")).as("asterisk-java matches responses by it").isEqualTo(PbxValue.OTHER);
    }
}
