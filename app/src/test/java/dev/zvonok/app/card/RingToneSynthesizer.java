package dev.zvonok.app.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the card's ring, {@code ring.wav}: a British-style double ring (two tones, 400 Hz and 450 Hz, sounding
 * together, which beat into the familiar warble), 0.4 s on, 0.2 s off, 0.4 s on, then 2 s of quiet, so the clip loops
 * into a ring. Soft edges (10 ms) keep it from clicking; the level stays well below full scale, so it is calm at the
 * operator's volume. 16 kHz mono 16-bit PCM: 3 s, under 100 KB.
 *
 * <p>The WAV is committed; {@code RingToneTest} checks it is exactly what this makes. To change the ring, change this
 * and run it from the module folder:
 * {@code java app/src/test/java/dev/zvonok/app/card/RingToneSynthesizer.java app/src/main/resources/dev/zvonok/app/card/ring.wav}
 */
public final class RingToneSynthesizer {

    static final int SAMPLE_RATE = 16_000;
    private static final double LOW_HZ = 400;
    private static final double HIGH_HZ = 450;
    private static final double LEVEL = 0.3;      // of full scale, for both tones together
    private static final double EDGE_SECONDS = 0.010;
    private static final double[][] PATTERN = {    // {seconds, sounding? 1 : 0}
            {0.4, 1}, {0.2, 0}, {0.4, 1}, {2.0, 0}
    };

    private RingToneSynthesizer() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "ring.wav");
        Files.write(target, wav());
        System.out.println("wrote " + target.toAbsolutePath());
    }

    /** The whole file; the same bytes on every JVM (StrictMath). */
    static byte[] wav() {
        short[] samples = samples();
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            data.putShort(sample);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(36 + data.capacity());
        header.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(16);                  // PCM format chunk size
        header.putShort((short) 1);         // PCM
        header.putShort((short) 1);         // mono
        header.putInt(SAMPLE_RATE);
        header.putInt(SAMPLE_RATE * 2);     // bytes per second
        header.putShort((short) 2);         // bytes per frame
        header.putShort((short) 16);        // bits per sample
        header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + data.capacity());
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    private static short[] samples() {
        int total = 0;
        for (double[] part : PATTERN) {
            total += (int) Math.round(part[0] * SAMPLE_RATE);
        }
        short[] samples = new short[total];
        int at = 0;
        for (double[] part : PATTERN) {
            int length = (int) Math.round(part[0] * SAMPLE_RATE);
            if (part[1] > 0) {
                for (int i = 0; i < length; i++) {
                    double t = (double) (at + i) / SAMPLE_RATE;
                    double tone = (StrictMath.sin(2 * StrictMath.PI * LOW_HZ * t)
                            + StrictMath.sin(2 * StrictMath.PI * HIGH_HZ * t)) / 2;
                    samples[at + i] = (short) Math.round(tone * edge(i, length) * LEVEL * Short.MAX_VALUE);
                }
            }
            at += length;
        }
        return samples;
    }

    /** A raised-cosine fade in and out over {@link #EDGE_SECONDS}. */
    private static double edge(int i, int length) {
        int edge = (int) (EDGE_SECONDS * SAMPLE_RATE);
        int fromEdge = Math.min(i, length - 1 - i);
        if (fromEdge >= edge) {
            return 1;
        }
        return 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * fromEdge / edge);
    }
}
