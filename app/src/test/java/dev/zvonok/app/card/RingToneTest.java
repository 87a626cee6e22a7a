package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class RingToneTest {

    @Test
    void theShippedRingIsExactlyWhatTheSynthesizerMakes() throws Exception {
        try (InputStream shipped = RingSound.class.getResourceAsStream("ring.wav")) {
            assertThat(shipped).as("ring.wav next to the card's classes").isNotNull();
            assertThat(shipped.readAllBytes()).isEqualTo(RingToneSynthesizer.wav());
        }
    }

    @Test
    void itIsAShortMonoPcmWaveThatJavaFxMediaPlays() throws Exception {
        try (AudioInputStream sound = AudioSystem.getAudioInputStream(
                new BufferedInputStream(RingSound.class.getResourceAsStream("ring.wav")))) {
            AudioFormat format = sound.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getSampleRate()).isEqualTo(RingToneSynthesizer.SAMPLE_RATE);
            double seconds = sound.getFrameLength() / format.getFrameRate();
            assertThat(seconds).isBetween(2.5, 4.0);
        }
    }
}
