package dev.zvonok.server.ami;

import java.util.Arrays;
import java.util.Optional;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * What server-lite asks of its manager.conf account beyond reading events, and for what.
 *
 * <p>Asterisk answers an action the account may not run with a bare {@code Permission denied}, naming nothing; the
 * needed class is known only from the action (Asterisk's main/manager.c: {@code CoreShowChannels} needs
 * {@code system} or {@code reporting}, {@code Originate} needs {@code originate}). Reading needs
 * {@code read = call,agent}, which Asterisk never refuses: the events just do not come.
 */
public enum ManagerPermission {

    /** The channel list read after every (re)connect, which puts right the calls that changed meanwhile. */
    RESYNC("CoreShowChannels", "write", "reporting", "resync after reconnect"),
    /** Click-to-call, and a supervisor's listen / whisper / barge (the supervisor's phone rung into ChanSpy). */
    CLICK_TO_CALL("Originate", "write", "originate", "click-to-call, listen/whisper/barge"),
    /** Pausing operators' queue memberships when they go on a break (apps/app_queue.c: {@code agent}). */
    QUEUE_PAUSE("QueuePause", "write", "agent", "queue pause on a break");

    private final String action;
    private final String line;
    private final String permission;
    private final String purpose;

    ManagerPermission(String action, String line, String permission, String purpose) {
        this.action = action;
        this.line = line;
        this.permission = permission;
        this.purpose = purpose;
    }

    /** The permission an action of ours needs, when it is one we know. */
    public static Optional<ManagerPermission> neededBy(String action) {
        return Arrays.stream(values()).filter(p -> p.action.equalsIgnoreCase(action)).findFirst();
    }

    /** Asterisk's answer to an action the account's {@code write =} line does not allow. */
    public static boolean isDenial(ManagerResponse response) {
        return response instanceof ManagerError error && "Permission denied".equalsIgnoreCase(error.getMessage());
    }

    /** As /health lists it: {@code write: reporting (resync after reconnect)}. */
    public String text() {
        return line + ": " + permission + " (" + purpose + ")";
    }

    /** What an administrator does about it, for the log and error messages. */
    public String advice(String username) {
        return "add '%s' to the '%s =' line of [%s] in Asterisk's manager.conf and run 'manager reload'"
                .formatted(permission, line, username);
    }

    public String action() {
        return action;
    }

    public String purpose() {
        return purpose;
    }
}
