package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the fields of a recorded call that state a time or a duration, and ties each to the recorded instants it
 * is about, so that a new call can restate it on its own timeline.
 *
 * <p>Times: {@code EventTV}/{@code SessionTV}, CDR {@code StartTime}/{@code AnswerTime}/{@code EndTime}, queue
 * {@code LastCall} and {@code LoginTime}, RTCP {@code SentNTP}. Durations: {@code HoldTime}, {@code RingTime},
 * {@code TalkTime}, CDR {@code Duration}/{@code BillableSeconds}, and the dialplan's {@code ANSWEREDTIME},
 * {@code DIALEDTIME}, {@code RINGTIME}, {@code PROGRESSTIME}, {@code QUEUEWAIT} (and their {@code _MS} twins).
 *
 * <p>A whole-second value only says its instant lies within a second; Asterisk took it from an event of the call, and
 * events come in bursts. So the instant is taken to be the burst event inside that second ("snapped"): a CDR's start
 * is the burst where its channel appeared, not some ms in the middle of the ringing. A duration ends when its message
 * arrives, except a CDR's, which runs from its own StartTime (or AnswerTime) to its EndTime: a CDR may arrive long
 * after the leg it describes ended (08's first trunk CDR ends at the transfer and arrives at the final hangup).
 *
 * <p>A queue member's {@code LoginTime} is not about the call: it becomes the simulated PBX's start, the same in all
 * its calls, rather than some seconds before each call.
 */
final class TimeFields {

    /** How much earlier than its arrival Asterisk may have stamped an event. */
    private static final long ARRIVAL_LAG_MILLIS = 20;

    private static final Set<String> SECONDS_VARIABLES =
            Set.of("ANSWEREDTIME", "DIALEDTIME", "RINGTIME", "PROGRESSTIME", "QUEUEWAIT");
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final long recordedStartEpochMillis;
    private final long[] burstEventTimes;
    /** Per queue duration key, the last one compiled: a later event may repeat it. Fields compile in call order. */
    private final Map<String, ValueTemplate.SecondsDuration> lastQueueDurations = new HashMap<>();

    /**
     * @param recordedStartEpochMillis wall-clock time of the recorded call's first event
     * @param burstEventTimes          sorted times (ms since the call's first event) of its non-RTCP events
     */
    TimeFields(long recordedStartEpochMillis, long[] burstEventTimes) {
        this.recordedStartEpochMillis = recordedStartEpochMillis;
        this.burstEventTimes = burstEventTimes.clone();
        Arrays.sort(this.burstEventTimes);
    }

    /**
     * The compiled field when it is a time or a duration, else null.
     *
     * @param at when the message arrived, ms since the call's first event
     */
    ValueTemplate compile(AmiMessage message, String key, String value, long at) {
        if (value.isEmpty()) {
            return null;
        }
        boolean cdr = message.isEvent("Cdr");
        switch (key) {
            case "EventTV", "SessionTV" -> {
                long epochMillis = OffsetDateTime.parse(value, EVENT_TV).toInstant().toEpochMilli();
                return new ValueTemplate.MillisStamp(epochMillis, epochMillis - recordedStartEpochMillis);
            }
            case "StartTime", "AnswerTime", "EndTime" -> {
                return cdr ? secondStamp(cdrSeconds(value), true) : null;
            }
            case "Duration" -> {
                return cdr && isNumber(value) ? cdrDuration(message, "StartTime", Long.parseLong(value)) : null;
            }
            case "BillableSeconds" -> {
                return cdr && isNumber(value) ? cdrDuration(message, "AnswerTime", Long.parseLong(value)) : null;
            }
            case "HoldTime", "Holdtime", "RingTime", "TalkTime" -> {
                return isNumber(value) ? queueDuration(key, Long.parseLong(value), at) : null;
            }
            case "Value" -> {
                return message.isEvent("VarSet") && isNumber(value) ? variable(message.get("Variable"), value, at) : null;
            }
            case "LastCall" -> {
                return isNumber(value) && !value.equals("0") ? secondStamp(Long.parseLong(value), false) : null;
            }
            case "LoginTime" -> {
                return isNumber(value) ? new ValueTemplate.PbxStartSeconds() : null;
            }
            case "SentNTP" -> {
                return sentNtp(value);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A queue duration ends with its event, unless an earlier event of the call reported the same one: the
     * {@code HoldTime} of AgentComplete (at the hangup) repeats AgentConnect's, whose hold ended at the answer.
     */
    private ValueTemplate queueDuration(String key, long seconds, long at) {
        String name = key.toLowerCase(Locale.ROOT);
        ValueTemplate.SecondsDuration earlier = lastQueueDurations.get(name);
        if (earlier != null && earlier.recordedSeconds() == seconds) {
            return earlier;
        }
        ValueTemplate.SecondsDuration endingNow = secondsEndingAt(at, seconds);
        lastQueueDurations.put(name, endingNow);
        return endingNow;
    }

    private ValueTemplate variable(String variable, String value, long at) {
        if (variable == null) {
            return null;
        }
        if (variable.endsWith("_MS") && SECONDS_VARIABLES.contains(variable.substring(0, variable.length() - 3))) {
            long millis = Long.parseLong(value);
            long start = snap(at - millis - ARRIVAL_LAG_MILLIS, at - millis + ARRIVAL_LAG_MILLIS, at - millis);
            return new ValueTemplate.MillisDuration(millis, start, at);
        }
        return SECONDS_VARIABLES.contains(variable) ? secondsEndingAt(at, Long.parseLong(value)) : null;
    }

    private ValueTemplate.SecondsDuration secondsEndingAt(long end, long seconds) {
        long earliest = end - (seconds + 1) * 1000 + 1 - ARRIVAL_LAG_MILLIS;
        long latest = end - seconds * 1000 + ARRIVAL_LAG_MILLIS;
        long start = snap(earliest, latest, (earliest + latest) / 2);
        return new ValueTemplate.SecondsDuration(seconds, start, end, fraction(end - start - seconds * 1000));
    }

    private ValueTemplate cdrDuration(AmiMessage cdr, String from, long seconds) {
        String startValue = cdr.get(from);
        String endValue = cdr.get("EndTime");
        if (startValue == null || startValue.isEmpty() || endValue == null || endValue.isEmpty()) {
            return null;
        }
        long start = snappedInstantOf(cdrSeconds(startValue));
        long end = snappedInstantOf(cdrSeconds(endValue));
        return new ValueTemplate.SecondsDuration(seconds, start, end, fraction(end - start - seconds * 1000));
    }

    private ValueTemplate secondStamp(long epochSeconds, boolean cdrFormat) {
        long anchor = snappedInstantOf(epochSeconds);
        int fraction = fraction(recordedStartEpochMillis + anchor - epochSeconds * 1000);
        return new ValueTemplate.SecondStamp(epochSeconds, anchor, fraction, cdrFormat);
    }

    private ValueTemplate sentNtp(String value) {
        int dot = value.indexOf('.');
        if (dot < 0 || value.length() - dot - 1 != 6 || !isNumber(value.substring(0, dot))
                || !isNumber(value.substring(dot + 1))) {
            return null;
        }
        long micros = Long.parseLong(value.substring(0, dot)) * 1_000_000L + Long.parseLong(value.substring(dot + 1));
        return new ValueTemplate.MicroStamp(micros, micros / 1000 - recordedStartEpochMillis);
    }

    /** The call instant (ms since its first event) a whole-second wall-clock time stands for. */
    long snappedInstantOf(long epochSeconds) {
        long earliest = epochSeconds * 1000 - recordedStartEpochMillis - ARRIVAL_LAG_MILLIS;
        long latest = epochSeconds * 1000 + 999 - recordedStartEpochMillis + ARRIVAL_LAG_MILLIS;
        return snap(earliest, latest, (earliest + latest) / 2);
    }

    /** The burst event time within [earliest, latest] closest to {@code preferred}; {@code preferred} when none. */
    private long snap(long earliest, long latest, long preferred) {
        int index = Arrays.binarySearch(burstEventTimes, preferred);
        if (index >= 0) {
            return preferred;
        }
        int after = -index - 1;
        long best = preferred;
        long bestDistance = Long.MAX_VALUE;
        for (int i : new int[] {after - 1, after}) {
            if (i >= 0 && i < burstEventTimes.length) {
                long candidate = burstEventTimes[i];
                long distance = Math.abs(candidate - preferred);
                if (candidate >= earliest && candidate <= latest && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int fraction(long millis) {
        return (int) Math.max(0, Math.min(999, millis));
    }

    private static long cdrSeconds(String value) {
        try {
            return LocalDateTime.parse(value, CDR_TIME).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a CDR time: " + value, e);
        }
    }

    private static boolean isNumber(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
