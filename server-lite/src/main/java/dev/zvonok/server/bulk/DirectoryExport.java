package dev.zvonok.server.bulk;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.PhoneEntry;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserPhone;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes users, companies, dealers or lines to a CSV or XLSX file with the columns an import reads, so that export, edit and
 * import again is a round trip. Passwords are never exported: the column is there, empty, for new users' rows.
 */
public final class DirectoryExport {

    private static final Collator RUSSIAN = Collator.getInstance(Locale.forLanguageTag("ru"));

    private final DirectoryBatch batch;
    private final PhoneCells phones;

    public DirectoryExport(DirectoryBatch batch, PhoneNumbers numbers) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.phones = new PhoneCells(numbers);
    }

    public byte[] export(BulkKind kind, FileFormat format) {
        return format.write(sheet(kind));
    }

    public Sheet sheet(BulkKind kind) {
        List<String> header = kind.columns().stream().map(Column::name).toList();
        List<List<String>> rows = batch.run(directory -> switch (kind) {
            case USERS -> sorted(directory.users(), User::login).stream().map(this::row).toList();
            case COMPANIES -> sorted(directory.companies(), Company::name).stream().map(this::row).toList();
            case DEALERS -> {
                var companies = new DealersImport.CompanyNames(directory.companies());
                yield sorted(directory.dealers(), Dealer::name).stream().map(d -> row(d, companies)).toList();
            }
            case LINES -> directory.lines().stream()
                    .sorted(Comparator.comparing(Line::kind).thenComparing(Line::name, RUSSIAN))
                    .map(this::row).toList();
        });
        List<Sheet.Row> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new Sheet.Row(i + 2, rows.get(i)));
        }
        return new Sheet(header, numbered);
    }

    private List<String> row(User user) {
        return List.of(user.login(), user.displayName(), user.role().wireName(), text(user.city()),
                TeamCells.join(user.teams()), phones.join(user.phones().stream().map(UserPhone::number).toList()),
                "");
    }

    private List<String> row(Company company) {
        return List.of(company.name(), text(company.inn()), text(company.city()), text(company.comment()),
                phones.join(company.phones().stream().map(PhoneEntry::number).toList()));
    }

    private List<String> row(Dealer dealer, DealersImport.CompanyNames companies) {
        return List.of(dealer.name(), companies.label(dealer.companyId(), dealer.companyName()), text(dealer.city()),
                text(dealer.comment()), phones.join(dealer.phones().stream().map(PhoneEntry::number).toList()));
    }

    private List<String> row(Line line) {
        String number = line.kind() == LineKind.DID ? phones.join(List.of(line.number())) : line.number();
        return List.of(number, line.kind().dbName(), line.name(), text(line.source()), text(line.city()),
                text(line.comment()));
    }

    private static <T> List<T> sorted(List<T> entries, Function<T, String> name) {
        return entries.stream().sorted(Comparator.comparing(name, RUSSIAN)).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
