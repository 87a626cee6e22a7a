package dev.zvonok.server.bench;

import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The database of a harness that fills PostgreSQL with years of data and asks it questions: an embedded PostgreSQL
 * in a temporary directory, removed afterwards; or kept in {@code -Dbench.data=DIR} between runs (generating takes
 * minutes, so one generation can serve several measurements of later code); or an external server named by
 * {@code -Dbench.db.url} (with {@code bench.db.user}, {@code bench.db.password}).
 */
final class BenchDatabase implements AutoCloseable {

    private final Database database;
    private final Path temporary;

    private BenchDatabase(Database database, Path temporary) {
        this.database = database;
        this.temporary = temporary;
    }

    /** Opens (and migrates) the database; {@code name} names its temporary directory. */
    static BenchDatabase open(String name) throws IOException {
        String external = System.getProperty("bench.db.url");
        String kept = System.getProperty("bench.data");
        Path dataDirectory = external != null ? null
                : kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory("zvonok-bench-" + name);
        DatabaseSettings settings = external == null ? DatabaseSettings.embedded(dataDirectory)
                : DatabaseSettings.external(external, System.getProperty("bench.db.user", "zvonok"),
                        System.getProperty("bench.db.password", "change-me-db"));
        Path temporary = external == null && kept == null ? dataDirectory : null;
        long opened = System.nanoTime();
        try {
            Database database = Database.start(settings);
            System.out.printf("database opened (migrations included) in %.0f s%n", (System.nanoTime() - opened) / 1e9);
            return new BenchDatabase(database, temporary);
        } catch (RuntimeException e) {
            delete(temporary);
            throw e;
        }
    }

    /**
     * The database's jOOQ; with {@code -Dbench.slowSql=MS}, one that prints every statement slower than that, to see
     * where a question's time goes.
     */
    DSLContext dsl() {
        Integer slowMs = Integer.getInteger("bench.slowSql");
        if (slowMs == null) {
            return database.dsl();
        }
        return database.dsl().configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            private long started;

            @Override
            public void executeStart(ExecuteContext ctx) {
                started = System.nanoTime();
            }

            @Override
            public void executeEnd(ExecuteContext ctx) {
                double ms = (System.nanoTime() - started) / 1e6;
                if (ms > slowMs) {
                    // -Dbench.slowSql.inline=true: whole, with the values, to paste into an explain
                    if (Boolean.getBoolean("bench.slowSql.inline") && ctx.query() != null) {
                        System.out.printf("  slow %.0f ms: %s%n", ms, ctx.query());
                        return;
                    }
                    String sql = ctx.sql() == null ? "" : ctx.sql();
                    System.out.printf("  slow %.0f ms: %s%n", ms, sql.length() > 200 ? sql.substring(0, 200) + " …" : sql);
                }
            }
        })).dsl();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            delete(temporary);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long a question took over repeated runs, in ms: the median, the 95th percentile and the slowest. */
    record Timing(double p50, double p95, double max) {

        /** Asks {@code question} once to warm up, then {@code runs} times. */
        static Timing of(int runs, Runnable question) {
            question.run();
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                question.run();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            return new Timing(ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
        }

        /** One line: {@code what}, then the figures and the machine's load meanwhile. */
        void print(String what) {
            System.out.printf("%-80s p50 %7.1f  p95 %7.1f  max %7.1f  (load %s)%n", what, p50, p95, max, load());
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes: the machine is shared, the figures depend on it. */
    static String load() {
        try {
            String[] averages = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return averages[0] + " " + averages[1] + " " + averages[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
