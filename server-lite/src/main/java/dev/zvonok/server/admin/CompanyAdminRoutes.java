package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.CompanyDetails;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.NewPhone;
import dev.zvonok.server.directory.NumberTakenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code /api/admin/companies}: client companies with their numbers, INN, city and comment. */
final class CompanyAdminRoutes implements Routes {

    private static final String ENTITY = "company";

    private final CompanyRepository companies;
    private final PhoneInputs phones;
    private final AuditLog audit;
    private final Requests requests;

    CompanyAdminRoutes(CompanyRepository companies, PhoneInputs phones, AuditLog audit, Requests requests) {
        this.companies = Objects.requireNonNull(companies, "companies");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/companies", this::create, Access.ADMIN);
        routes.get("/api/admin/companies", this::list, Access.ADMIN);
        routes.get("/api/admin/companies/{id}", this::read, Access.ADMIN);
        routes.put("/api/admin/companies/{id}", this::update, Access.ADMIN);
        routes.delete("/api/admin/companies/{id}", this::delete, Access.ADMIN);
    }

    private void create(Context ctx) throws Exception {
        CompanyRequest request = requests.body(ctx, CompanyRequest.class);
        CompanyDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones() == null ? List.of() : request.phones());
        Company created = written(() -> companies.create(details, numbers,
                audit.recorder(requests.actor(ctx), "create", ENTITY, Company::id)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/admin/companies/" + created.id())
                .json(AdminViews.company(created));
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        ctx.json(paging.page(companies.search(params.text("query"), params.sort(AdminSort.COMPANIES),
                paging.offset(), paging.limit()),
                AdminViews::company));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(AdminViews.company(companies.find(id).orElseThrow(Requests.notFound(ENTITY, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        CompanyRequest request = requests.body(ctx, CompanyRequest.class);
        CompanyDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones());
        Company after = written(() -> companies.update(id, details, numbers,
                audit.recorder(requests.actor(ctx), "update", ENTITY, Company::id)))
                .orElseThrow(Requests.notFound(ENTITY, id));
        ctx.json(AdminViews.company(after));
    }

    private void delete(Context ctx) {
        long id = Requests.id(ctx);
        if (!companies.delete(id, audit.recorder(requests.actor(ctx), "delete", ENTITY, Company::id))) {
            throw Requests.notFound(ENTITY, id).get();
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static CompanyDetails details(CompanyRequest request) {
        if (request.inn() != null && !request.inn().isBlank() && !request.inn().strip().matches("\\d{10}|\\d{12}")) {
            throw AdminProblem.invalid("inn", "an INN has 10 digits (a company) or 12 (a person), was '"
                    + request.inn() + "'");
        }
        return Requests.checked(() -> new CompanyDetails(request.name(), request.inn(), request.city(),
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
