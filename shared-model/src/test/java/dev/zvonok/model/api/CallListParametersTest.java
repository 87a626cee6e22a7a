package dev.zvonok.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/calls} as the app's history and journal both write it. */
class CallListParametersTest {

    @Test
    void everyCriterionInItsWireFormatInTheOrderWritten() {
        CallListParameters everything = new CallListParameters().page(2).limit(50)
                .between(OffsetDateTime.parse("2026-11-14T00:00:00+04:00"),
                        OffsetDateTime.parse("2026-11-20T23:59:59.999999+04:00"))
                .status(CallDisposition.MISSED).direction(CallDirection.INBOUND).number("+79271390907").operator(7L)
                .reached(false).filter(CallFilter.NONE.line("Продажи").priority(Priority.HIGH)).after("cursor-b");

        assertThat(everything.entries()).containsExactly(
                Map.entry("page", "2"), Map.entry("limit", "50"), Map.entry("dateFrom", "2026-11-14T00:00:00+04:00"),
                Map.entry("dateTo", "2026-11-20T23:59:59.999999+04:00"), Map.entry("status", "missed"),
                Map.entry("direction", "inbound"), Map.entry("number", "+79271390907"), Map.entry("operatorId", "7"),
                Map.entry("reached", "false"), Map.entry("line", "Продажи"), Map.entry("priority", "high"),
                Map.entry("after", "cursor-b"));
        assertThat(everything.entries()).extracting(Map.Entry::getKey)
                .as("every name one the server knows").allMatch(CallFilter.PARAMETERS::contains);
    }

    @Test
    void whatIsNotSetIsLeftOut() {
        CallListParameters firstPage = new CallListParameters().page(1).limit(20).between(null, null).status(null)
                .direction(null).number(null).operator(null).reached(null).filter(null).after(null);

        assertThat(firstPage.entries()).containsExactly(Map.entry("page", "1"), Map.entry("limit", "20"));
        assertThat(firstPage.encoded()).isEqualTo("page=1&limit=20");
    }

    @Test
    void daysAreTheCallCentresWholeDays() {
        assertThat(new CallListParameters().days(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)).entries())
                .containsExactly(Map.entry("dateFrom", "2026-11-30"), Map.entry("dateTo", "2026-12-06"));
    }

    @Test
    void aStretchOfTimeIsSentAsTheServerReadsItsInclusiveEnd() {
        // [14:00, 15:00): a call at 14:59:59.999999 is in, one at 15:00 is the next hour's
        assertThat(new CallListParameters().during(Instant.parse("2026-12-05T10:00:00Z"),
                Instant.parse("2026-12-05T11:00:00Z")).filter(CallFilter.NONE.answeredBy(8L)).entries())
                .containsExactly(Map.entry("dateFrom", "2026-12-05T10:00:00Z"),
                        Map.entry("dateTo", "2026-12-05T10:59:59.999999Z"), Map.entry("answeredBy", "8"));
    }

    @Test
    void theStatisticsQuestionOfAFigureTravelsPrefixedEveryChoiceRepeated() {
        CallListParameters figure = new CallListParameters().days(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3))
                .countedIn(CountedIn.SUMMARY, List.of(Map.entry("dateFrom", "2026-12-01"),
                        Map.entry("dateTo", "2026-12-05"), Map.entry("operatorId", "7"), Map.entry("operatorId", "8"),
                        Map.entry("team", "Продажи"), Map.entry("team", "Сервис"), Map.entry("queue", "support")));

        assertThat(figure.entries()).containsExactly(Map.entry("dateFrom", "2026-12-03"),
                Map.entry("dateTo", "2026-12-03"), Map.entry("countedIn", "summary"),
                Map.entry("stats.dateFrom", "2026-12-01"), Map.entry("stats.dateTo", "2026-12-05"),
                Map.entry("stats.operatorId", "7"), Map.entry("stats.operatorId", "8"),
                Map.entry("stats.team", "Продажи"), Map.entry("stats.team", "Сервис"),
                Map.entry("stats.queue", "support"));
        assertThat(figure.entries()).extracting(Map.Entry::getKey)
                .as("every name one the server knows").allMatch(CallFilter.PARAMETERS::contains);
        assertThat(new CallListParameters().countedIn(null, List.of(Map.entry("dateFrom", "2026-12-01"))).entries())
                .as("no statistics, no question").isEmpty();
        assertThat(CountedIn.parse("Operators")).isEqualTo(CountedIn.OPERATORS);
        assertThat(CountedIn.parse("everything")).isNull();
    }

    @Test
    void encodedAPlusTravelsAsAPlusNotAsASpace() {
        assertThat(new CallListParameters().number("+7 (927) 139-09-07")
                .between(OffsetDateTime.parse("2026-11-01T00:00+04:00"), null).encoded())
                .isEqualTo("number=%2B7+%28927%29+139-09-07&dateFrom=2026-11-01T00%3A00%3A00%2B04%3A00");
    }
}
