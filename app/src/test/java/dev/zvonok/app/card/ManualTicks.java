package dev.zvonok.app.card;

/** Ticks when the test says so; remembers whether the presenter wants them. */
final class ManualTicks implements TickSource {

    private Runnable onTick;

    @Override
    public void start(Runnable tick) {
        if (onTick == null) {
            onTick = tick;
        }
    }

    @Override
    public void stop() {
        onTick = null;
    }

    boolean running() {
        return onTick != null;
    }

    void tick() {
        if (onTick != null) {
            onTick.run();
        }
    }
}
