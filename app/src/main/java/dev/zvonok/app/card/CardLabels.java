package dev.zvonok.app.card;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The card's words for the wire's values, in one language: who calls, on which line, when, how it ended. */
final class CardLabels {

    private final Texts texts;
    private final ZoneId zone;
    private final PhoneNumbers phones;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;

    CardLabels(Texts texts, ZoneId zone, PhoneNumbers phones) {
        this.texts = texts;
        this.zone = zone;
        this.phones = phones;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(texts.locale());
    }

    Texts texts() {
        return texts;
    }

    Locale locale() {
        return texts.locale();
    }

    /** The number the card is about: whom the operator calls on an outbound call, else who calls. */
    static String partyNumber(IncomingCall call) {
        return call.direction() == CallDirection.OUTBOUND ? call.dialed() : call.callerNumber();
    }

    String number(String raw) {
        return phones.display(raw);
    }

    /** The card's headline: the caller's name, else their number, else that the number is hidden. */
    String title(CallerView caller, String partyNumber) {
        if (caller != null && caller.name() != null && !caller.name().isBlank()) {
            return caller.name();
        }
        String number = phones.display(partyNumber);
        return number != null ? number : texts.get("card.hiddenNumber");
    }

    /** What kind of caller this is: a colleague, a dealer (and whose), a company, or unknown. */
    String callerDetail(CallerView caller) {
        CallerKind kind = caller == null ? CallerKind.UNKNOWN : caller.kind();
        return switch (kind) {
            case USER -> texts.get("card.kind.user");
            case DEALER -> caller.company() == null || caller.company().isBlank()
                    ? texts.get("card.kind.dealer") : texts.format("card.kind.dealerOf", caller.company());
            case COMPANY -> texts.get("card.kind.company");
            case UNKNOWN -> texts.get("card.kind.unknown");
        };
    }

    /**
     * The line the call came in on: its name and advertising source when the directory knows the line, else the
     * dialled number (and its queue); or which way it goes when it did not come in from outside.
     */
    String line(IncomingCall call) {
        String queue = call.queue() == null || call.queue().isBlank() ? null : call.queue();
        if (call.direction() == CallDirection.OUTBOUND) {
            return texts.get("card.outbound");
        }
        if (call.direction() == CallDirection.INTERNAL) {
            return queue == null ? texts.get("card.internal") : texts.format("card.internal.queue", queue);
        }
        if (call.line() != null) {
            return namedLine(call.line());
        }
        String dialed = phones.display(call.dialed());
        if (dialed == null) {
            return queue == null ? "" : texts.format("card.queue", queue);
        }
        return queue == null ? texts.format("card.line", dialed) : texts.format("card.line.queue", dialed, queue);
    }

    /** «Line “Avito ads” · source avito-2026»: the name the call centre gave the line, and its campaign code. */
    private String namedLine(LineView line) {
        return line.source() == null ? texts.format("card.line.named", line.name())
                : texts.format("card.line.namedWithSource", line.name(), line.source());
    }

    String transferredFrom(String extension) {
        return extension == null || extension.isBlank() ? "" : texts.format("card.transferredFrom",
                phones.display(extension));
    }

    String transferredTo(String target) {
        String shown = phones.display(target);
        return shown == null ? texts.get("card.transferred") : texts.format("card.transferredTo", shown);
    }

    String answeredBy(String name, String extension) {
        if (name != null && !name.isBlank()) {
            return texts.format("card.answeredBy", name);
        }
        if (extension != null && !extension.isBlank()) {
            return texts.format("card.answeredBy", phones.display(extension));
        }
        return texts.get("card.answeredElsewhere");
    }

    /** Why a ring stopped without a conversation, for the moment before its card closes. */
    String ringStopped(OfferResult result) {
        if (result == null) {
            return texts.get("card.ringStopped.other");
        }
        return switch (result) {
            case MISSED -> texts.get("card.ringStopped.missed");
            case ABANDONED -> texts.get("card.ringStopped.abandoned");
            case BUSY -> texts.get("card.ringStopped.busy");
            case REJECTED -> texts.get("card.ringStopped.rejected");
            case ANSWERED_ELSEWHERE -> texts.get("card.answeredElsewhere");
            case UNKNOWN -> texts.get("card.ringStopped.unknown");
            case ANSWERED, TRANSFERRED -> texts.get("card.ringStopped.other");
        };
    }

    /**
     * {@code 04:07}, and {@code 1:02:03} past the hour; never negative (the PC's clock may run behind the server's).
     */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, rest);
    }

    String disposition(CallDisposition disposition) {
        return disposition == null ? "" : texts.get("card.disposition." + disposition.wireName());
    }

    String priority(Priority priority) {
        return texts.get("card.priority." + priority.wireName());
    }

    HistoryRow historyRow(HistoryEntry entry, Instant now) {
        String operator = blank(entry.operator()) ? "—" : entry.operator();
        String extension = blank(entry.operatorExtension()) ? null : phones.display(entry.operatorExtension());
        String operatorFull = extension == null || extension.equals(operator) ? operator
                : texts.format("card.history.operator", operator, extension);
        String notes = entry.notes() == null ? "" : entry.notes().strip();
        // normal is what every card says unless the operator marked it: only the exceptions are worth the room
        Priority urgency = entry.priority() == null || entry.priority() == Priority.NORMAL ? null : entry.priority();
        return new HistoryRow(when(entry.startedAt(), now), operator, operatorFull, disposition(entry.disposition()),
                entry.disposition(), notes, entry.tags(), urgency == null ? "" : priority(urgency), urgency,
                client(entry.clientInfo()));
    }

    /** The client in one line: name and company, else whatever else was noted of them; empty when nothing. */
    static String client(ClientInfo client) {
        if (client == null) {
            return "";
        }
        List<String> parts = Stream.of(client.name(), client.company()).filter(part -> !blank(part))
                .map(String::strip).toList();
        if (parts.isEmpty()) {
            parts = Stream.of(client.address(), client.comment()).filter(part -> !blank(part))
                    .map(String::strip).limit(1).toList();
        }
        return String.join(" \u00b7 ", parts);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** "Today 14:05", "Yesterday 09:12", else the short date and time, in the call centre's (the PC's) zone. */
    String when(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String clock = time.format(local);
        if (local.toLocalDate().equals(today)) {
            return texts.format("card.today", clock);
        }
        if (local.toLocalDate().equals(today.minusDays(1))) {
            return texts.format("card.yesterday", clock);
        }
        return date.format(local) + " " + clock;
    }
}
