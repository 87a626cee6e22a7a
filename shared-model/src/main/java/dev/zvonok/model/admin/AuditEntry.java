package dev.zvonok.model.admin;

import java.time.Instant;

/**
 * One row of the audit log ({@code GET /api/admin/audit}): who did what, when, from where.
 *
 * @param actorId    null when the user is gone, or for a failed login of an unknown login
 * @param actorLogin who acted, or the login a failed login attempt named
 * @param action     {@code create}, {@code update}, {@code deactivate}, {@code delete}, {@code password},
 *                   {@code login}, {@code login-failed}, {@code import}
 * @param entity     {@code user}, {@code dealer}, {@code company}, {@code line}, {@code team}, {@code login};
 *                   {@code import} for an import's own row (its kind and counts in {@code after}), whose users,
 *                   companies... have rows of their own
 * @param before     the thing as JSON before the change; null for a creation
 * @param after      the thing as JSON after the change; null for a deletion
 * @param address    the client's IP address
 */
public record AuditEntry(long id, Instant at, Long actorId, String actorLogin, String action, String entity,
                         Long entityId, String before, String after, String address) {
}
