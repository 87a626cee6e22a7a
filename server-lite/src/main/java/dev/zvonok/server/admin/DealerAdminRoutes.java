package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.DealerDetails;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.NewPhone;
import dev.zvonok.server.directory.NumberTakenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code /api/admin/dealers}: dealers with their company and the numbers they call from. */
final class DealerAdminRoutes implements Routes {

    private static final String ENTITY = "dealer";

    private final DealerRepository dealers;
    private final CompanyRepository companies;
    private final PhoneInputs phones;
    private final AuditLog audit;
    private final Requests requests;

    DealerAdminRoutes(DealerRepository dealers, CompanyRepository companies, PhoneInputs phones, AuditLog audit,
                      Requests requests) {
        this.dealers = Objects.requireNonNull(dealers, "dealers");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/dealers", this::create, Access.ADMIN);
        routes.get("/api/admin/dealers", this::list, Access.ADMIN);
        routes.get("/api/admin/dealers/{id}", this::read, Access.ADMIN);
        routes.put("/api/admin/dealers/{id}", this::update, Access.ADMIN);
        routes.delete("/api/admin/dealers/{id}", this::delete, Access.ADMIN);
    }

    private void create(Context ctx) throws Exception {
        DealerRequest request = requests.body(ctx, DealerRequest.class);
        DealerDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones() == null ? List.of() : request.phones());
        Dealer created = written(() -> dealers.create(details, numbers,
                audit.recorder(requests.actor(ctx), "create", ENTITY, Dealer::id)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/admin/dealers/" + created.id())
                .json(AdminViews.dealer(created));
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        ctx.json(paging.page(dealers.search(params.text("query"), params.id("companyId"),
                params.sort(AdminSort.DEALERS), paging.offset(),
                paging.limit()), AdminViews::dealer));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(AdminViews.dealer(dealers.find(id).orElseThrow(Requests.notFound(ENTITY, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        DealerRequest request = requests.body(ctx, DealerRequest.class);
        DealerDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones());
        Dealer after = written(() -> dealers.update(id, details, numbers,
                audit.recorder(requests.actor(ctx), "update", ENTITY, Dealer::id)))
                .orElseThrow(Requests.notFound(ENTITY, id));
        ctx.json(AdminViews.dealer(after));
    }

    private void delete(Context ctx) {
        long id = Requests.id(ctx);
        if (!dealers.delete(id, audit.recorder(requests.actor(ctx), "delete", ENTITY, Dealer::id))) {
            throw Requests.notFound(ENTITY, id).get();
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private DealerDetails details(DealerRequest request) {
        if (request.companyId() != null && companies.find(request.companyId()).isEmpty()) {
            throw AdminProblem.invalid("companyId", "no company " + request.companyId());
        }
        return Requests.checked(() -> new DealerDetails(request.name(), request.companyId(), request.city(),
                request.comment()), Map.of());
    }

    private static <T> T written(Supplier<T> write) {
        try {
            return write.get();
        } catch (NumberTakenException e) {
            throw PhoneInputs.taken(e, PhoneInputs.field(e.index()));
        }
    }
}
