/**
 * The operator's main window: who is logged in, the live connection's state with "reconnect now", the history and
 * missed calls tabs, the keyboard shortcuts; closing it leaves the app running (tray or minimized).
 */
package dev.zvonok.app.main;
