package dev.zvonok.server.pbx;

import java.util.List;
import java.util.Objects;

/**
 * One manager.conf user: who may log in with which secret, and which event classes it may read.
 *
 * @param readMask the {@link EventClass} bits of its {@code read =} line
 */
public record AmiAccount(String username, String secret, int readMask) {

    /** The login of every recording but 15: {@code read = all}. */
    public static final AmiAccount CRM = of("crm", "crm-secret", "all");
    /** The restricted production-like login of recording 15: {@code read = call,agent}. */
    public static final AmiAccount CTI = of("cti", "cti-secret", "call,agent");

    public AmiAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /** An account as manager.conf would write it, e.g. {@code of("cti", "cti-secret", "call,agent")}. */
    public static AmiAccount of(String username, String secret, String read) {
        return new AmiAccount(username, secret, EventClass.parseList(read));
    }

    /** The accounts of the capture rig (crm and cti), so recordings replay to the same logins they were made with. */
    public static List<AmiAccount> defaults() {
        return List.of(CRM, CTI);
    }

    public boolean mayRead(int eventClasses) {
        return (readMask & eventClasses) != 0;
    }

    @Override
    public String toString() {
        return "AmiAccount[" + username + "]"; // never the secret in a log line
    }
}
