package dev.zvonok.app.card;

/** A ring the test can hear: whether it sounds, and how loud. */
final class RecordingRing implements RingSound {

    private boolean playing;
    private double volume;

    @Override
    public void start(double at) {
        playing = true;
        volume = at;
    }

    @Override
    public void stop() {
        playing = false;
    }

    boolean playing() {
        return playing;
    }

    double volume() {
        return volume;
    }
}
