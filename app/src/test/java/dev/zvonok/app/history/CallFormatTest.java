package dev.zvonok.app.history;

import static dev.zvonok.app.history.Calls.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFormatTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final CallFormat russian = new CallFormat(Texts.of(HistoryView.class, Languages.RUSSIAN), MOSCOW,
            LocalDate.of(2026, 11, 21));
    private final CallFormat english = new CallFormat(Texts.of(HistoryView.class, Languages.ENGLISH), MOSCOW,
            LocalDate.of(2026, 11, 21));

    @Test
    void todaysCallsShowTheTimeOnlyOlderOnesTheDayToo() {
        Instant today = Instant.parse("2026-11-21T11:05:00Z");
        Instant earlier = Instant.parse("2026-11-19T11:05:00Z");

        assertThat(russian.time(today)).isEqualTo("14:05");
        assertThat(russian.time(earlier)).contains("19.11").contains("14:05");
        assertThat(english.time(earlier)).contains("11/19").contains("2:05");
        assertThat(english.time(null)).isEmpty();
    }

    @Test
    void answeredCallsLastTheirTalkTimeOthersTheirRingTime() {
        Instant at = Instant.parse("2026-11-21T11:05:00Z");
        assertThat(CallFormat.duration(inbound("a", "+79271390907", null, null, CallDisposition.ANSWERED, at)))
                .isEqualTo("0:06");
        assertThat(CallFormat.duration(inbound("m", "+79271390907", null, null, CallDisposition.MISSED, at)))
                .isEqualTo("0:03");
        CallListItem long_ = new CallListItem("l", CallDirection.OUTBOUND, "777", CallerView.UNKNOWN,
                "+79271390907", null, CallDisposition.ANSWERED, null, null, at, at, at, 2L, 3727L, null, null, null);
        assertThat(CallFormat.duration(long_)).isEqualTo("1:02:07");
    }

    @Test
    void callersReadAsNameAndCompany() {
        assertThat(CallFormat.caller(new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»")))
                .isEqualTo("Автодом Волга · ООО «Волга-Авто»");
        assertThat(CallFormat.caller(new CallerView(CallerKind.COMPANY, "ООО Ромашка", "ООО Ромашка")))
                .isEqualTo("ООО Ромашка");
        assertThat(CallFormat.caller(CallerView.UNKNOWN)).isEmpty();
        assertThat(CallFormat.caller(null)).isEmpty();
    }

    @Test
    void dispositionsAndDirectionsAreWordedInBothLanguages() {
        for (CallDisposition d : CallDisposition.values()) {
            assertThat(russian.disposition(d)).doesNotStartWith("!").isNotEqualTo(english.disposition(d));
        }
        assertThat(russian.disposition(null)).isEqualTo("Идёт");
        assertThat(english.disposition(CallDisposition.MISSED)).isEqualTo("Missed");
    }

    @Test
    void theOtherPartyIsWhomTheOperatorSpokeTo() {
        Instant at = Instant.parse("2026-11-21T11:05:00Z");
        List<String> own = List.of("777");
        CallListItem out = new CallListItem("o", CallDirection.OUTBOUND, "777", CallerView.UNKNOWN, "+79271390907",
                null, CallDisposition.ANSWERED, null, null, at, at, at, 1L, 1L, null, null, null);
        CallListItem internalOut = new CallListItem("i", CallDirection.INTERNAL, "777", CallerView.UNKNOWN, "888",
                null, CallDisposition.ANSWERED, null, null, at, at, at, 1L, 1L, null, null, null);
        CallListItem internalIn = new CallListItem("j", CallDirection.INTERNAL, "888", CallerView.UNKNOWN, "777",
                null, CallDisposition.ANSWERED, null, null, at, at, at, 1L, 1L, null, null, null);

        assertThat(OtherParty.number(out, own)).isEqualTo("+79271390907");
        assertThat(OtherParty.number(internalOut, own)).isEqualTo("888");
        assertThat(OtherParty.number(internalIn, own)).isEqualTo("888");
        assertThat(OtherParty.number(inbound("x", "+79991234567", null, null, CallDisposition.MISSED, at), own))
                .isEqualTo("+79991234567");
    }
}
