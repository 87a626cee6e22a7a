package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;

import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/** The reads behind {@link Directory}'s in-memory index: every number the directory knows, with its owner. */
public final class DirectoryLookups {

    private final DSLContext dsl;

    public DirectoryLookups(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Every user with their phones, oldest first. */
    List<User> users() {
        return UserRows.select(dsl).orderBy(dev.zvonok.server.db.schema.Tables.USERS.ID).fetch(UserRows::map);
    }

    /** Every dealer's number, as the dealer (with its company, if any) it belongs to; oldest entries first. */
    List<CallerIdentity> dealerNumbers() {
        return dsl.select(DEALER_PHONE_NUMBERS.NORMALIZED, DEALERS.ID, DEALERS.NAME, COMPANIES.ID, COMPANIES.NAME)
                .from(DEALER_PHONE_NUMBERS)
                .join(DEALERS).on(DEALERS.ID.eq(DEALER_PHONE_NUMBERS.DEALER_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALERS.COMPANY_ID))
                .orderBy(DEALER_PHONE_NUMBERS.ID)
                .fetch(r -> CallerIdentity.dealer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Every company's number, oldest entries first. */
    List<CallerIdentity> companyNumbers() {
        return dsl.select(PHONE_NUMBERS_COMPANIES.NORMALIZED, COMPANIES.ID, COMPANIES.NAME)
                .from(PHONE_NUMBERS_COMPANIES)
                .join(COMPANIES).on(COMPANIES.ID.eq(PHONE_NUMBERS_COMPANIES.COMPANY_ID))
                .orderBy(PHONE_NUMBERS_COMPANIES.ID)
                .fetch(r -> CallerIdentity.company(r.value1(), r.value2(), r.value3()));
    }

    /** Every line of the PBX, oldest first. */
    List<Line> lines() {
        return dsl.selectFrom(LINES).orderBy(LINES.ID).fetch(r -> new Line(r.getId(), LineKind.fromDb(r.getKind()),
                r.getNumber(), r.getNormalized(), r.getName(), r.getSource(), r.getCity(), r.getComment()));
    }
}
