package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.DealerDetails;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.NewPhone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /api/admin/dealers}: dealers with their company and the numbers they call from. */
final class DealerAdminRoutes extends EntityAdminRoutes<DealerRequest, Dealer> {

    private final DealerRepository dealers;
    private final CompanyRepository companies;
    private final PhoneInputs phones;

    DealerAdminRoutes(DealerRepository dealers, CompanyRepository companies, PhoneInputs phones, AuditLog audit,
                      Requests requests) {
        super("dealer", "/api/admin/dealers", DealerRequest.class, Dealer::id, audit, requests);
        this.dealers = Objects.requireNonNull(dealers, "dealers");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    Dealer create(DealerRequest request, ChangeRecorder<Dealer> audited) {
        DealerDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones() == null ? List.of() : request.phones());
        return PhoneInputs.written(() -> dealers.create(details, numbers, audited), PhoneInputs::field);
    }

    @Override
    Optional<Dealer> update(long id, DealerRequest request, ChangeRecorder<Dealer> audited) {
        DealerDetails details = details(request);
        List<NewPhone> numbers = phones.ofOrganisation(request.phones());
        return PhoneInputs.written(() -> dealers.update(id, details, numbers, audited), PhoneInputs::field);
    }

    @Override
    boolean delete(long id, ChangeRecorder<Dealer> audited) {
        return dealers.delete(id, audited);
    }

    @Override
    Optional<Dealer> find(long id) {
        return dealers.find(id);
    }

    @Override
    AdminPage<?> list(QueryParams params) {
        Paging paging = Paging.of(params);
        return paging.page(dealers.search(params.text("query"), params.id("companyId"),
                params.sort(AdminSort.DEALERS), paging.offset(), paging.limit()), AdminViews::dealer);
    }

    @Override
    Object view(Dealer stored) {
        return AdminViews.dealer(stored);
    }

    private DealerDetails details(DealerRequest request) {
        if (request.companyId() != null && companies.find(request.companyId()).isEmpty()) {
            throw AdminProblem.invalid("companyId", "no company " + request.companyId());
        }
        return Requests.checked(() -> new DealerDetails(request.name(), request.companyId(), request.city(),
                request.comment()), Map.of());
    }
}
