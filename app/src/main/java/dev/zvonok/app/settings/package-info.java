/**
 * What the operator chooses (server, language, ring, card position, start at login, theme), where it is kept, and
 * the Settings pane; also the live language texts every screen binds to.
 */
package dev.zvonok.app.settings;
