package dev.zvonok.app.admin;

/** Which users the list shows by whether they may log in. */
public enum ActiveFilter {
    ACTIVE(true),
    DEACTIVATED(false),
    ALL(null);

    private final Boolean active;

    ActiveFilter(Boolean active) {
        this.active = active;
    }

    /** The server's {@code active} parameter: null for both. */
    public Boolean active() {
        return active;
    }
}
