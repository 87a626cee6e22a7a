package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static org.jooq.impl.DSL.multiset;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import org.jooq.Condition;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** Client companies and the numbers they call from. Every change refreshes the directory cache. */
public final class CompanyRepository {

    private static final Field<List<PhoneEntry>> PHONES = multiset(
            DSL.select(PHONE_NUMBERS_COMPANIES.ID, PHONE_NUMBERS_COMPANIES.NUMBER, PHONE_NUMBERS_COMPANIES.NORMALIZED,
                    PHONE_NUMBERS_COMPANIES.COMMENT)
                    .from(PHONE_NUMBERS_COMPANIES)
                    .where(PHONE_NUMBERS_COMPANIES.COMPANY_ID.eq(COMPANIES.ID))
                    .orderBy(PHONE_NUMBERS_COMPANIES.ID))
            .as("phones")
            .convertFrom(rows -> rows.map(p -> new PhoneEntry(p.value1(), p.value2(), p.value3(), p.value4())));

    private final DirectoryWrites writes;
    private final DSLContext dsl;
    private final PhoneNumbers numbers;

    public CompanyRepository(DSLContext dsl, PhoneNumbers numbers, DirectoryChangeListener changes) {
        this.writes = new DirectoryWrites(dsl, changes);
        this.dsl = dsl;
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    public Company create(CompanyDetails details) {
        long id = writes.change("company " + details.name(), c -> c.dsl()
                .insertInto(COMPANIES)
                .set(COMPANIES.NAME, details.name())
                .set(COMPANIES.INN, details.inn())
                .set(COMPANIES.CITY, details.city())
                .set(COMPANIES.COMMENT, details.comment())
                .returningResult(COMPANIES.ID)
                .fetchSingle()
                .value1());
        return find(id).orElseThrow();
    }

    public Optional<Company> update(long id, CompanyDetails details) {
        int updated = writes.change("company " + details.name(), c -> c.dsl()
                .update(COMPANIES)
                .set(COMPANIES.NAME, details.name())
                .set(COMPANIES.INN, details.inn())
                .set(COMPANIES.CITY, details.city())
                .set(COMPANIES.COMMENT, details.comment())
                .where(COMPANIES.ID.eq(id))
                .execute());
        return updated == 0 ? Optional.empty() : find(id);
    }

    /** Deletes the company and its numbers; its dealers stay, without a company. */
    public boolean delete(long id) {
        return writes.change("company " + id,
                c -> c.dsl().deleteFrom(COMPANIES).where(COMPANIES.ID.eq(id)).execute()) > 0;
    }

    public Optional<Company> find(long id) {
        return select().where(COMPANIES.ID.eq(id)).fetchOptional(CompanyRepository::map);
    }

    /** Companies with exactly this name (names are not unique). */
    public List<Company> findByName(String name) {
        return select().where(COMPANIES.NAME.eq(name.strip())).orderBy(COMPANIES.ID).fetch(CompanyRepository::map);
    }

    public List<Company> list() {
        return select().orderBy(COMPANIES.NAME, COMPANIES.ID).fetch(CompanyRepository::map);
    }

    public PhoneEntry addPhone(long companyId, String number, String comment) {
        String normalized = DirectoryWrites.normalizeEntered(numbers, number);
        String entered = number.strip();
        String note = Texts.optional(comment, "comment", 500);
        long id = writes.change("company " + companyId + " number " + entered, c -> c.dsl()
                .insertInto(PHONE_NUMBERS_COMPANIES)
                .set(PHONE_NUMBERS_COMPANIES.COMPANY_ID, companyId)
                .set(PHONE_NUMBERS_COMPANIES.NUMBER, entered)
                .set(PHONE_NUMBERS_COMPANIES.NORMALIZED, normalized)
                .set(PHONE_NUMBERS_COMPANIES.COMMENT, note)
                .returningResult(PHONE_NUMBERS_COMPANIES.ID)
                .fetchSingle()
                .value1());
        return new PhoneEntry(id, entered, normalized, note);
    }

    public boolean removePhone(long phoneId) {
        return writes.change("company number " + phoneId, c -> c.dsl()
                .deleteFrom(PHONE_NUMBERS_COMPANIES).where(PHONE_NUMBERS_COMPANIES.ID.eq(phoneId)).execute()) > 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The administration's whole-company changes: the company and its numbers in one transaction, with the audit row.
    // ---------------------------------------------------------------------------------------------------------------

    /** @throws NumberTakenException when another company has one of the numbers */
    public Company create(CompanyDetails details, List<NewPhone> phones, ChangeRecorder<Company> recorder) {
        return writes.changeNumbers("company " + details.name(), c -> {
            DSLContext tx = c.dsl();
            long id = tx.insertInto(COMPANIES)
                    .set(COMPANIES.NAME, details.name())
                    .set(COMPANIES.INN, details.inn())
                    .set(COMPANIES.CITY, details.city())
                    .set(COMPANIES.COMMENT, details.comment())
                    .returningResult(COMPANIES.ID)
                    .fetchSingle()
                    .value1();
            replacePhones(tx, id, phones);
            Company created = read(tx, id).orElseThrow();
            recorder.record(tx, null, created);
            return created;
        }, ctx -> checkFree(ctx, 0, phones));
    }

    /**
     * @param phones the company's numbers from now on; null leaves them as they are
     * @throws NumberTakenException when another company has one of the numbers
     */
    public Optional<Company> update(long id, CompanyDetails details, List<NewPhone> phones,
                                    ChangeRecorder<Company> recorder) {
        return writes.changeNumbers("company " + details.name(), c -> {
            DSLContext tx = c.dsl();
            Optional<Company> before = readForUpdate(tx, id);
            if (before.isEmpty()) {
                return Optional.<Company>empty();
            }
            tx.update(COMPANIES)
                    .set(COMPANIES.NAME, details.name())
                    .set(COMPANIES.INN, details.inn())
                    .set(COMPANIES.CITY, details.city())
                    .set(COMPANIES.COMMENT, details.comment())
                    .where(COMPANIES.ID.eq(id))
                    .execute();
            if (phones != null) {
                replacePhones(tx, id, phones);
            }
            Company after = read(tx, id).orElseThrow();
            recorder.record(tx, before.get(), after);
            return Optional.of(after);
        }, ctx -> {
            if (phones != null) {
                checkFree(ctx, id, phones);
            }
        });
    }

    /** Deletes the company and its numbers; its dealers stay, without a company. @return false when there is none */
    public boolean delete(long id, ChangeRecorder<Company> recorder) {
        return writes.change("company " + id, c -> {
            DSLContext tx = c.dsl();
            Optional<Company> before = readForUpdate(tx, id);
            if (before.isEmpty()) {
                return false;
            }
            tx.deleteFrom(COMPANIES).where(COMPANIES.ID.eq(id)).execute();
            recorder.record(tx, before.get(), null);
            return true;
        });
    }

    /**
     * Companies by name, INN or number, in {@code sort}'s order.
     *
     * @param text part of the name (any case), the INN or part of a number; null for every company
     */
    public Found<Company> search(String text, SortOrder sort, int offset, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String term = text.strip();
            Condition matches = COMPANIES.NAME.containsIgnoreCase(term).or(COMPANIES.INN.eq(term));
            String digits = term.replaceAll("\\D", "");
            if (!digits.isEmpty()) {
                matches = matches.or(DSL.exists(DSL.selectOne().from(PHONE_NUMBERS_COMPANIES)
                        .where(PHONE_NUMBERS_COMPANIES.COMPANY_ID.eq(COMPANIES.ID))
                        .and(PHONE_NUMBERS_COMPANIES.NORMALIZED.contains(digits))));
            }
            where = where.and(matches);
        }
        int total = dsl.fetchCount(COMPANIES, where);
        List<Company> page = select().where(where)
                .orderBy(sort.orderBy(CompanyRepository::sortColumn, COMPANIES.ID))
                .offset(offset).limit(limit).fetch(CompanyRepository::map);
        return new Found<>(page, total);
    }

    private static Field<?> sortColumn(String key) {
        return switch (key) {
            case "name" -> COMPANIES.NAME;
            case "inn" -> COMPANIES.INN;
            case "city" -> COMPANIES.CITY;
            default -> null;
        };
    }

    private Optional<Company> read(DSLContext tx, long id) {
        return select(tx).where(COMPANIES.ID.eq(id)).fetchOptional(CompanyRepository::map);
    }

    private Optional<Company> readForUpdate(DSLContext tx, long id) {
        if (tx.selectOne().from(COMPANIES).where(COMPANIES.ID.eq(id)).forUpdate().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        return read(tx, id);
    }

    /** @throws NumberTakenException naming the first of {@code phones} another company has */
    private static void checkFree(DSLContext tx, long companyId, List<NewPhone> phones) {
        for (int i = 0; i < phones.size(); i++) {
            String normalized = phones.get(i).normalized();
            var owner = tx.select(COMPANIES.ID, COMPANIES.NAME)
                    .from(PHONE_NUMBERS_COMPANIES)
                    .join(COMPANIES).on(COMPANIES.ID.eq(PHONE_NUMBERS_COMPANIES.COMPANY_ID))
                    .where(PHONE_NUMBERS_COMPANIES.NORMALIZED.eq(normalized))
                    .and(PHONE_NUMBERS_COMPANIES.COMPANY_ID.ne(companyId))
                    .orderBy(PHONE_NUMBERS_COMPANIES.ID)
                    .limit(1)
                    .fetchOne();
            if (owner != null) {
                throw new NumberTakenException(i, normalized,
                        new NumberOwner(NumberOwner.Kind.COMPANY, owner.value1(), owner.value2()));
            }
        }
    }

    private static void replacePhones(DSLContext tx, long companyId, List<NewPhone> phones) {
        checkFree(tx, companyId, phones);
        tx.deleteFrom(PHONE_NUMBERS_COMPANIES).where(PHONE_NUMBERS_COMPANIES.COMPANY_ID.eq(companyId)).execute();
        for (NewPhone phone : phones) {
            tx.insertInto(PHONE_NUMBERS_COMPANIES)
                    .set(PHONE_NUMBERS_COMPANIES.COMPANY_ID, companyId)
                    .set(PHONE_NUMBERS_COMPANIES.NUMBER, phone.number())
                    .set(PHONE_NUMBERS_COMPANIES.NORMALIZED, phone.normalized())
                    .set(PHONE_NUMBERS_COMPANIES.COMMENT, phone.comment())
                    .execute();
        }
    }

    private SelectJoinStep<Record6<Long, String, String, String, String, List<PhoneEntry>>> select() {
        return select(dsl);
    }

    private static SelectJoinStep<Record6<Long, String, String, String, String, List<PhoneEntry>>> select(
            DSLContext dsl) {
        return dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.INN, COMPANIES.CITY, COMPANIES.COMMENT, PHONES)
                .from(COMPANIES);
    }

    private static Company map(Record6<Long, String, String, String, String, List<PhoneEntry>> row) {
        return new Company(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6());
    }
}
