/**
 * Statistics on the wire. The definitions live in one place (the server's statistics), so the live board's counters
 * and the reports never disagree.
 */
package dev.zvonok.model.stats;
