package dev.zvonok.server.ami;

import dev.zvonok.server.limits.PbxValue;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI edge: fits every header value the PBX sends to what the product carries ({@link PbxValue}), line by line as
 * the bytes arrive, before asterisk-java builds an event of it. So no listener — calls, queues, resync — ever sees a
 * value whole that the product cannot carry, and one rule decides for all of them.
 *
 * <p>What is cut or cleaned is counted by kind, and logged at most once per {@link #LOG_INTERVAL} (a PBX that sends a
 * broken value sends it in every event of the call).
 */
public final class AmiValueBounds {

    private static final Logger log = LoggerFactory.getLogger(AmiValueBounds.class);

    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final Map<PbxValue, LongAdder> cut = counters();
    private final Map<PbxValue, LongAdder> cleaned = counters();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unloggedSinceLast = new AtomicLong();

    /** One line of a message as read: {@code Key: value} with the value fitted, or the line itself if it fits. */
    public String fitLine(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            // no header (the banner, command output): a line still, never longer than any value
            return PbxValue.OTHER.fitsAsIs(line, 0) ? line : fit(PbxValue.OTHER, "line", line);
        }
        int start = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        String key = line.substring(0, colon);
        PbxValue kind = kindOf(key);
        if (kind.fitsAsIs(line, start)) {
            return line; // nearly every line: nothing copied
        }
        return line.substring(0, start) + fit(kind, key, line.substring(start));
    }

    private String fit(PbxValue kind, String key, String value) {
        PbxValue.Fitted fitted = kind.fit(value);
        if (!fitted.cut() && !fitted.cleaned()) {
            return value;
        }
        if (fitted.cut()) {
            cut.get(kind).increment();
        }
        if (fitted.cleaned()) {
            cleaned.get(kind).increment();
        }
        report(kind, key, value, fitted);
        return fitted.value();
    }

    private void report(PbxValue kind, String key, String value, PbxValue.Fitted fitted) {
        long now = System.nanoTime();
        long due = nextLogNanos.get();
        if (now - due < 0 || !nextLogNanos.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
            unloggedSinceLast.incrementAndGet();
            return;
        }
        long before = unloggedSinceLast.getAndSet(0);
        log.warn("The PBX sent a {} the product cannot carry as it is: {} of {} characters{}, kept {} characters "
                        + "(limit {}){}", kind.tag(), key, value.length(), fitted.cleaned() ? " with control or "
                        + "invalid characters" : "", fitted.value().length(), kind.maxLength(),
                before == 0 ? "" : "; " + before + " more such values since the last report");
    }

    /** The kind of value a header holds, by its name (case varies between Asterisk versions and events). */
    static PbxValue kindOf(String key) {
        if (endsWith(key, "CallerIDNum") || endsWith(key, "ConnectedLineNum") || endsWith(key, "CallerID")
                || endsWith(key, "Exten") || endsWith(key, "Extension")) {
            return PbxValue.NUMBER;
        }
        if (endsWith(key, "CallerIDName") || endsWith(key, "ConnectedLineName") || endsWith(key, "MemberName")
                || key.equalsIgnoreCase("Name")) {
            return PbxValue.NAME;
        }
        // not ActionID: asterisk-java matches responses by it (its own prefix + ours), which a cut would break
        if (endsWith(key, "Uniqueid") || endsWith(key, "Linkedid") || endsWith(key, "BridgeID")) {
            return PbxValue.ID;
        }
        if (endsWith(key, "Channel")) {
            return PbxValue.CHANNEL;
        }
        if (endsWith(key, "Queue")) {
            return PbxValue.QUEUE;
        }
        if (endsWith(key, "Cause-txt")) {
            return PbxValue.CAUSE_TEXT;
        }
        if (endsWith(key, "Context") || endsWith(key, "Interface") || endsWith(key, "Location")
                || endsWith(key, "DialString") || endsWith(key, "Application") || endsWith(key, "AppData")) {
            return PbxValue.DIALPLAN;
        }
        return PbxValue.OTHER;
    }

    private static boolean endsWith(String key, String suffix) {
        return key.regionMatches(true, key.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** Values longer than the product carries, cut, of this kind. */
    public long cut(PbxValue kind) {
        return cut.get(kind).sum();
    }

    /** Values that lost characters they may not hold, of this kind. */
    public long cleaned(PbxValue kind) {
        return cleaned.get(kind).sum();
    }

    public long cutTotal() {
        return cut.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<PbxValue, LongAdder> counters() {
        Map<PbxValue, LongAdder> counters = new EnumMap<>(PbxValue.class);
        for (PbxValue kind : PbxValue.values()) {
            counters.put(kind, new LongAdder());
        }
        return counters;
    }
}
