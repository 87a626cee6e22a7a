/**
 * The supervisors' live board on the wire: who rings, talks, wraps up or is on a break, every queue's waiting callers
 * and today's counters. The server sends a whole {@link dev.zvonok.model.board.BoardSnapshot} first and then
 * {@link dev.zvonok.model.board.BoardChange}s, each naming the version it applies to, so a client that missed one
 * knows it and asks for a fresh snapshot instead of showing a board that is quietly wrong.
 */
package dev.zvonok.model.board;
