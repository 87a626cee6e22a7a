package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.ChangeRecorder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The five routes every directory entity has under {@code /api/admin/<entities>}: create, list, read, update and
 * delete, admins only, each change audited with the thing before and after. A subclass says only what is its own:
 * how a request becomes a change of its repository, how it is searched and how it looks on the wire.
 *
 * @param <R> the request body of a create or an update
 * @param <E> the stored entity
 */
abstract class EntityAdminRoutes<R, E> implements Routes {

    private final String entity;
    private final String path;
    private final Class<R> requestType;
    private final ToLongFunction<E> idOf;
    private final AuditLog audit;
    private final Requests requests;

    /**
     * @param entity the audit's and the errors' name of one, e.g. {@code dealer}
     * @param path   the collection's path, e.g. {@code /api/admin/dealers}
     */
    EntityAdminRoutes(String entity, String path, Class<R> requestType, ToLongFunction<E> idOf, AuditLog audit,
                      Requests requests) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.path = Objects.requireNonNull(path, "path");
        this.requestType = Objects.requireNonNull(requestType, "requestType");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public final void addTo(RoutesConfig routes) {
        routes.post(path, this::create, Access.ADMIN);
        routes.get(path, ctx -> ctx.json(list(Requests.query(ctx))), Access.ADMIN);
        routes.get(path + "/{id}", this::read, Access.ADMIN);
        routes.put(path + "/{id}", this::update, Access.ADMIN);
        routes.delete(path + "/{id}", this::delete, Access.ADMIN);
    }

    /** Validates the request (an {@link AdminProblem} names the field) and creates the entity. */
    abstract E create(R request, ChangeRecorder<E> audited);

    /** Validates the request and changes the entity; empty when there is none with this id. */
    abstract Optional<E> update(long id, R request, ChangeRecorder<E> audited);

    /** False when there is none with this id. */
    abstract boolean delete(long id, ChangeRecorder<E> audited);

    abstract Optional<E> find(long id);

    /** A page of the search the query parameters ask for, as the wire shows it. */
    abstract AdminPage<?> list(QueryParams params);

    /** The entity as the wire shows it. */
    abstract Object view(E stored);

    private void create(Context ctx) throws Exception {
        E created = create(requests.body(ctx, requestType), recorder(ctx, "create"));
        ctx.status(HttpStatus.CREATED).header("Location", path + "/" + idOf.applyAsLong(created))
                .json(view(created));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(view(find(id).orElseThrow(Requests.notFound(entity, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        E after = update(id, requests.body(ctx, requestType), recorder(ctx, "update"))
                .orElseThrow(Requests.notFound(entity, id));
        ctx.json(view(after));
    }

    private void delete(Context ctx) {
        long id = Requests.id(ctx);
        if (!delete(id, recorder(ctx, "delete"))) {
            throw Requests.notFound(entity, id).get();
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private ChangeRecorder<E> recorder(Context ctx, String action) {
        return audit.recorder(requests.actor(ctx), action, entity, idOf);
    }
}
