package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_MERGES;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.CALL_TRANSFERS;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.schema.tables.records.CallOffersRecord;
import dev.zvonok.server.db.schema.tables.records.CallTransfersRecord;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserRepository;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Result;

/** A seeded demo directory and helpers to look at what the recorder wrote. Public for the history API's tests. */
public final class RecorderFixture {

    public final PhoneNumbers numbers = PhoneNumbers.russian();
    public final Directory directory;
    public final UserRepository users;
    final DealerRepository dealers;
    private final DSLContext dsl;

    public RecorderFixture(DSLContext dsl) {
        this.dsl = dsl;
        directory = new Directory(new DirectoryLookups(dsl), numbers);
        users = new UserRepository(dsl, numbers, new Passwords(4), directory);
        CompanyRepository companies = new CompanyRepository(dsl, numbers, directory);
        dealers = new DealerRepository(dsl, numbers, directory);
        new DemoDirectorySeeder(users, companies, dealers, numbers).seed();
    }

    public long userId(String login) {
        return users.findByLogin(login).orElseThrow().id();
    }

    public CallsRecord call(String linkedid) {
        return dsl.selectFrom(CALLS).where(CALLS.LINKEDID.eq(linkedid)).fetchSingle();
    }

    public CallOffersRecord offer(String linkedid, String extension) {
        return dsl.selectFrom(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(call(linkedid).getId()), CALL_OFFERS.EXTENSION.eq(extension))
                .fetchSingle();
    }

    Result<CallOffersRecord> offers(String linkedid) {
        return dsl.selectFrom(CALL_OFFERS).where(CALL_OFFERS.CALL_ID.eq(call(linkedid).getId()))
                .orderBy(CALL_OFFERS.EXTENSION).fetch();
    }

    Result<CallTransfersRecord> transfers(String linkedid) {
        return dsl.selectFrom(CALL_TRANSFERS).where(CALL_TRANSFERS.CALL_ID.eq(call(linkedid).getId()))
                .orderBy(CALL_TRANSFERS.SEQ).fetch();
    }

    /** Every row of the call tables without the bookkeeping timestamps, to compare before and after a replay. */
    public List<String> snapshot() {
        return List.of(
                dsl.selectFrom(CALLS).orderBy(CALLS.ID).fetch().map(r -> {
                    r.setUpdatedAt(null);
                    return r.toString();
                }).toString(),
                dsl.selectFrom(CALL_OFFERS).orderBy(CALL_OFFERS.ID).fetch().map(r -> {
                    r.setUpdatedAt(null);
                    return r.toString();
                }).toString(),
                dsl.selectFrom(CALL_TRANSFERS).orderBy(CALL_TRANSFERS.ID).fetch().toString(),
                dsl.selectFrom(CALL_MERGES).orderBy(CALL_MERGES.ABSORBED_LINKEDID).fetch().toString());
    }

    public int count(org.jooq.Table<?> table) {
        return dsl.fetchCount(table);
    }
}
