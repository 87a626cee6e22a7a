package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.COMPANIES;
import static dev.zvonok.server.db.schema.Tables.DEALERS;
import static dev.zvonok.server.db.schema.Tables.DEALER_PHONE_NUMBERS;
import static dev.zvonok.server.db.schema.Tables.PHONE_NUMBERS_COMPANIES;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_PHONES;

import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The queries behind {@link Directory}'s cache: by normalized number only, so that the indexes serve them. */
public final class DirectoryLookups {

    private final DSLContext dsl;

    public DirectoryLookups(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** The user one of whose phones has this number. */
    public Optional<User> userByPhone(String normalized) {
        return UserRows.select(dsl)
                .where(USERS.ID.eq(dsl.select(USER_PHONES.USER_ID).from(USER_PHONES)
                        .where(USER_PHONES.NORMALIZED.eq(normalized)).asField()))
                .fetchOptional(UserRows::map);
    }

    /**
     * A colleague first, then a dealer (with its company), then a company; the oldest entry wins a tie. One round
     * trip: a cache miss costs one indexed query, whether the number is known or not.
     */
    public CallerIdentity identify(String normalized) {
        Field<Integer> rank = DSL.field(DSL.name("rank"), Integer.class);
        Field<Long> entry = DSL.field(DSL.name("entry"), Long.class);
        var colleagues = dsl.select(DSL.inline(1).as(rank), USERS.ID, USERS.DISPLAY_NAME,
                        DSL.castNull(SQLDataType.BIGINT), DSL.castNull(SQLDataType.VARCHAR(200)), USER_PHONES.ID.as(entry))
                .from(USER_PHONES)
                .join(USERS).on(USERS.ID.eq(USER_PHONES.USER_ID))
                .where(USER_PHONES.NORMALIZED.eq(normalized));
        var dealers = dsl.select(DSL.inline(2), DEALERS.ID, DEALERS.NAME, COMPANIES.ID, COMPANIES.NAME,
                        DEALER_PHONE_NUMBERS.ID)
                .from(DEALER_PHONE_NUMBERS)
                .join(DEALERS).on(DEALERS.ID.eq(DEALER_PHONE_NUMBERS.DEALER_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALERS.COMPANY_ID))
                .where(DEALER_PHONE_NUMBERS.NORMALIZED.eq(normalized));
        var companies = dsl.select(DSL.inline(3), COMPANIES.ID, COMPANIES.NAME, COMPANIES.ID, COMPANIES.NAME,
                        PHONE_NUMBERS_COMPANIES.ID)
                .from(PHONE_NUMBERS_COMPANIES)
                .join(COMPANIES).on(COMPANIES.ID.eq(PHONE_NUMBERS_COMPANIES.COMPANY_ID))
                .where(PHONE_NUMBERS_COMPANIES.NORMALIZED.eq(normalized));
        var best = colleagues.unionAll(dealers).unionAll(companies)
                .orderBy(rank, entry)
                .limit(1)
                .fetchOne();
        if (best == null) {
            return CallerIdentity.unknown(normalized);
        }
        return switch (best.value1()) {
            case 1 -> CallerIdentity.user(normalized, best.value2(), best.value3());
            case 2 -> CallerIdentity.dealer(normalized, best.value2(), best.value3(), best.value4(), best.value5());
            default -> CallerIdentity.company(normalized, best.value2(), best.value3());
        };
    }
}
