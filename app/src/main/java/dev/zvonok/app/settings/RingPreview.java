package dev.zvonok.app.settings;

/** The "test" button's hook: plays the card's ring once at a volume, so the operator can hear the choice. */
@FunctionalInterface
public interface RingPreview {

    /** @param volume 0.0 to 1.0 */
    void play(double volume);
}
