package dev.zvonok.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the board's frames are made of: the bytes of each part of {@code board-changed}'s change, summed over the
 * frames measured — the change's own fields, and for a list of objects (tiles' changes, queues' changes) each field of
 * its elements, and within those one level further (a queue change's members, their fields). JSON as the wire writes
 * it, each part measured as its compact text; the names of the fields and the commas between them are the rest.
 */
final class BoardFrameParts {

    private static final int DEPTH = 3;

    private final Map<String, long[]> bytes = new TreeMap<>(); // path -> {bytes, elements}
    private long frames;
    private long total;

    synchronized void add(JsonNode change) {
        frames++;
        total += change.toString().length();
        walk("change", change, 0);
    }

    private void walk(String path, JsonNode node, int depth) {
        if (depth >= DEPTH) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String where = path + "." + field.getKey();
                count(where, field.getValue(), 1);
                walk(where, field.getValue(), depth + 1);
            });
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject()) {
                    element.properties().forEach(field -> {
                        String where = path + "[]." + field.getKey();
                        count(where, field.getValue(), 1);
                        walk(where, field.getValue(), depth + 1);
                    });
                }
            }
        }
    }

    private void count(String path, JsonNode value, int elements) {
        long[] sum = bytes.computeIfAbsent(path, p -> new long[2]);
        sum[0] += value.toString().length();
        sum[1] += value.isArray() ? value.size() : elements;
    }

    synchronized void report() {
        if (frames == 0) {
            System.out.println("Board frames' parts: no board-changed frame measured");
            return;
        }
        System.out.printf(Locale.ROOT, "Board frames' parts (first supervisor, %d frames, %,d characters a frame):"
                + " characters a frame, share, elements a frame%n", frames, total / frames);
        List<Map.Entry<String, long[]>> parts = new ArrayList<>(bytes.entrySet());
        parts.removeIf(part -> part.getValue()[0] * 200 < total); // under half a percent: noise
        for (Map.Entry<String, long[]> part : parts) {
            System.out.printf(Locale.ROOT, "  %-60s %,9d  %5.1f %%  %,8.1f%n", part.getKey(),
                    part.getValue()[0] / frames, 100.0 * part.getValue()[0] / total,
                    part.getValue()[1] / (double) frames);
        }
    }
}
