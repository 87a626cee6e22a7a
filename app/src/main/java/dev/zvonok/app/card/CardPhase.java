package dev.zvonok.app.card;

/** Where one card stands, as the operator sees it. */
public enum CardPhase {
    /** The desk phone rings: pick up the handset. */
    RINGING,
    /** The operator is talking. */
    ACTIVE,
    /** The operator's part is over (hung up, or passed the call on): the card waits for "Finish and close". */
    ENDED,
    /**
     * "Finish and close" was pressed: the card stays where it is for a few seconds, saying so, with Reopen for a click
     * that was not meant; then it closes and the finish goes to the server.
     */
    FINISHED,
    /** Shows a short hint (answered by a colleague, missed) and then closes by itself. */
    CLOSING
}
