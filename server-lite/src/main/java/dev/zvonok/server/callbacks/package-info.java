/**
 * Missed calls given to an operator to call back: the assignments (kept until the number is reached), their routes
 * for supervisors and admins, and the operator's own list.
 */
package dev.zvonok.server.callbacks;
