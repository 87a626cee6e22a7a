package dev.zvonok.server.bulk;

import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The things of one kind as an import found them, to be told apart from how it left them: each created or changed
 * thing's audit row holds it before and after, as the administration's own edits write it (the same records, so the
 * same JSON).
 */
final class ImportedChanges {

    private final BulkKind kind;
    private final Map<Long, Object> before;

    private ImportedChanges(BulkKind kind, Map<Long, Object> before) {
        this.kind = kind;
        this.before = before;
    }

    /** Reads the kind's things before the import writes them. */
    static ImportedChanges before(BulkKind kind, DirectoryBatch.Session directory) {
        return new ImportedChanges(kind, read(kind, directory));
    }

    /** What the import created or changed, read back after its writes, in the order of the things' ids. */
    List<AuditLog.Change> after(DirectoryBatch.Session directory) {
        List<AuditLog.Change> changes = new ArrayList<>();
        read(kind, directory).forEach((id, now) -> {
            Object was = before.get(id);
            if (was == null) {
                changes.add(new AuditLog.Change("create", entity(kind), id, null, now));
            } else if (!Objects.equals(was, now)) {
                changes.add(new AuditLog.Change("update", entity(kind), id, was, now));
            }
        });
        return changes;
    }

    /** The entity of the audit log's rows: what {@code ?entity=} finds, the same as an edit through the API. */
    static String entity(BulkKind kind) {
        return switch (kind) {
            case USERS -> "user";
            case COMPANIES -> "company";
            case DEALERS -> "dealer";
            case LINES -> "line";
        };
    }

    private static Map<Long, Object> read(BulkKind kind, DirectoryBatch.Session directory) {
        return switch (kind) {
            case USERS -> byId(directory.users(), User::id);
            case COMPANIES -> byId(directory.companies(), Company::id);
            case DEALERS -> byId(directory.dealers(), Dealer::id);
            case LINES -> byId(directory.lines(), Line::id);
        };
    }

    private static <T> Map<Long, Object> byId(List<T> things, Function<T, Long> id) {
        Map<Long, Object> byId = new LinkedHashMap<>();
        things.forEach(t -> byId.put(id.apply(t), t));
        return byId;
    }
}
