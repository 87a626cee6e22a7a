package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final UserView IVANOV = new UserView(1, "ivanov", "Иван Иванов", Role.OPERATOR,
            List.of("777", "778"));

    private final List<HistoryQuery> queries = new ArrayList<>();
    private final List<CallListItem> missedCalls = new ArrayList<>();
    private final CallHistorySource source = query -> {
        queries.add(query);
        List<CallListItem> calls = query.status() == CallDisposition.MISSED ? List.copyOf(missedCalls) : List.of();
        return CompletableFuture.completedFuture(new CallPage(calls, new Pagination(1, query.limit(), calls.size(),
                calls.isEmpty() ? 0 : 1)));
    };
    private final MutableClock clock = new MutableClock(NOW, ZoneId.of("Europe/Moscow"));
    private final MissedCallsViewModel missed = new MissedCallsViewModel(source,
            number -> CompletableFuture.completedFuture(null), IVANOV, Runnable::run, clock, PhoneNumbers.russian());
    private final MainViewModel vm = new MainViewModel(IVANOV,
            new HistoryViewModel(source, IVANOV, Runnable::run, clock, PhoneNumbers.russian()), missed,
            new ConnectionIndicatorViewModel(() -> { }, Runnable::run, clock));

    private static CallListItem missedAt(String id, Instant at) {
        return new CallListItem(id, CallDirection.INBOUND, "+79271390907", CallerView.UNKNOWN, "777", null,
                CallDisposition.MISSED, null, null, at, null, at.plusSeconds(6), 6L, null, null, null, null);
    }

    @Test
    void theHeaderSaysWhoAndWhichPhones() {
        assertThat(vm.operatorName()).isEqualTo("Иван Иванов");
        assertThat(vm.extensions()).isEqualTo("777, 778");
        assertThat(new MainViewModel(new UserView(2, "boss", " ", Role.SUPERVISOR, List.of()), vm.history(), missed,
                vm.connection()).operatorName()).isEqualTo("boss");
    }

    @Test
    void onlyAnAdminIsOfferedTheAdministration() {
        assertThat(vm.isAdmin()).isFalse();
        assertThat(new MainViewModel(new UserView(3, "admin", "Админ", Role.ADMIN, List.of()), vm.history(), missed,
                vm.connection()).isAdmin()).isTrue();
    }

    @Test
    void refreshReloadsBothLists() {
        vm.start();
        assertThat(queries).extracting(HistoryQuery::status).containsExactlyInAnyOrder(null, CallDisposition.MISSED);

        vm.refresh();
        assertThat(queries).hasSize(4);
    }

    @Test
    void openingTheMissedTabClearsTheBadgeAndKeepsItClearWhileOpen() {
        missedCalls.add(missedAt("m1", NOW.minusSeconds(60)));
        vm.start();
        assertThat(missed.unseenCountProperty().get()).isEqualTo(1);

        vm.selectedTabProperty().set(MainTab.MISSED);
        assertThat(missed.unseenCountProperty().get()).isZero();

        missedCalls.addFirst(missedAt("m2", NOW.minusSeconds(10)));
        vm.refresh(); // a call has ended while the operator looks at the list
        assertThat(missed.unseenCountProperty().get()).isZero();

        vm.selectedTabProperty().set(MainTab.HISTORY);
        missedCalls.addFirst(missedAt("m3", NOW.minusSeconds(5)));
        vm.refresh();
        assertThat(missed.unseenCountProperty().get()).isEqualTo(1);
    }
}
