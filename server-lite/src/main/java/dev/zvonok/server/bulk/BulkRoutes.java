package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import dev.zvonok.server.directory.DirectoryConflictException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The directory's import and export for admins:
 * <ul>
 *   <li>{@code POST /api/admin/import/{kind}?dryRun=true|false} with the CSV or XLSX file as the request body
 *   ({@code curl --data-binary @companies.csv}): the {@link ImportReport}; a dry run (the default) writes nothing.
 *   200 when the rows were written or would be, 422 with the report when rows are in error (nothing written), 400
 *   for a file that is no table of that kind, 409 when the directory changed under the import.</li>
 *   <li>{@code GET /api/admin/export/{kind}?format=csv|xlsx}: the file, with the columns the import reads.</li>
 * </ul>
 */
public final class BulkRoutes implements Routes {

    /** Far above 10,000 rows of any kind (about 1 MB as CSV), far below what would strain the server. */
    static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

    private final DirectoryImport imports;
    private final DirectoryExport exports;
    private final ClientAddresses addresses;

    /** @param addresses where a request comes from, for an import's audit rows */
    public BulkRoutes(DirectoryImport imports, DirectoryExport exports, ClientAddresses addresses) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/import/{kind}", this::importFile, Access.ADMIN);
        routes.get("/api/admin/export/{kind}", this::exportFile, Access.ADMIN);
    }

    private void importFile(Context ctx) {
        BulkKind kind = kind(ctx);
        boolean dryRun = dryRun(ctx.queryParam("dryRun"));
        byte[] file = body(ctx);
        if (file.length == 0) {
            throw ApiException.badRequest("the request body is the CSV or XLSX file to import; it is empty");
        }
        ImportReport report;
        try {
            AuthenticatedUser admin = RequestUser.of(ctx);
            report = imports.run(kind, file, dryRun,
                    new Actor(admin.id(), admin.login(), addresses.of(ctx).getHostAddress()));
        } catch (BulkFileException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (DirectoryConflictException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict",
                    e.getMessage() + "; the directory changed meanwhile: run the import again");
        }
        ctx.status(!dryRun && !report.applied() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).json(report);
    }

    private void exportFile(Context ctx) {
        BulkKind kind = kind(ctx);
        FileFormat format;
        try {
            format = FileFormat.named(Objects.requireNonNullElse(ctx.queryParam("format"), "csv"));
        } catch (BulkFileException e) {
            throw ApiException.badRequest("format: " + e.getMessage());
        }
        ctx.contentType(format.contentType())
                .header(Header.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + kind.wireName() + "." + format.extension() + "\"")
                .result(exports.export(kind, format));
    }

    private static BulkKind kind(Context ctx) {
        try {
            return BulkKind.named(ctx.pathParam("kind"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("dryRun is true or false, not '" + value + "'");
    }

    /** Read past the server's usual 1 MiB request limit, which is for JSON, up to {@link #MAX_FILE_BYTES}. */
    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] file = in.readNBytes(MAX_FILE_BYTES + 1);
            if (file.length > MAX_FILE_BYTES) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                        "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB: split it");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
