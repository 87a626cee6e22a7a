package dev.zvonok.server.pbx;

import static dev.zvonok.server.pbx.EventClass.AGENT;
import static dev.zvonok.server.pbx.EventClass.CALL;
import static dev.zvonok.server.pbx.EventClass.COMMAND;
import static dev.zvonok.server.pbx.EventClass.ORIGINATE;
import static dev.zvonok.server.pbx.EventClass.REPORTING;
import static dev.zvonok.server.pbx.EventClass.SYSTEM;

import java.util.Map;

/**
 * The write permission each action needs, as Asterisk registers its actions (main/manager.c, apps/app_queue.c; the
 * same in 20 and 22): an account may run an action when its {@code write =} line shares a class with the action's
 * authority, or the authority is empty (Login, Challenge, Logoff, Ping, Events, QueueStatus). Anything else is
 * answered {@code Permission denied}, which does not say what was missing.
 */
final class ActionAuthority {

    private static final Map<String, Integer> AUTHORITY = Map.of(
            "coresettings", SYSTEM.bit() | REPORTING.bit(),
            "coreshowchannels", SYSTEM.bit() | REPORTING.bit(),
            "status", SYSTEM.bit() | CALL.bit() | REPORTING.bit(),
            "command", COMMAND.bit(),
            "originate", ORIGINATE.bit(),
            "redirect", CALL.bit(),
            "atxfer", CALL.bit(),
            "blindtransfer", CALL.bit(),
            "hangup", SYSTEM.bit() | CALL.bit(),
            "queuepause", AGENT.bit());

    private ActionAuthority() {
    }

    /** The classes of which the account needs one; {@link EventClass#NONE} for an action anyone logged in may run. */
    static int of(String lowerCaseAction) {
        return AUTHORITY.getOrDefault(lowerCaseAction, EventClass.NONE);
    }
}
