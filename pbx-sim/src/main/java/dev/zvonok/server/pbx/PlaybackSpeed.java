package dev.zvonok.server.pbx;

import java.util.Locale;

/**
 * How fast a timeline plays: {@code 2.0} is twice as fast as recorded, {@link #asFastAsPossible()} ignores the
 * recorded gaps and only keeps the order.
 */
public record PlaybackSpeed(double factor) {

    private static final PlaybackSpeed AS_FAST_AS_POSSIBLE = new PlaybackSpeed(Double.POSITIVE_INFINITY);

    public PlaybackSpeed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive, got " + factor);
        }
    }

    public static PlaybackSpeed realTime() {
        return new PlaybackSpeed(1.0);
    }

    public static PlaybackSpeed times(double factor) {
        return new PlaybackSpeed(factor);
    }

    public static PlaybackSpeed asFastAsPossible() {
        return AS_FAST_AS_POSSIBLE;
    }

    /** For command lines: {@code 1}, {@code 2.5}, {@code 10x}, or {@code max}/{@code asap} for as fast as possible. */
    public static PlaybackSpeed parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("max") || value.equals("asap")) {
            return AS_FAST_AS_POSSIBLE;
        }
        if (value.endsWith("x")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            return new PlaybackSpeed(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a playback speed: " + text, e);
        }
    }

    public boolean isAsFastAsPossible() {
        return Double.isInfinite(factor);
    }

    /** How long after the timeline's start a message recorded at {@code atMillis} is due, at this speed. */
    public long scaledNanos(long atMillis) {
        return isAsFastAsPossible() ? 0 : Math.round(atMillis * 1_000_000.0 / factor);
    }

    @Override
    public String toString() {
        return isAsFastAsPossible() ? "as fast as possible" : factor + "x";
    }
}
