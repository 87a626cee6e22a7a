package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.CompanyDetails;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.NewPhone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /api/admin/companies}: client companies with their numbers, INN, city and comment. */
final class CompanyAdminRoutes extends EntityAdminRoutes<CompanyRequest, Company> {

    private final CompanyRepository companies;
    private final PhoneInputs phones;

    CompanyAdminRoutes(CompanyRepository companies, PhoneInputs phones, AuditLog audit, Requests requests) {
        super("company", "/api/admin/companies", CompanyRequest.class, Company::id, audit, requests);
        this.companies = Objects.requireNonNull(companies, "companies");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    Company create(CompanyRequest request, ChangeRecorder<Company> audited) {
        CompanyDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones() == null ? List.of() : request.phones());
        return PhoneInputs.written(() -> companies.create(details, numbers, audited), PhoneInputs::field);
    }

    @Override
    Optional<Company> update(long id, CompanyRequest request, ChangeRecorder<Company> audited) {
        CompanyDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones());
        return PhoneInputs.written(() -> companies.update(id, details, numbers, audited), PhoneInputs::field);
    }

    @Override
    boolean delete(long id, ChangeRecorder<Company> audited) {
        return companies.delete(id, audited);
    }

    @Override
    Optional<Company> find(long id) {
        return companies.find(id);
    }

    @Override
    AdminPage<?> list(QueryParams params) {
        Paging paging = Paging.of(params);
        return paging.page(companies.search(params.text("query"), params.sort(AdminSort.COMPANIES),
                paging.offset(), paging.limit()), AdminViews::company);
    }

    @Override
    Object view(Company stored) {
        return AdminViews.company(stored);
    }

    private static CompanyDetails details(CompanyRequest request) {
        if (request.inn() != null && !request.inn().isBlank() && !request.inn().strip().matches("\\d{10}|\\d{12}")) {
            throw AdminProblem.invalid("inn", "an INN has 10 digits (a company) or 12 (a person), was '"
                    + request.inn() + "'");
        }
        return Requests.checked(() -> new CompanyDetails(request.name(), request.inn(), request.city(),
                request.comment()), Map.of());
    }
}
