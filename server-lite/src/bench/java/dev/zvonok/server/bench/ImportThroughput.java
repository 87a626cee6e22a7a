package dev.zvonok.server.bench;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.USERS;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.bulk.BulkKind;
import dev.zvonok.server.bulk.DirectoryExport;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.bulk.DirectoryImport;
import dev.zvonok.server.bulk.FileFormat;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How long the directory import takes for 10,000 rows (issue 11: "in seconds"), end to end from the file's bytes:
 * parse, decide every row against the directory, write in one transaction, on a real embedded PostgreSQL. Each
 * figure is the median of several runs on an emptied directory, after a warm-up run.
 */
public final class ImportThroughput {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    /** New users cost a BCrypt hash each, at the server's cost: fewer of them, and fewer runs. */
    private static final int NEW_USERS = Integer.getInteger("bench.newUsers", 500);

    private ImportThroughput() {
    }

    private static final Actor BENCH = new Actor(null, "bench", "127.0.0.1");

    public static void main(String[] args) throws IOException {
        Path dataDirectory = Files.createTempDirectory("zvonok-bench-import");
        PhoneNumbers numbers = PhoneNumbers.russian();
        try (Database database = Database.start(DatabaseSettings.embedded(dataDirectory))) {
            // the imports write their audit rows as they do in production
            AuditLog audit = new AuditLog(database.dsl(), Json.mapper());
            DirectoryImport imports = new DirectoryImport(
                    new DirectoryBatch(database.dsl(), new Passwords(), DirectoryChangeListener.NONE), numbers, audit);
            // users to update are made with the cheapest hash: only the import of new users measures BCrypt
            DirectoryImport cheapImports = new DirectoryImport(
                    new DirectoryBatch(database.dsl(), new Passwords(4), DirectoryChangeListener.NONE), numbers, audit);
            DirectoryExport exports = new DirectoryExport(
                    new DirectoryBatch(database.dsl(), new Passwords(4), DirectoryChangeListener.NONE), numbers);
            byte[] companies = csv("name;inn;city;comment;phones", ROWS, i -> "ООО Компания " + i + ";"
                    + (7_700_000_000L + i) + ";Москва;\"Клиент; с 2020 года\";"
                    + String.format("8 (495) %03d-%02d-%02d | +7 499 %07d", i / 10_000, i / 100 % 100, i % 100, i));
            byte[] dealers = csv("название;компания;город;комментарий;телефоны", ROWS, i -> "Дилер " + i
                    + ";ООО Компания " + (i % 1000) + ";Казань;;" + String.format("+7 916 %07d", i));
            byte[] users = csv("login;name;role;city;phones;password", ROWS, i -> "user" + i + ";Оператор " + i
                    + ";operator;Москва;" + (100_000 + i) + " | " + String.format("8 926 %07d", i) + ";password-" + i);
            byte[] usersMoved = csv("login;phones", ROWS, i -> "user" + i + ";" + (100_000 + i) + " | "
                    + String.format("8 903 %07d", i));
            byte[] newUsers = csv("login;name;role;phones;password", NEW_USERS, i -> "new" + i + ";Новый " + i
                    + ";operator;" + (200_000 + i) + ";password-" + i);

            System.out.printf("Import of %,d rows (%,d bytes of CSV for companies), %d runs each after a warm-up%n",
                    ROWS, companies.length, RUNS);
            Runnable empty = () -> database.dsl().truncate(USERS).cascade().execute();
            Runnable emptyCompanies = () -> {
                database.dsl().truncate(DEALERS).cascade().execute();
                database.dsl().truncate(COMPANIES).cascade().execute();
            };
            report("companies, new, dry run", RUNS, emptyCompanies,
                    () -> imports.run(BulkKind.COMPANIES, companies, true, BENCH));
            report("companies, new", RUNS, emptyCompanies, () -> imports.run(BulkKind.COMPANIES, companies, false, BENCH));
            report("companies, again (all unchanged)", RUNS, () -> { },
                    () -> imports.run(BulkKind.COMPANIES, companies, false, BENCH));
            byte[] xlsx = exports.export(BulkKind.COMPANIES, FileFormat.XLSX);
            report("companies, an export as XLSX, again", RUNS, () -> { },
                    () -> imports.run(BulkKind.COMPANIES, xlsx, false, BENCH));
            report("dealers, new (companies by name)", RUNS, () -> database.dsl().truncate(DEALERS).cascade().execute(),
                    () -> imports.run(BulkKind.DEALERS, dealers, false, BENCH));
            report("users, updated (every mobile changes)", RUNS, () -> {
                empty.run();
                cheapImports.run(BulkKind.USERS, users, false, BENCH);
            }, () -> imports.run(BulkKind.USERS, usersMoved, false, BENCH));
            report(NEW_USERS + " new users (one BCrypt hash at cost " + Passwords.DEFAULT_COST + " each)",
                    Math.min(RUNS, 3), empty, () -> imports.run(BulkKind.USERS, newUsers, false, BENCH));
            report("export of 10,000 companies as CSV", RUNS, () -> { }, () -> {
                exports.export(BulkKind.COMPANIES, FileFormat.CSV);
                return null;
            });
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void report(String what, int runs, Runnable before, Supplier<ImportReport> run) {
        double[] seconds = new double[runs];
        for (int i = -1; i < runs; i++) {
            before.run();
            long start = System.nanoTime();
            ImportReport report = run.get();
            double took = (System.nanoTime() - start) / 1e9;
            if (report != null && report.errors() > 0) {
                throw new IllegalStateException(what + ": " + report.rows().stream()
                        .filter(r -> r.outcome() == ImportReport.Outcome.ERROR).limit(3).toList());
            }
            if (i >= 0) {
                seconds[i] = took;
            }
        }
        Stats stats = Stats.of(seconds);
        System.out.printf("%-45s median %.2f s (min %.2f, max %.2f, %d runs)%n", what, stats.median(), stats.min(),
                stats.max(), stats.runs());
    }

    private static byte[] csv(String header, int rows, IntFunction<String> row) {
        StringBuilder out = new StringBuilder("\ufeff").append(header).append("\r\n");
        for (int i = 0; i < rows; i++) {
            out.append(row.apply(i)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
