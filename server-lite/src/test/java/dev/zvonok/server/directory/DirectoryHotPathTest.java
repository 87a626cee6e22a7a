package dev.zvonok.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quick measurement of the hot path with a warm cache: identifying the caller and finding the operator, as the
 * tracking thread does for each call. Not a benchmark (no JMH, a shared machine), but a guard with a wide margin:
 * the server must handle 50,000 AMI events per second, and only a few of them need a lookup.
 */
class DirectoryHotPathTest {

    private static final Logger log = LoggerFactory.getLogger(DirectoryHotPathTest.class);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void warmLookupsCostAtMostAFewMicroseconds() {
        DirectoryFixture fixture = new DirectoryFixture(db);
        fixture.seeder.seed();
        Directory directory = fixture.directory;

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // unknown callers in the formats a trunk sends, plus the demo's known ones
            numbers.add(i % 2 == 0 ? "8917" + String.format("%07d", i) : "+7917" + String.format("%07d", i));
        }
        numbers.addAll(List.of("89271390907", "+79271390907", "+79991234567", "777", "888", "999"));
        List<String> extensions = List.of("777", "888", "999", "700", "555");
        numbers.forEach(directory::identify);
        // once more with the query code warmed up, as after a directory change in a running server
        directory.directoryChanged();
        long coldStart = System.nanoTime();
        numbers.forEach(directory::identify);
        long coldNanos = (System.nanoTime() - coldStart) / numbers.size();
        extensions.forEach(directory::operatorFor);
        log.info("Cold identify() (normalize + one query): {} µs per number",
                String.format("%.0f", coldNanos / 1000.0));

        int rounds = 2_000_000;
        long known = 0;
        for (int warmup = 0; warmup < 2; warmup++) {
            known += run(directory, numbers, extensions, rounds / 4);
        }
        long start = System.nanoTime();
        known += run(directory, numbers, extensions, rounds);
        long elapsed = System.nanoTime() - start;

        double nanosPerCall = (double) elapsed / rounds;
        log.info("Warm identify() + operatorFor(): {} ns per call pair, {} pairs/s ({} known)",
                String.format("%.0f", nanosPerCall), String.format("%.0f", 1e9 / nanosPerCall), known);
        assertThat(nanosPerCall).as("ns per identify + operatorFor").isLessThan(5_000);
    }

    private static long run(Directory directory, List<String> numbers, List<String> extensions, int rounds) {
        long known = 0;
        for (int i = 0; i < rounds; i++) {
            if (directory.identify(numbers.get(i % numbers.size())).known()) {
                known++;
            }
            if (directory.operatorFor(extensions.get(i % extensions.size())).isPresent()) {
                known++;
            }
        }
        return known;
    }
}
