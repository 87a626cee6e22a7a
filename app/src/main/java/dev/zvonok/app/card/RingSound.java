package dev.zvonok.app.card;

/** The sound of a ringing card. Called on the FX thread; never throws: no sound is better than no card. */
public interface RingSound {

    /** Rings (on and on) at {@code volume}, 0.0 to 1.0; already ringing, it only takes the new volume. */
    void start(double volume);

    void stop();
}
