/**
 * The Administration window, for admins only: users, dealers, companies, lines and teams (each a searchable list paged
 * and sorted on the server, beside an editor built on {@link dev.zvonok.app.admin.EntityEditorViewModel}), the import
 * and export of the directory, and the audit log. The screens talk to the server only through
 * {@link dev.zvonok.app.admin.Administration}; the server refuses non-admins anyway.
 */
package dev.zvonok.app.admin;
