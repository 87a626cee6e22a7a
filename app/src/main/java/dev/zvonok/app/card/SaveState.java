package dev.zvonok.app.card;

/** How the card's notes stand with the server, for the small status in the card's footer. */
public enum SaveState {
    /** Nothing typed yet, nothing stored. */
    UNCHANGED,
    /** Edited; the server has not confirmed the newest edit yet (the outbox may be waiting for the connection). */
    SAVING,
    /** The server confirmed a save and nothing was typed since. */
    SAVED,
    /** Somebody saved the card elsewhere (another computer of the same operator) since the version edited here. */
    CONFLICT,
    /** The server refused the save for another reason. */
    FAILED
}
