package dev.zvonok.server.bulk;

import dev.zvonok.model.api.ImportReport;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.CompanyDetails;
import dev.zvonok.server.directory.CompanyUpsert;
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
 * Companies by INN, else by name: a row whose INN a stored company has is that company (so a company can be renamed
 * by an import); a row without one is the stored company of that name, unless that company has a different INN.
 * Names are not unique: a name several companies share needs the INN to tell which.
 */
final class CompaniesImport implements KindImport {

    private static final Map<String, Column> FIELDS = Map.of("name", Column.NAME, "inn", Column.INN,
            "city", Column.CITY, "comment", Column.COMMENT);

    private final PhoneCells phones;

    CompaniesImport(PhoneCells phones) {
        this.phones = phones;
    }

    @Override
    public Plan plan(Header header, List<Sheet.Row> rows, DirectoryBatch.Session directory) {
        List<Company> stored = directory.companies();
        Map<String, List<Company>> byInn = stored.stream().filter(c -> c.inn() != null)
                .collect(Collectors.groupingBy(Company::inn));
        Map<String, List<Company>> byName = stored.stream().collect(Collectors.groupingBy(Company::name));

        // first the rows' companies, so that the numbers of those the file replaces are free for any row
        List<Company> matches = new ArrayList<>(rows.size());
        List<String> matchProblems = new ArrayList<>(rows.size());
        for (Sheet.Row row : rows) {
            String[] problem = new String[1];
            matches.add(match(header.text(row, Column.NAME), header.text(row, Column.INN), byInn, byName,
                    p -> problem[0] = p));
            matchProblems.add(problem[0]);
        }
        NumberOwners owners = new NumberOwners();
        Set<Long> replaced = new HashSet<>();
        if (header.has(Column.PHONES)) {
            matches.stream().filter(c -> c != null).forEach(c -> replaced.add(c.id()));
        }
        stored.stream().filter(c -> !replaced.contains(c.id()))
                .forEach(c -> c.phones().forEach(p -> owners.stored(p.normalized(), describe(c))));

        Map<Object, Integer> seen = new HashMap<>();
        List<ImportReport.Row> outcomes = new ArrayList<>(rows.size());
        List<CompanyUpsert> writes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Sheet.Row row = rows.get(i);
            RowResult result = new RowResult(row, header);
            String name = header.text(row, Column.NAME);
            String inn = header.text(row, Column.INN);
            result.key(inn == null ? name : name == null ? inn : name + " (" + inn + ")");
            Company existing = matches.get(i);
            if (matchProblems.get(i) != null) {
                result.problem(Column.NAME, matchProblems.get(i));
                outcomes.add(result.error());
                continue;
            }
            Object identity = existing != null ? existing.id() : inn != null ? "inn " + inn : "name " + name;
            Integer earlier = name == null && existing == null ? null : seen.putIfAbsent(identity, row.number());
            if (earlier != null) {
                result.problem(Column.NAME, "the same company as row " + earlier);
                outcomes.add(result.error());
                continue;
            }
            String finalName = name != null ? name : existing == null ? null : existing.name();
            if (finalName == null || header.has(Column.NAME) && name == null) {
                result.problem(Column.NAME, "name is required");
            }
            String finalInn = header.has(Column.INN) ? inn : existing == null ? null : existing.inn();
            String city = header.has(Column.CITY) ? header.text(row, Column.CITY)
                    : existing == null ? null : existing.city();
            String comment = header.has(Column.COMMENT) ? header.text(row, Column.COMMENT)
                    : existing == null ? null : existing.comment();
            CompanyDetails details = result.failed() ? null
                    : result.checked(FIELDS, () -> new CompanyDetails(finalName, finalInn, city, comment));
            List<EnteredNumber> numbers = phones.read(header, row, false, result, owners,
                    existing != null ? describe(existing)
                        : "company " + finalName + " (row " + row.number() + ")");
            if (result.failed() || details == null) {
                outcomes.add(result.error());
                continue;
            }
            if (existing == null) {
                outcomes.add(result.created());
                writes.add(new CompanyUpsert(null, details, numbers));
                continue;
            }
            result.compare(Column.NAME, existing.name(), details.name());
            result.compare(Column.INN, existing.inn(), details.inn());
            result.compare(Column.CITY, existing.city(), details.city());
            result.compare(Column.COMMENT, existing.comment(), details.comment());
            result.comparePhones(existing.phones().stream().map(PhoneEntry::normalized), numbers);
            outcomes.add(result.updatedOrUnchanged());
            if (result.changedAnything()) {
                writes.add(new CompanyUpsert(existing.id(), details, numbers));
            }
        }
        return new Plan(outcomes, session -> session.writeCompanies(writes));
    }

    /** The stored company a row is; null for a new one, and for a row that cannot tell (told to problems). */
    private static Company match(String name, String inn, Map<String, List<Company>> byInn,
                                 Map<String, List<Company>> byName, java.util.function.Consumer<String> problems) {
        if (inn != null) {
            List<Company> withInn = byInn.getOrDefault(inn, List.of());
            if (withInn.size() == 1) {
                return withInn.get(0);
            }
            if (withInn.size() > 1) {
                List<Company> named = withInn.stream().filter(c -> c.name().equals(name)).toList();
                if (named.size() == 1) {
                    return named.get(0);
                }
                problems.accept(withInn.size() + " companies have the INN " + inn + ": tell them apart by name");
                return null;
            }
        }
        if (name == null) {
            return null;
        }
        List<Company> named = byName.getOrDefault(name, List.of()).stream()
                .filter(c -> inn == null || c.inn() == null || c.inn().equals(inn)).toList();
        if (named.size() > 1) {
            problems.accept(named.size() + " companies are named " + name + ": give the INN to tell which");
            return null;
        }
        return named.isEmpty() ? null : named.get(0);
    }

    private static String describe(Company company) {
        return "company " + company.name() + (company.inn() == null ? "" : " (INN " + company.inn() + ")");
    }
}
