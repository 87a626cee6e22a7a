package dev.zvonok.app.admin;

/** What an editor holds. */
public enum EditorMode {
    /** Nothing chosen. */
    NONE,
    CREATE,
    EDIT
}
