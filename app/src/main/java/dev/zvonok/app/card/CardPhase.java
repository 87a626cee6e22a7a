package dev.zvonok.app.card;

/** Where one card stands, as the operator sees it. */
public enum CardPhase {
    /** The desk phone rings: pick up the handset. */
    RINGING,
    /** The operator is talking. */
    ACTIVE,
    /** The operator's part is over (hung up, or passed the call on): the card waits for "Finish and close". */
    ENDED,
    /** Shows a short hint (answered by a colleague, missed) and then closes by itself. */
    CLOSING
}
