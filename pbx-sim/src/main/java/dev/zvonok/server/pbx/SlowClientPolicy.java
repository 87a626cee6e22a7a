package dev.zvonok.server.pbx;

/** What publishing does about a client whose outbound queue is full. */
public enum SlowClientPolicy {

    /**
     * Disconnect it at once, as Asterisk does once a write blocks past {@code writetimeout}; the other clients never
     * wait. The default: it is what a CTI must survive in production.
     */
    DISCONNECT,

    /**
     * Make the publisher wait for room, up to the write timeout, then disconnect. Playback then goes no faster than
     * the slowest client reads: for benchmarks that push a client to its limit without losing it.
     */
    WAIT
}
