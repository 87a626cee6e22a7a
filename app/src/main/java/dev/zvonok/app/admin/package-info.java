/**
 * The Administration window, for admins only: users (a searchable list paged on the server and an editor), the import
 * and export of the directory, and read-only lists of dealers, companies, lines, teams and the audit log. The screens
 * talk to the server only through {@link dev.zvonok.app.admin.Administration}; the server refuses non-admins anyway.
 */
package dev.zvonok.app.admin;
