package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static org.jooq.impl.DSL.multiset;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import org.jooq.Condition;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Dealers and the numbers they call from. Every change refreshes the directory cache. */
public final class DealerRepository {

    private static final Field<List<PhoneEntry>> PHONES = multiset(
            DSL.select(DEALER_PHONE_NUMBERS.ID, DEALER_PHONE_NUMBERS.NUMBER, DEALER_PHONE_NUMBERS.NORMALIZED,
                    DEALER_PHONE_NUMBERS.COMMENT)
                    .from(DEALER_PHONE_NUMBERS)
                    .where(DEALER_PHONE_NUMBERS.DEALER_ID.eq(DEALERS.ID))
                    .orderBy(DEALER_PHONE_NUMBERS.ID))
            .as("phones")
            .convertFrom(rows -> rows.map(p -> new PhoneEntry(p.value1(), p.value2(), p.value3(), p.value4())));

    private final DirectoryWrites writes;
    private final DSLContext dsl;
    private final PhoneNumbers numbers;

    public DealerRepository(DSLContext dsl, PhoneNumbers numbers, DirectoryChangeListener changes) {
        this.writes = new DirectoryWrites(dsl, changes);
        this.dsl = dsl;
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /** @throws DirectoryConflictException when the company does not exist */
    public Dealer create(DealerDetails details) {
        long id = writes.change("dealer " + details.name(), c -> c.dsl()
                .insertInto(DEALERS)
                .set(DEALERS.NAME, details.name())
                .set(DEALERS.COMPANY_ID, details.companyId())
                .set(DEALERS.CITY, details.city())
                .set(DEALERS.COMMENT, details.comment())
                .returningResult(DEALERS.ID)
                .fetchSingle()
                .value1());
        return find(id).orElseThrow();
    }

    public Optional<Dealer> update(long id, DealerDetails details) {
        int updated = writes.change("dealer " + details.name(), c -> c.dsl()
                .update(DEALERS)
                .set(DEALERS.NAME, details.name())
                .set(DEALERS.COMPANY_ID, details.companyId())
                .set(DEALERS.CITY, details.city())
                .set(DEALERS.COMMENT, details.comment())
                .where(DEALERS.ID.eq(id))
                .execute());
        return updated == 0 ? Optional.empty() : find(id);
    }

    public boolean delete(long id) {
        return writes.change("dealer " + id, c -> c.dsl().deleteFrom(DEALERS).where(DEALERS.ID.eq(id)).execute()) > 0;
    }

    public Optional<Dealer> find(long id) {
        return select().where(DEALERS.ID.eq(id)).fetchOptional(DealerRepository::map);
    }

    /** Dealers with exactly this name (names are not unique). */
    public List<Dealer> findByName(String name) {
        return select().where(DEALERS.NAME.eq(name.strip())).orderBy(DEALERS.ID).fetch(DealerRepository::map);
    }

    public List<Dealer> list() {
        return select().orderBy(DEALERS.NAME, DEALERS.ID).fetch(DealerRepository::map);
    }

    public List<Dealer> listOfCompany(long companyId) {
        return select().where(DEALERS.COMPANY_ID.eq(companyId)).orderBy(DEALERS.NAME, DEALERS.ID)
                .fetch(DealerRepository::map);
    }

    public PhoneEntry addPhone(long dealerId, String number, String comment) {
        String normalized = DirectoryWrites.normalizeEntered(numbers, number);
        String entered = number.strip();
        String note = Texts.optional(comment, "comment", 500);
        long id = writes.change("dealer " + dealerId + " number " + entered, c -> c.dsl()
                .insertInto(DEALER_PHONE_NUMBERS)
                .set(DEALER_PHONE_NUMBERS.DEALER_ID, dealerId)
                .set(DEALER_PHONE_NUMBERS.NUMBER, entered)
                .set(DEALER_PHONE_NUMBERS.NORMALIZED, normalized)
                .set(DEALER_PHONE_NUMBERS.COMMENT, note)
                .returningResult(DEALER_PHONE_NUMBERS.ID)
                .fetchSingle()
                .value1());
        return new PhoneEntry(id, entered, normalized, note);
    }

    public boolean removePhone(long phoneId) {
        return writes.change("dealer number " + phoneId, c -> c.dsl()
                .deleteFrom(DEALER_PHONE_NUMBERS).where(DEALER_PHONE_NUMBERS.ID.eq(phoneId)).execute()) > 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The administration's whole-dealer changes: the dealer and its numbers in one transaction, with the audit row.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * @throws NumberTakenException       when another dealer has one of the numbers
     * @throws DirectoryConflictException when the company does not exist
     */
    public Dealer create(DealerDetails details, List<NewPhone> phones, ChangeRecorder<Dealer> recorder) {
        return writes.changeNumbers("dealer " + details.name(), c -> {
            DSLContext tx = c.dsl();
            long id = tx.insertInto(DEALERS)
                    .set(DEALERS.NAME, details.name())
                    .set(DEALERS.COMPANY_ID, details.companyId())
                    .set(DEALERS.CITY, details.city())
                    .set(DEALERS.COMMENT, details.comment())
                    .returningResult(DEALERS.ID)
                    .fetchSingle()
                    .value1();
            replacePhones(tx, id, phones);
            Dealer created = read(tx, id).orElseThrow();
            recorder.record(tx, null, created);
            return created;
        }, ctx -> checkFree(ctx, 0, phones));
    }

    /**
     * @param phones the dealer's numbers from now on; null leaves them as they are
     * @throws NumberTakenException       when another dealer has one of the numbers
     * @throws DirectoryConflictException when the company does not exist
     */
    public Optional<Dealer> update(long id, DealerDetails details, List<NewPhone> phones,
                                   ChangeRecorder<Dealer> recorder) {
        return writes.changeNumbers("dealer " + details.name(), c -> {
            DSLContext tx = c.dsl();
            Optional<Dealer> before = readForUpdate(tx, id);
            if (before.isEmpty()) {
                return Optional.<Dealer>empty();
            }
            tx.update(DEALERS)
                    .set(DEALERS.NAME, details.name())
                    .set(DEALERS.COMPANY_ID, details.companyId())
                    .set(DEALERS.CITY, details.city())
                    .set(DEALERS.COMMENT, details.comment())
                    .where(DEALERS.ID.eq(id))
                    .execute();
            if (phones != null) {
                replacePhones(tx, id, phones);
            }
            Dealer after = read(tx, id).orElseThrow();
            recorder.record(tx, before.get(), after);
            return Optional.of(after);
        }, ctx -> {
            if (phones != null) {
                checkFree(ctx, id, phones);
            }
        });
    }

    /** Deletes the dealer and its numbers; calls keep the names they recorded. @return false when there is none */
    public boolean delete(long id, ChangeRecorder<Dealer> recorder) {
        return writes.change("dealer " + id, c -> {
            DSLContext tx = c.dsl();
            Optional<Dealer> before = readForUpdate(tx, id);
            if (before.isEmpty()) {
                return false;
            }
            tx.deleteFrom(DEALERS).where(DEALERS.ID.eq(id)).execute();
            recorder.record(tx, before.get(), null);
            return true;
        });
    }

    /**
     * Dealers by name or number, in {@code sort}'s order.
     *
     * @param text      part of the name (any case) or of a number; null for every dealer
     * @param companyId null for every company's
     */
    public Found<Dealer> search(String text, Long companyId, SortOrder sort, int offset, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String term = text.strip();
            Condition matches = DEALERS.NAME.containsIgnoreCase(term);
            String digits = term.replaceAll("\\D", "");
            if (!digits.isEmpty()) {
                matches = matches.or(DSL.exists(DSL.selectOne().from(DEALER_PHONE_NUMBERS)
                        .where(DEALER_PHONE_NUMBERS.DEALER_ID.eq(DEALERS.ID))
                        .and(DEALER_PHONE_NUMBERS.NORMALIZED.contains(digits))));
            }
            where = where.and(matches);
        }
        if (companyId != null) {
            where = where.and(DEALERS.COMPANY_ID.eq(companyId));
        }
        int total = dsl.fetchCount(DEALERS, where);
        List<Dealer> page = select().where(where).orderBy(sort.orderBy(DealerRepository::sortColumn, DEALERS.ID))
                .offset(offset).limit(limit).fetch(DealerRepository::map);
        return new Found<>(page, total);
    }

    private static Field<?> sortColumn(String key) {
        return switch (key) {
            case "name" -> DEALERS.NAME;
            case "company" -> COMPANIES.NAME;
            case "city" -> DEALERS.CITY;
            default -> null;
        };
    }

    private Optional<Dealer> read(DSLContext tx, long id) {
        return select(tx).where(DEALERS.ID.eq(id)).fetchOptional(DealerRepository::map);
    }

    private Optional<Dealer> readForUpdate(DSLContext tx, long id) {
        if (tx.selectOne().from(DEALERS).where(DEALERS.ID.eq(id)).forUpdate().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        return read(tx, id);
    }

    /** @throws NumberTakenException naming the first of {@code phones} another dealer has */
    private static void checkFree(DSLContext tx, long dealerId, List<NewPhone> phones) {
        for (int i = 0; i < phones.size(); i++) {
            String normalized = phones.get(i).normalized();
            var owner = tx.select(DEALERS.ID, DEALERS.NAME)
                    .from(DEALER_PHONE_NUMBERS)
                    .join(DEALERS).on(DEALERS.ID.eq(DEALER_PHONE_NUMBERS.DEALER_ID))
                    .where(DEALER_PHONE_NUMBERS.NORMALIZED.eq(normalized))
                    .and(DEALER_PHONE_NUMBERS.DEALER_ID.ne(dealerId))
                    .orderBy(DEALER_PHONE_NUMBERS.ID)
                    .limit(1)
                    .fetchOne();
            if (owner != null) {
                throw new NumberTakenException(i, normalized,
                        new NumberOwner(NumberOwner.Kind.DEALER, owner.value1(), owner.value2()));
            }
        }
    }

    private static void replacePhones(DSLContext tx, long dealerId, List<NewPhone> phones) {
        checkFree(tx, dealerId, phones);
        tx.deleteFrom(DEALER_PHONE_NUMBERS).where(DEALER_PHONE_NUMBERS.DEALER_ID.eq(dealerId)).execute();
        for (NewPhone phone : phones) {
            tx.insertInto(DEALER_PHONE_NUMBERS)
                    .set(DEALER_PHONE_NUMBERS.DEALER_ID, dealerId)
                    .set(DEALER_PHONE_NUMBERS.NUMBER, phone.number())
                    .set(DEALER_PHONE_NUMBERS.NORMALIZED, phone.normalized())
                    .set(DEALER_PHONE_NUMBERS.COMMENT, phone.comment())
                    .execute();
        }
    }

    private SelectOnConditionStep<Record7<Long, String, Long, String, String, String, List<PhoneEntry>>> select() {
        return select(dsl);
    }

    private static SelectOnConditionStep<Record7<Long, String, Long, String, String, String, List<PhoneEntry>>> select(
            DSLContext dsl) {
        return dsl.select(DEALERS.ID, DEALERS.NAME, DEALERS.COMPANY_ID, COMPANIES.NAME, DEALERS.CITY, DEALERS.COMMENT,
                        PHONES)
                .from(DEALERS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALERS.COMPANY_ID));
    }

    private static Dealer map(Record7<Long, String, Long, String, String, String, List<PhoneEntry>> row) {
        return new Dealer(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6(),
                row.value7());
    }
}
