package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalViewModelTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-03");

    private final FakeStats server = new FakeStats();
    private final JournalViewModel vm = new JournalViewModel(server, Runnable::run);
    private final JournalQuery answered = JournalQuery.of(StatsRequest.of(new DateRange(DAY, DAY)))
            .direction(CallDirection.INBOUND).status(CallDisposition.ANSWERED);

    static CallListItem call(String id) {
        return new CallListItem(id, CallDirection.INBOUND, "+79271390907", null, "777", null,
                CallDisposition.ANSWERED, "777", "Иван Иванов", Instant.parse("2026-12-03T09:00:00Z"), null, null,
                1L, 30L, null, null, null, null);
    }

    @Test
    void theCallsBehindAFigureComeAPageAtATimeByTheServersCursor() {
        vm.show(answered);
        server.<CallPage>last("journal").answer().complete(new CallPage(List.of(call("a"), call("b")),
                new Pagination(1, 100, 3, 2), "cursor-b"));

        assertThat(vm.rows()).extracting(CallListItem::id).containsExactly("a", "b");
        assertThat(vm.totalProperty().get()).as("counted by the server").isEqualTo(3);
        assertThat(vm.moreProperty().get()).isTrue();

        vm.more();
        JournalQuery next = (JournalQuery) server.last("journal").query();
        assertThat(next.parameters()).contains(Map.entry("after", "cursor-b"), Map.entry("status", "answered"),
                Map.entry("direction", "inbound"), Map.entry("dateFrom", "2026-12-03"),
                Map.entry("countedIn", "summary"), Map.entry("stats.dateFrom", "2026-12-03"));
        server.<CallPage>last("journal").answer().complete(new CallPage(List.of(call("c")),
                new Pagination(1, 100, 3, 1), null));

        assertThat(vm.rows()).extracting(CallListItem::id).containsExactly("a", "b", "c");
        assertThat(vm.moreProperty().get()).isFalse();
        vm.more();
        assertThat(server.queries("journal")).as("nothing after the last page").hasSize(2);
    }

    @Test
    void aNameTypedNarrowsTheCallsOnTheServerFromTheFirstPage() {
        vm.show(answered);
        server.<CallPage>last("journal").answer().complete(new CallPage(List.of(call("a"), call("b")),
                new Pagination(1, 100, 2, 1), null));

        vm.nameProperty().set("  Волга ");
        vm.search();

        JournalQuery asked = (JournalQuery) server.last("journal").query();
        assertThat(asked.filter()).isEqualTo(CallFilter.NONE.name("Волга"));
        assertThat(asked.after()).isNull();
        server.<CallPage>last("journal").answer().complete(new CallPage(List.of(call("b")),
                new Pagination(1, 100, 1, 1), null));
        assertThat(vm.rows()).extracting(CallListItem::id).containsExactly("b");
        assertThat(vm.totalProperty().get()).isEqualTo(1);
    }

    @Test
    void anOlderAnswerIsDroppedAndAFailureIsSaid() {
        vm.show(answered);
        FakeStats.Asked<CallPage> first = server.last("journal");
        vm.show(answered.status(CallDisposition.MISSED));
        first.answer().complete(new CallPage(List.of(call("a")), new Pagination(1, 100, 1, 1), null));
        assertThat(vm.rows()).isEmpty();

        server.<CallPage>last("journal").answer().completeExceptionally(new java.io.IOException("no route"));
        assertThat(vm.problemProperty().get()).isEqualTo("no route");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
