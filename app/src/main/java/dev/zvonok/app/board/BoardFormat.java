package dev.zvonok.app.board;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.board.OperatorState;
import java.time.Duration;

/** How the board writes its figures: times as m:ss (h:mm:ss past an hour), shares as whole percents. */
public final class BoardFormat {

    /** What a figure with no value shows (no call yet today). */
    public static final String NONE = "—";

    private BoardFormat() {
    }

    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        // by hand, not String.format: the board writes every visible time once a second
        StringBuilder text = new StringBuilder(8);
        if (hours > 0) {
            text.append(hours).append(':');
            twoDigits(text, minutes);
        } else {
            text.append(minutes);
        }
        text.append(':');
        twoDigits(text, seconds % 60);
        return text.toString();
    }

    private static void twoDigits(StringBuilder text, long value) {
        if (value < 10) {
            text.append('0');
        }
        text.append(value);
    }

    public static String seconds(Double seconds) {
        return seconds == null ? NONE : duration(Duration.ofSeconds(Math.round(seconds)));
    }

    /** 0.873 → "87 %" (with a non-breaking space, as both languages write it). */
    public static String percent(Double share) {
        return share == null ? NONE : Math.round(share * 100) + "\u00a0%";
    }

    /**
     * A name cut to {@code max} characters, the cut shown by "…". The queue panel's lines are {@link
     * javafx.scene.text.Text}s (their waits change every second, and a label's new text costs its CSS again), which
     * do not elide themselves: a long company name ran past the panel's edge, cut there without a sign.
     */
    public static String shortened(String name, int max) {
        if (name == null || name.length() <= max) {
            return name;
        }
        int end = max - 1;
        while (end > 0 && Character.isWhitespace(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "…";
    }

    public static String state(OperatorState state, Texts texts) {
        return state == null ? "" : texts.get("board.state." + state.wireName());
    }

    /** A break reason code in words when the app knows it, else the server's code as it is. */
    public static String reason(String code, Texts texts) {
        if (code == null) {
            return null;
        }
        String key = "board.reason." + code;
        return texts.has(key) ? texts.get(key) : code;
    }
}
