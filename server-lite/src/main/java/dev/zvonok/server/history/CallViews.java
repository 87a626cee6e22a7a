package dev.zvonok.server.history;

import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.calls.CallSummary;
import dev.zvonok.server.calls.OfferDetails;
import dev.zvonok.server.calls.Page;
import dev.zvonok.server.calls.TransferDetails;

/** Recorded calls in their REST form. */
final class CallViews {

    private CallViews() {
    }

    static CallPage page(Page<CallSummary> calls, int page, int limit) {
        int totalPages = (int) Math.min(Integer.MAX_VALUE, (calls.total() + limit - 1) / limit);
        return new CallPage(calls.items().stream().map(CallViews::item).toList(),
                new Pagination(page, limit, calls.total(), totalPages),
                calls.next() == null ? null : calls.next().text());
    }

    static CallListItem item(CallSummary c) {
        return new CallListItem(c.linkedid(), c.direction(), c.callerNumber(),
                new CallerView(c.callerKind(), c.callerName(), c.callerCompany()), c.dialedNumber(), c.queue(),
                c.disposition(), c.answeredByExtension(), c.answeredByName(), c.startedAt(), c.answeredAt(),
                c.endedAt(), seconds(c.ringMs()), seconds(c.talkMs()), c.hangupSide(), c.reachedAt(),
                NotesPreview.of(c.notes(), CallRepository.NOTES_READ_CHARS),
                LineView.ofNullable(c.lineName(), c.lineSource()));
    }

    static CallDetails details(dev.zvonok.server.calls.CallDetails call) {
        return new CallDetails(item(call.call()), call.offers().stream().map(CallViews::offer).toList(),
                call.transfers().stream().map(CallViews::transfer).toList());
    }

    private static OfferView offer(OfferDetails o) {
        return new OfferView(o.extension(), o.userId(), o.userName(), o.result(), o.ringAt(), o.answerAt(),
                o.endAt(), o.transferredFrom(), o.transferredTo(), o.notes(), o.finishedAt(), o.pickedUp(),
                seconds(o.wrapUpMs()));
    }

    private static TransferView transfer(TransferDetails t) {
        return new TransferView(t.from(), t.to(), t.kind(), t.at());
    }

    /** Whole seconds, rounded: what a list shows. */
    private static Long seconds(Long millis) {
        return millis == null ? null : (millis + 500) / 1000;
    }
}
