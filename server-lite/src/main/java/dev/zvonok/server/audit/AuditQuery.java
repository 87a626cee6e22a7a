package dev.zvonok.server.audit;

import java.time.Instant;

/**
 * Which audit rows to read, newest first.
 *
 * @param from   inclusive; null: from the start
 * @param to     exclusive; null: up to now
 * @param actor  the login of whoever acted (or tried to log in); null: anybody
 * @param entity {@code user}, {@code dealer}... or {@code login} for logins and failed logins; null: everything
 */
public record AuditQuery(Instant from, Instant to, String actor, String entity, Long entityId, int offset,
                         int limit) {
}
