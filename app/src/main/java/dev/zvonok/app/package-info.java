/**
 * The operator's desktop app (JavaFX). The call card, history and settings screens arrive with the desktop issue;
 * the module already builds against the shared wire contract so that the contract stays honest from day one.
 */
package dev.zvonok.app;
