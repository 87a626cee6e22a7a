package dev.zvonok.app.main;

/** The tabs of the main window. */
public enum MainTab { HISTORY, MISSED, BOARD }
