package dev.zvonok.server.pbx;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AMI permission classes of manager.conf ({@code read = call,agent}) and of an event's {@code Privilege} line,
 * as bits, the way Asterisk keeps them: an account may read an event when the two masks share a bit.
 */
public enum EventClass {
    SYSTEM, CALL, LOG, VERBOSE, COMMAND, AGENT, USER, CONFIG, DTMF, REPORTING, CDR, DIALPLAN, ORIGINATE, AGI, CC, AOC,
    TEST, SECURITY, MESSAGE;

    /** Every class: what {@code all} (or {@code on}) means. */
    public static final int ALL = (1 << values().length) - 1;
    public static final int NONE = 0;

    /** Few distinct Privilege strings exist ("call,all", "dialplan,all"...), and publish parses one per event. */
    private static final Map<String, Integer> PRIVILEGE_CACHE = new ConcurrentHashMap<>();

    public int bit() {
        return 1 << ordinal();
    }

    /**
     * Parses an account's or an EventMask's list ({@code call,agent}, {@code all}, {@code none}). Unknown words are
     * ignored, as Asterisk does.
     */
    public static int parseList(String commaSeparated) {
        if (commaSeparated == null) {
            return NONE;
        }
        int mask = NONE;
        for (String word : commaSeparated.split(",")) {
            String label = word.strip().toLowerCase(Locale.ROOT);
            if (label.equals("all")) {
                mask |= ALL;
            } else {
                for (EventClass eventClass : values()) {
                    if (eventClass.name().toLowerCase(Locale.ROOT).equals(label)) {
                        mask |= eventClass.bit();
                    }
                }
            }
        }
        return mask;
    }

    /**
     * The classes an event belongs to, from its {@code Privilege} value: {@code call,all} is class call (Asterisk
     * appends "all" to every event's list, it is not a class of the event). An event without Privilege goes to
     * everybody, so its mask is {@link #ALL}; so is a Privilege that names no class we know.
     */
    public static int ofPrivilege(String privilege) {
        if (privilege == null) {
            return ALL;
        }
        return PRIVILEGE_CACHE.computeIfAbsent(privilege, EventClass::parsePrivilege);
    }

    private static int parsePrivilege(String privilege) {
        int mask = NONE;
        for (String word : privilege.split(",")) {
            if (!word.strip().equalsIgnoreCase("all")) {
                mask |= parseList(word);
            }
        }
        return mask == NONE ? ALL : mask;
    }
}
