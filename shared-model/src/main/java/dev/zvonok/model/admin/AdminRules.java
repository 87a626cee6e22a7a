package dev.zvonok.model.admin;

/** Rules of the administration both the app (validation as you type) and the server (the word that counts) apply. */
public final class AdminRules {

    /** A password shorter than this is refused. */
    public static final int MIN_PASSWORD_LENGTH = 8;

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
}
