package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static org.jooq.impl.DSL.multiset;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
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

    private SelectOnConditionStep<Record7<Long, String, Long, String, String, String, List<PhoneEntry>>> select() {
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
