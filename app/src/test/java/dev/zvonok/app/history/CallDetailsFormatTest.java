package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.LineView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallDetailsFormatTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 12:00:55 in Moscow on 21 November 2026. */
    private static final Instant AT = Instant.parse("2026-11-21T09:00:55Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private final CallDetailsFormat english = new CallDetailsFormat(Texts.of(CallDetailsView.class,
            Languages.ENGLISH), MOSCOW);
    private final CallDetailsFormat russian = new CallDetailsFormat(Texts.of(CallDetailsView.class,
            Languages.RUSSIAN), MOSCOW);

    @Test
    void timesOfTheCallsDayAreToTheSecondOtherDaysWithTheirDate() {
        assertThat(russian.moment(AT, DAY)).isEqualTo("12:00:55");
        assertThat(russian.moment(AT, DAY.minusDays(1))).isEqualTo("21.11.2026, 12:00:55");
        assertThat(russian.moment(null, DAY)).isEmpty();
        assertThat(english.day(Instant.parse("2026-11-21T22:00:00Z"))).as("already the 22nd in Moscow")
                .isEqualTo(DAY.plusDays(1));
    }

    @Test
    void theLineIsNamedWithItsSourceAsItWasWhenTheCallCameIn() {
        assertThat(russian.line(new LineView("Реклама Авито", "avito-2026"))).isEqualTo("Реклама Авито · РК: avito-2026");
        assertThat(english.line(new LineView("Реклама Авито", "avito-2026")))
                .isEqualTo("Реклама Авито \u00b7 source: avito-2026");
        assertThat(english.line(new LineView("Радио", null))).isEqualTo("Радио");
        assertThat(russian.line(null)).as("a call on no known line: the row is left out").isEmpty();
    }

    @Test
    void whoFinishedACardAndWhen() {
        assertThat(english.finished(new CallCard("Пётр Петров", "888", CallNotes.NONE, AT, 75L), DAY))
                .isEqualTo("Finished by Пётр Петров at 12:00:55\u202fPM (wrap-up 1:15)");
        assertThat(russian.finished(new CallCard("Пётр Петров", "888", CallNotes.NONE, AT, null), DAY))
                .isEqualTo("Завершил Пётр Петров в 12:00:55");
        assertThat(russian.finished(new CallCard("555", "555", CallNotes.NONE, null, null), DAY))
                .isEqualTo("555 ещё не завершил эту карточку");
    }

    @Test
    void anOperatorsPartSaysWhereTheCallWentOn() {
        OfferView transferred = new OfferView("777", 1L, "Иван Иванов", OfferResult.TRANSFERRED, AT, AT, AT, null,
                "888", CallNotes.NONE, null, false, null);
        OfferView pickedUp = new OfferView("999", 3L, "Сидор Сидоров", OfferResult.ANSWERED, AT, AT, AT, null,
                null, CallNotes.NONE, null, true, null);
        OfferView ringing = new OfferView("999", 3L, "Сидор Сидоров", null, AT, null, null, null, null,
                CallNotes.NONE, null, false, null);

        assertThat(english.outcome(transferred)).isEqualTo("Transferred to 888");
        assertThat(english.outcome(pickedUp)).isEqualTo("Answered (picked up from another phone)");
        assertThat(russian.outcome(ringing)).isEqualTo("Идёт");
        assertThat(russian.transfer(new TransferView("777", "888", TransferKind.ATTENDED, AT), DAY))
                .isEqualTo("777 → 888, с консультацией, в 12:00:55");
    }

    @Test
    void everyOutcomeAndPriorityHasItsWordsInBothLanguages() {
        Texts en = Texts.of(CallDetailsView.class, Languages.ENGLISH);
        Texts ru = Texts.of(CallDetailsView.class, Languages.RUSSIAN);
        for (OfferResult result : OfferResult.values()) {
            assertThat(en.has("details.result." + result.name())).as(result.name()).isTrue();
            assertThat(ru.has("details.result." + result.name())).as(result.name()).isTrue();
        }
        for (dev.zvonok.model.call.Priority priority : dev.zvonok.model.call.Priority.values()) {
            assertThat(english.priority(priority)).doesNotStartWith("!");
            assertThat(russian.priority(priority)).doesNotStartWith("!");
        }
    }
}
