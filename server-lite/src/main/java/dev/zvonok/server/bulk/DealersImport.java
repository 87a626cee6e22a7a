package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.DealerDetails;
import dev.zvonok.server.directory.DealerUpsert;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.EnteredNumber;
import dev.zvonok.server.directory.PhoneEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dealers by name; the {@code company} column names a stored company by its name, or by its INN where several
 * companies share the name (what the export writes then). Import the companies first.
 */
final class DealersImport implements KindImport {

    private static final Map<String, Column> FIELDS = Map.of("name", Column.NAME, "city", Column.CITY,
            "comment", Column.COMMENT);

    private final PhoneCells phones;

    DealersImport(PhoneCells phones) {
        this.phones = phones;
    }

    @Override
    public Plan plan(Header header, List<Sheet.Row> rows, DirectoryBatch.Session directory) {
        List<Dealer> stored = directory.dealers();
        Map<String, List<Dealer>> byName = stored.stream().collect(Collectors.groupingBy(Dealer::name));
        CompanyNames companies = new CompanyNames(directory.companies());

        NumberOwners owners = new NumberOwners();
        Set<Long> replaced = new HashSet<>();
        if (header.has(Column.PHONES)) {
            for (Sheet.Row row : rows) {
                List<Dealer> named = byName.getOrDefault(header.text(row, Column.NAME), List.of());
                if (named.size() == 1) {
                    replaced.add(named.get(0).id());
                }
            }
        }
        stored.stream().filter(d -> !replaced.contains(d.id()))
                .forEach(d -> d.phones().forEach(p -> owners.stored(p.normalized(), describe(d))));

        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.Row> outcomes = new ArrayList<>(rows.size());
        List<DealerUpsert> writes = new ArrayList<>();
        for (Sheet.Row row : rows) {
            RowResult result = new RowResult(row, header);
            String name = header.text(row, Column.NAME);
            result.key(name);
            if (name == null) {
                result.problem(Column.NAME, "name is required");
                outcomes.add(result.error());
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, row.number());
            if (earlier != null) {
                result.problem(Column.NAME, "the dealer " + name + " is in row " + earlier + " already");
                outcomes.add(result.error());
                continue;
            }
            List<Dealer> named = byName.getOrDefault(name, List.of());
            if (named.size() > 1) {
                result.problem(Column.NAME, named.size() + " dealers are named " + name
                        + ": rename them apart in the admin screen first");
                outcomes.add(result.error());
                continue;
            }
            Dealer existing = named.isEmpty() ? null : named.get(0);
            Long companyId = existing == null ? null : existing.companyId();
            if (header.has(Column.COMPANY)) {
                String company = header.text(row, Column.COMPANY);
                companyId = company == null ? null : companies.find(company, m -> result.problem(Column.COMPANY, m));
            }
            String city = header.has(Column.CITY) ? header.text(row, Column.CITY)
                    : existing == null ? null : existing.city();
            String comment = header.has(Column.COMMENT) ? header.text(row, Column.COMMENT)
                    : existing == null ? null : existing.comment();
            Long finalCompanyId = companyId;
            DealerDetails details = result.checked(FIELDS,
                    () -> new DealerDetails(name, finalCompanyId, city, comment));
            List<EnteredNumber> numbers = phones.read(header, row, false, result, owners,
                    existing != null ? describe(existing)
                        : "dealer " + name + " (row " + row.number() + ")");
            if (result.failed() || details == null) {
                outcomes.add(result.error());
                continue;
            }
            if (existing == null) {
                outcomes.add(result.created());
                writes.add(new DealerUpsert(null, details, numbers));
                continue;
            }
            result.compare(Column.COMPANY, existing.companyId(), details.companyId());
            result.compare(Column.CITY, existing.city(), details.city());
            result.compare(Column.COMMENT, existing.comment(), details.comment());
            result.comparePhones(existing.phones().stream().map(PhoneEntry::normalized), numbers);
            outcomes.add(result.updatedOrUnchanged());
            if (result.changedAnything()) {
                writes.add(new DealerUpsert(existing.id(), details, numbers));
            }
        }
        return new Plan(outcomes, session -> session.writeDealers(writes));
    }

    private static String describe(Dealer dealer) {
        return "dealer " + dealer.name() + (dealer.companyName() == null ? "" : " (" + dealer.companyName() + ")");
    }

    /** The stored companies by the names a file gives them: a name, or an INN. */
    static final class CompanyNames {

        private final Map<String, List<Company>> byName;
        private final Map<String, List<Company>> byInn;

        CompanyNames(List<Company> companies) {
            byName = companies.stream().collect(Collectors.groupingBy(Company::name));
            byInn = companies.stream().filter(c -> c.inn() != null).collect(Collectors.groupingBy(Company::inn));
        }

        /** @return the company's id; null when none or several fit (told to problems) */
        Long find(String nameOrInn, java.util.function.Consumer<String> problems) {
            List<Company> withInn = byInn.getOrDefault(nameOrInn, List.of());
            if (withInn.size() == 1) {
                return withInn.get(0).id();
            }
            List<Company> named = byName.getOrDefault(nameOrInn, List.of());
            if (named.size() == 1) {
                return named.get(0).id();
            }
            if (named.isEmpty()) {
                problems.accept("there is no company " + nameOrInn + ": import the companies first");
            } else {
                problems.accept(named.size() + " companies are named " + nameOrInn + ": write the INN of the one"
                        + " meant instead");
            }
            return null;
        }

        /** How an export names the company: by name, by INN where the name is shared and the INN is not. */
        String label(Long companyId, String name) {
            if (companyId == null) {
                return "";
            }
            if (byName.getOrDefault(name, List.of()).size() > 1) {
                return byName.get(name).stream().filter(c -> c.id() == companyId).findFirst()
                        .map(c -> c.inn() != null && byInn.get(c.inn()).size() == 1 ? c.inn() : c.name())
                        .orElse(name);
            }
            return name;
        }
    }
}
