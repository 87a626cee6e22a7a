package dev.zvonok.app.card;

import java.net.URL;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring: the short WAV shipped with the card ({@code ring.wav}, made by {@code RingToneSynthesizer} in the tests),
 * looping in a {@link MediaPlayer}.
 *
 * <p>Not an {@code AudioClip}, though that is the usual choice for a short sound: where there is no audio device (a
 * headless CI, a remote desktop without sound) an AudioClip fails on a media thread of its own, with an exception no
 * caller can catch. A MediaPlayer reports the same failure to its error handler, and takes a new volume while it
 * plays. Whatever fails, it is logged once and the cards stay silent: no sound is better than no card.
 */
public final class MediaPlayerRingSound implements RingSound {

    private static final Logger log = LoggerFactory.getLogger(MediaPlayerRingSound.class);

    private final URL sound;
    private MediaPlayer player;
    private boolean failed;

    private MediaPlayerRingSound(URL sound) {
        this.sound = sound;
        this.failed = sound == null;
        if (sound == null) {
            log.warn("The ring sound is missing from the app; cards will not ring");
        }
    }

    /** The card's own ring. Nothing is loaded before the first ring. */
    public static MediaPlayerRingSound load() {
        return load(MediaPlayerRingSound.class.getResource("ring.wav"));
    }

    static MediaPlayerRingSound load(URL sound) {
        return new MediaPlayerRingSound(sound);
    }

    /** False once the sound failed to load or play here: from then on every call is quietly ignored. */
    public boolean available() {
        return !failed;
    }

    @Override
    public void start(double volume) {
        if (failed) {
            return;
        }
        try {
            if (player == null) {
                player = newPlayer();
            }
            player.setVolume(volume);
            if (player.getStatus() != MediaPlayer.Status.PLAYING) {
                player.play();
            }
        } catch (RuntimeException | LinkageError e) {
            fail(e.toString());
        }
    }

    @Override
    public void stop() {
        if (failed || player == null) {
            return;
        }
        try {
            player.stop(); // and back to the start: the next ring begins with its first burst
        } catch (RuntimeException | LinkageError e) {
            fail(e.toString());
        }
    }

    private MediaPlayer newPlayer() {
        Media media = new Media(sound.toExternalForm());
        media.setOnError(() -> fail(String.valueOf(media.getError())));
        MediaPlayer created = new MediaPlayer(media);
        created.setCycleCount(MediaPlayer.INDEFINITE);
        created.setOnError(() -> fail(String.valueOf(created.getError())));
        return created;
    }

    private void fail(String why) {
        if (failed) {
            return;
        }
        failed = true;
        log.warn("No ring on this computer ({}); cards stay silent", why);
        if (player != null) {
            try {
                player.dispose();
            } catch (RuntimeException | LinkageError ignored) {
                // already broken: nothing more to release
            }
            player = null;
        }
    }
}
