package dev.zvonok.server.workstatus;

/** Who started a stretch of work status: the {@code source} column of {@code work_status_log}. */
enum StatusSource {
    /** The operator chose it in the app. */
    APP,
    /** A queue pause or unpause on the PBX (a feature code on the phone). */
    PHONE,
    /** The operator's first app connected. */
    LOGIN;

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
