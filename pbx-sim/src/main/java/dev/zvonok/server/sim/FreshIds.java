package dev.zvonok.server.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The id sources of one simulated PBX, like Asterisk's own: one Uniqueid counter, one sequence per channel
 * technology ({@code SIP/...-0000000c}, {@code Local/...-00000003}), random bridge UUIDs and SIP Call-IDs.
 *
 * <p>Counters never repeat within a simulator, so no two calls share an id or a channel name; the random ones come
 * from the seed, so a simulator fed the same calls produces the same bytes. Thread-safe: the click-to-call path and a
 * scenario may draw ids concurrently.
 */
final class FreshIds {

    private static final long CHANNEL_SEQUENCE_LIMIT = 1L << 32; // 8 hex digits

    private final SplittableRandom random;
    private long nextUniqueIdCounter;
    private final Map<String, Long> nextChannelSequence = new HashMap<>();

    /**
     * Counters start at a point drawn from the seed, as on a PBX that has been up a while: the ids of two simulators
     * with different seeds, or of a simulator and a recording, then rarely meet.
     */
    FreshIds(long seed) {
        this.random = new SplittableRandom(seed);
        this.nextUniqueIdCounter = 1000 + random.nextInt(1_000_000);
    }

    /** The first of {@code count} consecutive Uniqueid counters reserved for one call. */
    synchronized long reserveUniqueIdCounters(int count) {
        long first = nextUniqueIdCounter;
        nextUniqueIdCounter += count;
        return first;
    }

    /** The first of {@code count} consecutive channel sequence numbers of this technology, reserved for one call. */
    synchronized long reserveChannelSequences(String tech, int count) {
        long first = nextChannelSequence.computeIfAbsent(tech, t -> 0x100L + random.nextInt(0x100000));
        nextChannelSequence.put(tech, (first + count) % CHANNEL_SEQUENCE_LIMIT);
        return first;
    }

    /** A random (version 4) UUID, as Asterisk names its bridges. */
    synchronized String bridgeId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** Random lower-case hex digits, for the random part of a SIP Call-ID. */
    synchronized String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    static String channelSequence(long sequence) {
        String hex = Long.toHexString(sequence % CHANNEL_SEQUENCE_LIMIT);
        return "00000000".substring(hex.length()) + hex;
    }
}
