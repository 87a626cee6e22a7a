package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import java.time.Instant;
import java.util.List;

/** Calls as the server lists them, for the view-models' tests. */
final class Calls {

    static final UserView IVANOV = new UserView(1, "ivanov", "Иван Иванов", Role.OPERATOR, List.of("777"));

    private Calls() {
    }

    static CallListItem inbound(String id, String number, String name, String company, CallDisposition disposition,
                                Instant startedAt) {
        boolean answered = disposition == CallDisposition.ANSWERED;
        return new CallListItem(id, CallDirection.INBOUND, number,
                new CallerView(name == null ? CallerKind.UNKNOWN : CallerKind.DEALER, name, company), "777", null,
                disposition, answered ? "777" : null, answered ? "Иван Иванов" : null, startedAt,
                answered ? startedAt.plusSeconds(3) : null, startedAt.plusSeconds(9), 3L, answered ? 6L : null,
                null, null, null);
    }

    static CallPage page(int page, long total, CallListItem... calls) {
        int limit = HistoryViewModel.PAGE_SIZE;
        return new CallPage(List.of(calls), new Pagination(page, limit, total, (int) ((total + limit - 1) / limit)));
    }
}
