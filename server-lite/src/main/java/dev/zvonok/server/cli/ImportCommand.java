package dev.zvonok.server.cli;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.bulk.BulkKind;
import dev.zvonok.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
                "Imports users, companies, dealers or lines from a CSV (UTF-8 or Windows-1251, ';' or ',') or XLSX"
                        + " file into the configured database. The first row names the columns, in English or"
                        + " Russian:",
                "  users      login, name, role, city, teams, phones, password (read for new users only)",
                "  companies  name, inn, city, comment, phones",
                "  dealers    name, company, city, comment, phones",
                "  lines      number, kind (did or queue; did when blank), name, source, city, comment",
                "phones holds one or more numbers in any format separated by '|', teams one or more team names (a"
                        + " team not there yet is created). Known entries (users by login, companies by INN or name,"
                        + " dealers by name, lines by kind and number) are updated, others created. Every row is"
                        + " checked first: with any row in error nothing is written.",
                "Exit status: 0 imported (or a clean dry run), 1 rows in error (nothing written), 2 bad arguments or"
                        + " an unreadable file."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "users, companies, dealers or lines")
    private String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "a .csv or .xlsx file")
    private Path file;

    @Option(names = "--dry-run", description = "Check every row and say what would happen; write nothing.")
    private boolean dryRun;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file, as for serve.")
    private Path config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        BulkKind what = BulkKind.named(kind);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ServerConfig settings = ServerConfig.load(config);
        ImportReport report;
        try (DirectoryTools directory = DirectoryTools.open(settings)) {
            report = directory.imports().run(what, content, dryRun, commandLineUser());
        }
        print(report, spec.commandLine().getOut());
        return report.errors() > 0 ? ServerLite.FAILED : 0;
    }

    /**
     * Who imports from the command line: no user of Zvonok, but the operating system's, so that the audit log can
     * tell a colleague's shell session from another's; "cli" stands where a web request's address would.
     */
    static Actor commandLineUser() {
        String osUser = System.getProperty("user.name");
        return new Actor(null, "cli:" + (osUser == null || osUser.isBlank() ? "unknown" : osUser), "cli");
    }

    static void print(ImportReport report, PrintWriter out) {
        for (ImportReport.Row row : report.rows()) {
            String detail = switch (row.outcome()) {
                case UPDATED -> " (" + String.join(", ", row.changed()) + ")";
                case ERROR -> ": " + row.problems().stream()
                        .map(p -> p.column() == null ? p.message() : p.column() + ": " + p.message())
                        .collect(Collectors.joining("; "));
                default -> "";
            };
            out.printf("row %d\t%s\t%s%s%n", row.row(), row.outcome().wireName(), row.key() == null ? "" : row.key(),
                    detail);
        }
        if (!report.ignoredColumns().isEmpty()) {
            out.println("Columns ignored: " + String.join(", ", report.ignoredColumns()));
        }
        out.printf("%d created, %d updated, %d unchanged, %d in error: %s%n", report.created(), report.updated(),
                report.unchanged(), report.errors(), report.applied() ? "imported"
                        : report.dryRun() ? "dry run, nothing written" : "nothing written");
        out.flush();
    }
}
