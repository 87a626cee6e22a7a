package dev.zvonok.server.pbx;

import static dev.zvonok.server.pbx.EventClass.AGI;
import static dev.zvonok.server.pbx.EventClass.SYSTEM;

import java.util.List;
import java.util.Locale;

/**
 * Which {@code Originate} applications need more than {@code originate}: Asterisk's originate_app_permissions
 * (main/manager.c, the same in 20 and 22). An application that could reach the shell or the configuration
 * ({@code System}, {@code Exec}, {@code AGI}, {@code Originate}..., anywhere in its name, any case), or data naming such
 * a dialplan function ({@code SHELL}, {@code FILE}, {@code DB}..., case-sensitive), needs {@code system}; a
 * {@code Queue} with its AGI argument needs {@code agi} or {@code system}. Everything else — {@code ChanSpy},
 * {@code Playback}, {@code Dial} — runs with {@code originate} alone.
 */
final class OriginateApplications {

    /** Asterisk's answer when the account lacks what the application needs. */
    static final String FORBIDDEN = "Originate Access Forbidden: app or data blacklisted";

    private static final List<String> SYSTEM_APPS = List.of("agi", "dbdeltree", "exec", "externalivr", "mixmonitor",
            "originate", "reload", "system");
    private static final List<String> SYSTEM_FUNCTIONS = List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME",
            "SHELL");

    private OriginateApplications() {
    }

    /** Whether an account of {@code writeMask} may originate into {@code application} with {@code data}. */
    static boolean permitted(String application, String data, int writeMask) {
        String app = application.toLowerCase(Locale.ROOT);
        String appData = data == null ? "" : data;
        // the first entry of Asterisk's table that matches decides, in the table's order
        for (String search : SYSTEM_APPS) {
            if (app.contains(search)) {
                return (writeMask & SYSTEM.bit()) != 0;
            }
        }
        if (app.contains("queue") && !appData.isEmpty() && queueAgi(appData)) {
            return (writeMask & (AGI.bit() | SYSTEM.bit())) != 0;
        }
        for (String search : SYSTEM_FUNCTIONS) {
            if (appData.contains(search)) {
                return (writeMask & SYSTEM.bit()) != 0;
            }
        }
        return true;
    }

    /** Queue(queuename,options,URL,announceoverride,timeout,AGI,...): the sixth argument. */
    private static boolean queueAgi(String data) {
        String[] args = data.split(",", -1);
        return args.length > 5 && !args[5].isBlank();
    }
}
