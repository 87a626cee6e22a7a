/**
 * The click-to-call failures ({@code dial-failed}) no app of their user has acknowledged yet: the rules that keep and
 * bound them (in the delivery thread's memory) and their table {@code kept_dial_failures}, which a restart keeps.
 */
package dev.zvonok.server.dialfailures;
