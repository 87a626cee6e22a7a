package dev.zvonok.model.admin;

/** Rules of the administration both the app (validation as you type) and the server (the word that counts) apply. */
public final class AdminRules {

    /** A password shorter than this (in characters) is refused. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads no more than 72 bytes: a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** The kinds of a user's phone, as {@link AdminPhone#type()} names them. */
    public static final String EXTENSION = "extension";
    public static final String MOBILE = "mobile";
    public static final String LANDLINE = "landline";

    /** The kinds of a {@link AdminLine}: an incoming number, or a queue of the PBX. */
    public static final String DID = "did";
    public static final String QUEUE = "queue";

    /** The most a page of an administration list holds. */
    public static final int MAX_PAGE_SIZE = 200;

    private AdminRules() {
    }

    /**
     * What is wrong with {@code password} as a new one, said of the field ("must be at least 8 characters long"), or
     * null when it will do: one rule for the admin API, an import, the command line and the app's editor.
     */
    public static String passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return "is required";
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return "must be at least " + MIN_PASSWORD_LENGTH + " characters long";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "must be at most " + MAX_PASSWORD_BYTES
                    + " bytes long (as many Latin letters, half as many Cyrillic: BCrypt reads no more)";
        }
        return null;
    }
}
