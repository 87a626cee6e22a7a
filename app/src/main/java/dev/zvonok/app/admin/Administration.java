package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.ImportReport;
import java.util.concurrent.CompletableFuture;

/**
 * The server's administration routes as the Administration window needs them. Every answer arrives on a background
 * thread; a refusal with a body the form can point with fails the future with {@link AdminRefusal}, a server that does
 * not answer with an {@link java.io.IOException}.
 */
public interface Administration {

    /** {@code GET /api/admin/users}: one page. */
    CompletableFuture<AdminPage<AdminUser>> users(UserQuery query);

    /** {@code POST /api/admin/users}: the request carries the password. */
    CompletableFuture<AdminUser> createUser(UserRequest request);

    /** {@code PUT /api/admin/users/{id}}: without a password; null phones, teams or active stay as they are. */
    CompletableFuture<AdminUser> updateUser(long id, UserRequest request);

    /** {@code POST /api/admin/users/{id}/password}. */
    CompletableFuture<Void> changePassword(long id, String password);

    /** {@code DELETE /api/admin/users/{id}}: deactivates (never deletes). */
    CompletableFuture<AdminUser> deactivateUser(long id);

    /**
     * {@code POST /api/admin/import/{kind}}: what the file would do ({@code dryRun}) or did. A file with rows in
     * error is a report too (nothing written), not a failure.
     */
    CompletableFuture<ImportReport> importFile(BulkKind kind, byte[] file, boolean dryRun);

    /** {@code GET /api/admin/export/{kind}}: the file, with the columns the import reads. */
    CompletableFuture<byte[]> export(BulkKind kind, BulkFormat format);

    /** One page of a list other than the users': dealers, companies, lines, teams or the audit log. */
    <T> CompletableFuture<AdminPage<T>> list(Listing<T> listing, ListQuery query);

    /** {@code POST path}: the row as the server keeps it (numbers normalised). */
    <T, R> CompletableFuture<T> create(Editable<T, R> kind, R request);

    /** {@code PUT path/{id}}. */
    <T, R> CompletableFuture<T> update(Editable<T, R> kind, long id, R request);

    /** {@code DELETE path/{id}}: gone (the calls keep what they were, the server sees to that). */
    CompletableFuture<Void> delete(Editable<?, ?> kind, long id);
}
