package dev.zvonok.app.history;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.CallerView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How one call reads in a list, cell by cell, in one language. */
public final class CallFormat {

    private final Texts texts;
    private final ZoneId zone;
    private final LocalDate today;
    private final DateTimeFormatter timeOfDay;
    private final DateTimeFormatter dayAndTime;

    /** @param today the day whose calls show the time only: an operator's day is mostly today */
    public CallFormat(Texts texts, ZoneId zone, LocalDate today) {
        this.texts = texts;
        this.zone = zone;
        this.today = today;
        Locale locale = texts.locale();
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.dayAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
    }

    /** "14:05" today, "20.11.2026, 14:05" before. */
    public String time(Instant startedAt) {
        if (startedAt == null) {
            return "";
        }
        ZonedDateTime local = startedAt.atZone(zone);
        return local.toLocalDate().equals(today) ? timeOfDay.format(local) : dayAndTime.format(local);
    }

    /** The talk time of an answered call, else how long it rang: "0:42", "1:02:07"; empty when unknown. */
    public static String duration(CallListItem call) {
        Long seconds = call.disposition() == CallDisposition.ANSWERED ? call.talkSeconds() : call.ringSeconds();
        if (seconds == null) {
            return "";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }

    /** "Автодом Волга · ООО «Волга-Авто»", a company alone, or empty for an unknown caller. */
    public static String caller(CallerView caller) {
        if (caller == null || caller.name() == null) {
            return caller == null || caller.company() == null ? "" : caller.company();
        }
        return caller.company() == null || caller.company().equals(caller.name())
                ? caller.name() : caller.name() + " · " + caller.company();
    }

    public String disposition(CallDisposition disposition) {
        return disposition == null ? texts.get("history.disposition.inProgress")
                : texts.get("history.disposition." + disposition.name());
    }

    public String direction(CallListItem call) {
        return call.direction() == null ? "" : texts.get("history.direction." + call.direction().name());
    }

    /** Who answered: the operator's name, else their extension; empty when nobody did. */
    public static String operator(CallListItem call) {
        return call.answeredByName() != null ? call.answeredByName()
                : call.answeredBy() != null ? call.answeredBy() : "";
    }
}
