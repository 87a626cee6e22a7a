package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.ImportReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Administration} whose every request waits for the test to answer it: each call is recorded with its
 * future, so a test sees what was sent and decides what the server says.
 */
final class FakeAdministration implements Administration {

    record Call(String what, Object argument, CompletableFuture<Object> answer) {

        void answer(Object value) {
            answer.complete(value);
        }

        void refuse(int status, String field, String message, AdminError.Owner owner) {
            answer.completeExceptionally(new AdminRefusal(status, new AdminError(status == 409 ? "taken"
                    : "invalid", message, field, owner)));
        }

        void fail(Throwable why) {
            answer.completeExceptionally(why);
        }
    }

    final List<Call> calls = new ArrayList<>();

    Call last() {
        return calls.getLast();
    }

    Call last(String what) {
        return calls.reversed().stream().filter(call -> call.what().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " in " + calls));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> record(String what, Object argument) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        calls.add(new Call(what, argument, answer));
        return (CompletableFuture<T>) answer;
    }

    @Override
    public CompletableFuture<AdminPage<AdminUser>> users(UserQuery query) {
        return record("users", query);
    }

    @Override
    public CompletableFuture<AdminUser> createUser(UserRequest request) {
        return record("create", request);
    }

    @Override
    public CompletableFuture<AdminUser> updateUser(long id, UserRequest request) {
        return record("update", request);
    }

    @Override
    public CompletableFuture<Void> changePassword(long id, String password) {
        return record("password", password);
    }

    @Override
    public CompletableFuture<AdminUser> deactivateUser(long id) {
        return record("deactivate", id);
    }

    @Override
    public CompletableFuture<ImportReport> importFile(BulkKind kind, byte[] file, boolean dryRun) {
        return record(dryRun ? "dryRun" : "import", new String(file, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<byte[]> export(BulkKind kind, BulkFormat format) {
        return record("export", kind + "/" + format);
    }

    @Override
    public <T> CompletableFuture<AdminPage<T>> list(Listing<T> listing, ListQuery query) {
        return record(listing.name(), query);
    }

    /** A create's argument is the request; an update's is {@link Update}. */
    @Override
    public <T, R> CompletableFuture<T> create(Editable<T, R> kind, R request) {
        return record("create " + kind.listing().name(), request);
    }

    @Override
    public <T, R> CompletableFuture<T> update(Editable<T, R> kind, long id, R request) {
        return record("update " + kind.listing().name(), new Update(id, request));
    }

    @Override
    public CompletableFuture<Void> delete(Editable<?, ?> kind, long id) {
        return record("delete " + kind.listing().name(), id);
    }

    record Update(long id, Object request) {
    }
}
