package dev.zvonok.app.board;

/** The orders of the operators' table. */
public enum OperatorSort {
    /** Ringing and talking first, then wrap-up, available, on a break, offline; by name within a state. */
    STATE,
    NAME,
    /** Longest in their state first: who has been on a break or in wrap-up too long shows at the top. */
    TIME_IN_STATE
}
