/**
 * The administration's REST bodies ({@code /api/admin/...}): users with their phones and teams, dealers, companies,
 * lines, teams, the audit log; shared by server-lite and the desktop app. Requests carry what an admin types, as text:
 * the server checks it and answers a 400 that names the field, so that a form can point at it.
 */
package dev.zvonok.model.admin;
