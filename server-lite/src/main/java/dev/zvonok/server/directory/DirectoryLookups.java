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

    /** A colleague first, then a dealer (with its company), then a company; the oldest entry wins a tie. */
    public CallerIdentity identify(String normalized) {
        var user = dsl.select(USERS.ID, USERS.DISPLAY_NAME)
                .from(USER_PHONES)
                .join(USERS).on(USERS.ID.eq(USER_PHONES.USER_ID))
                .where(USER_PHONES.NORMALIZED.eq(normalized))
                .fetchOne();
        if (user != null) {
            return CallerIdentity.user(normalized, user.value1(), user.value2());
        }
        var dealer = dsl.select(DEALERS.ID, DEALERS.NAME, COMPANIES.ID, COMPANIES.NAME)
                .from(DEALER_PHONE_NUMBERS)
                .join(DEALERS).on(DEALERS.ID.eq(DEALER_PHONE_NUMBERS.DEALER_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALERS.COMPANY_ID))
                .where(DEALER_PHONE_NUMBERS.NORMALIZED.eq(normalized))
                .orderBy(DEALER_PHONE_NUMBERS.ID)
                .limit(1)
                .fetchOne();
        if (dealer != null) {
            return CallerIdentity.dealer(normalized, dealer.value1(), dealer.value2(), dealer.value3(),
                    dealer.value4());
        }
        var company = dsl.select(COMPANIES.ID, COMPANIES.NAME)
                .from(PHONE_NUMBERS_COMPANIES)
                .join(COMPANIES).on(COMPANIES.ID.eq(PHONE_NUMBERS_COMPANIES.COMPANY_ID))
                .where(PHONE_NUMBERS_COMPANIES.NORMALIZED.eq(normalized))
                .orderBy(PHONE_NUMBERS_COMPANIES.ID)
                .limit(1)
                .fetchOne();
        if (company != null) {
            return CallerIdentity.company(normalized, company.value1(), company.value2());
        }
        return CallerIdentity.unknown(normalized);
    }
}
