package dev.zvonok.server.pbx;

import java.util.List;
import java.util.Objects;

/**
 * One manager.conf user: who may log in with which secret, which event classes it may read, and which actions it may
 * run.
 *
 * @param readMask  the {@link EventClass} bits of its {@code read =} line
 * @param writeMask the {@link EventClass} bits of its {@code write =} line: an action runs when it shares a bit with
 *                  the action's authority (see {@link ActionAuthority})
 */
public record AmiAccount(String username, String secret, int readMask, int writeMask) {

    /** The login of every recording but 15: {@code read = all}, {@code write = all}. */
    public static final AmiAccount CRM = of("crm", "crm-secret", "all", "all");
    /** The restricted production-like login of recording 15: {@code read = call,agent}, {@code write = call,originate}. */
    public static final AmiAccount CTI = of("cti", "cti-secret", "call,agent", "call,originate");
    /**
     * Like {@link #CTI}, plus {@code reporting} in {@code write}, so that {@code CoreShowChannels} and
     * {@code CoreSettings} are allowed (the {@code ctirs} user of {@code ami-traces/pjsip/pbx-config/manager.conf}).
     */
    public static final AmiAccount CTIRS = of("ctirs", "ctirs-secret", "call,agent", "call,originate,reporting");

    public AmiAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /** An account that may run every action ({@code write = all}). */
    public AmiAccount(String username, String secret, int readMask) {
        this(username, secret, readMask, EventClass.ALL);
    }

    /** An account as manager.conf would write it, e.g. {@code of("cti", "cti-secret", "call,agent")}; write = all. */
    public static AmiAccount of(String username, String secret, String read) {
        return of(username, secret, read, "all");
    }

    /** e.g. {@code of("cti", "cti-secret", "call,agent", "call,originate")}. */
    public static AmiAccount of(String username, String secret, String read, String write) {
        return new AmiAccount(username, secret, EventClass.parseList(read), EventClass.parseList(write));
    }

    /** The accounts of the capture rigs (crm, cti, ctirs), so recordings replay to the logins they were made with. */
    public static List<AmiAccount> defaults() {
        return List.of(CRM, CTI, CTIRS);
    }

    public boolean mayRead(int eventClasses) {
        return (readMask & eventClasses) != 0;
    }

    /** Whether an action of this authority may run: Asterisk's {@code (writeperm & authority) || authority == 0}. */
    public boolean mayWrite(int authority) {
        return authority == EventClass.NONE || (writeMask & authority) != 0;
    }

    @Override
    public String toString() {
        return "AmiAccount[" + username + "]"; // never the secret in a log line
    }
}
