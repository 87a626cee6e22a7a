package dev.zvonok.server.audit;

import static dev.zvonok.server.db.schema.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.admin.AuditEntry;
import dev.zvonok.server.auth.LoginAudit;
import dev.zvonok.server.db.schema.tables.records.AuditLogRecord;
import dev.zvonok.server.directory.BatchRecorder;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Found;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads {@code audit_log}. A change's row is written in the change's own transaction
 * ({@link #recorder}); a login's on its own, and a login never fails because its row could not be written.
 */
public final class AuditLog implements LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** The entity of login rows, so that {@code ?entity=login} finds them. */
    public static final String LOGIN = "login";
    /** The action and entity of an import's own row, so that {@code ?entity=import} finds every import. */
    public static final String IMPORT = "import";
    /** Rows in one multi-row insert: an import of ten thousand rows is ten round trips. */
    private static final int CHUNK = 1000;

    private final DSLContext dsl;
    private final ObjectMapper json;

    public AuditLog(DSLContext dsl, ObjectMapper json) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * What a change through the administration writes besides itself: one row, with the thing before and after.
     *
     * @param action {@code create}, {@code update}, {@code deactivate}, {@code delete}, {@code password}...
     * @param entity {@code user}, {@code dealer}, {@code company}, {@code line}, {@code team}
     * @param idOf   the changed thing's id
     */
    public <T> ChangeRecorder<T> recorder(Actor actor, String action, String entity, ToLongFunction<T> idOf) {
        return (tx, before, after) -> {
            T either = after != null ? after : before;
            insert(tx, actor, action, entity, either == null ? null : idOf.applyAsLong(either), text(before),
                    text(after));
        };
    }

    /**
     * What a batch of changes (an import) writes besides itself: a row saying what the batch was, then a row for
     * each thing it created or changed, as {@link #recorder} writes a single change's.
     *
     * @param action  the batch's row: {@code import}
     * @param summary the batch's row's "after": what was done, how many of each outcome
     */
    public BatchRecorder batch(Actor actor, String action, Object summary, List<Change> changes) {
        String summaryText = text(summary);
        return tx -> {
            insert(tx, actor, action, action, null, null, summaryText);
            for (int from = 0; from < changes.size(); from += CHUNK) {
                var rows = tx.insertInto(AUDIT_LOG, AUDIT_LOG.ACTOR_USER_ID, AUDIT_LOG.ACTOR_LOGIN, AUDIT_LOG.ACTION,
                        AUDIT_LOG.ENTITY, AUDIT_LOG.ENTITY_ID, AUDIT_LOG.BEFORE_STATE, AUDIT_LOG.AFTER_STATE,
                        AUDIT_LOG.ADDRESS);
                for (Change c : changes.subList(from, Math.min(changes.size(), from + CHUNK))) {
                    rows = rows.values(actor.userId(), clip(actor.login(), 64), c.action(), c.entity(), c.entityId(),
                            text(c.before()), text(c.after()), clip(actor.address(), 64));
                }
                rows.execute();
            }
        };
    }

    /**
     * One thing a batch changed.
     *
     * @param action {@code create}, {@code update}...
     * @param before null when created
     */
    public record Change(String action, String entity, long entityId, Object before, Object after) {
    }

    /**
     * A row for something done outside the administration (a supervisor listening to an operator's call): written at
     * once, on its own.
     *
     * @param after what was done, as JSON
     * @throws RuntimeException when the database does not take it
     */
    public void record(Actor actor, String action, String entity, Long entityId, Object after) {
        insert(dsl, actor, action, entity, entityId, null, text(after));
    }

    @Override
    public void loggedIn(long userId, String login, String address) {
        writeQuietly(new Actor(userId, login, address), "login", null);
    }

    @Override
    public void loginFailed(Long userId, String login, String address, String reason) {
        writeQuietly(new Actor(userId, clip(login, 64), address), "login-failed", text(Map.of("reason", reason)));
    }

    /** Rows newest first. */
    public Found<AuditEntry> search(AuditQuery query) {
        Condition where = DSL.noCondition();
        if (query.from() != null) {
            where = where.and(AUDIT_LOG.AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where = where.and(AUDIT_LOG.AT.lt(query.to().atOffset(ZoneOffset.UTC)));
        }
        if (query.actor() != null) {
            where = where.and(AUDIT_LOG.ACTOR_LOGIN.eq(query.actor()));
        }
        if (query.entity() != null) {
            where = where.and(AUDIT_LOG.ENTITY.eq(query.entity()));
        }
        if (query.entityId() != null) {
            where = where.and(AUDIT_LOG.ENTITY_ID.eq(query.entityId()));
        }
        int total = dsl.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> rows = dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                .offset(query.offset()).limit(query.limit()).fetch(AuditLog::entry);
        return new Found<>(rows, total);
    }

    private void writeQuietly(Actor actor, String action, String after) {
        try {
            insert(dsl, actor, action, LOGIN, actor.userId(), null, after);
        } catch (RuntimeException e) {
            log.warn("Cannot write the audit row of {} for {} from {}: {}", action, actor.login(), actor.address(),
                    e.toString());
        }
    }

    private static void insert(DSLContext ctx, Actor actor, String action, String entity, Long entityId,
                               String before, String after) {
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR_USER_ID, actor.userId())
                .set(AUDIT_LOG.ACTOR_LOGIN, clip(actor.login(), 64))
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE_STATE, before)
                .set(AUDIT_LOG.AFTER_STATE, after)
                .set(AUDIT_LOG.ADDRESS, clip(actor.address(), 64))
                .execute();
    }

    private String text(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static AuditEntry entry(AuditLogRecord r) {
        return new AuditEntry(r.getId(), r.getAt().toInstant(), r.getActorUserId(), r.getActorLogin(), r.getAction(),
                r.getEntity(), r.getEntityId(), r.getBeforeState(), r.getAfterState(), r.getAddress());
    }
}
