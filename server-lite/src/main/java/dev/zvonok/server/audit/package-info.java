/**
 * The audit log: every change made through the administration (who, when, what, before and after, from where) and
 * every login and failed login, in the {@code audit_log} table; and the searches of it.
 */
package dev.zvonok.server.audit;
