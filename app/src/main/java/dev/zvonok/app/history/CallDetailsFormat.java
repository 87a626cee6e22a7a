package dev.zvonok.app.history;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.LineView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * How a call's details read, in one language: moments to the second (a call's parts are seconds apart), outcomes of
 * each operator's part, cards.
 */
public final class CallDetailsFormat {

    private final Texts texts;
    private final ZoneId zone;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter timeOfDay;

    public CallDetailsFormat(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
        this.dayAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(texts.locale());
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(texts.locale());
    }

    /** "21.11.2026, 12:00:55"; empty when unknown. */
    public String moment(Instant at) {
        return at == null ? "" : dayAndTime.format(at.atZone(zone));
    }

    /** "12:00:55" when on {@code day}, else with its date: the parts of a call that crossed midnight stay clear. */
    public String moment(Instant at, LocalDate day) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalDate().equals(day) ? timeOfDay.format(local) : dayAndTime.format(local);
    }

    /** "0:42", "1:02:07"; empty when unknown. */
    public static String seconds(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }

    public String result(OfferResult result) {
        return result == null ? texts.get("details.result.none") : texts.get("details.result." + result.name());
    }

    /** The outcome of an operator's part, with whom it went to: "Transferred to 888", "Answered elsewhere (888)". */
    public String outcome(OfferView offer) {
        String result = result(offer.result());
        if (offer.pickedUp()) {
            result = texts.format("details.offer.pickedUp", result);
        }
        return offer.transferredTo() == null ? result
                : texts.format("details.offer.transferredTo", result, offer.transferredTo());
    }

    public String priority(Priority priority) {
        return texts.get("details.priority." + (priority == null ? Priority.NORMAL : priority).name());
    }

    /** "Реклама Авито · source: avito-2026": the line as it was named when the call came in; empty when none. */
    public String line(LineView line) {
        if (line == null) {
            return "";
        }
        return line.source() == null ? line.name() : texts.format("details.line.withSource", line.name(),
                line.source());
    }

    public String hangupSide(HangupSide side) {
        return side == null ? "" : texts.get("details.hangup." + side.name());
    }

    /** "777 → 888, blind, at 12:00:10". */
    public String transfer(TransferView transfer, LocalDate day) {
        return texts.format("details.transfer", transfer.from(), transfer.to(),
                texts.get("details.transfer." + transfer.kind().name()), moment(transfer.at(), day));
    }

    /** "Finished by Пётр Петров at 12:00:55 (wrap-up 0:15)", or that the card is still open. */
    public String finished(CallCard card, LocalDate day) {
        if (card.finishedAt() == null) {
            return texts.format("details.card.open", card.operator());
        }
        String finished = texts.format("details.card.finished", card.operator(), moment(card.finishedAt(), day));
        return card.wrapUpSeconds() == null ? finished
                : texts.format("details.card.wrapUp", finished, seconds(card.wrapUpSeconds()));
    }

    /** The day the call started on, in the operator's zone: times on it are shown without their date. */
    public LocalDate day(Instant startedAt) {
        return startedAt == null ? null : startedAt.atZone(zone).toLocalDate();
    }
}
