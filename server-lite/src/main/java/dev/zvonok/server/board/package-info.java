/**
 * The supervisors' live board: every operator's state and calls ({@link dev.zvonok.server.board.OperatorStates},
 * pure), the queues and today's counters through the seams the queue and statistics sides plug into
 * ({@link dev.zvonok.server.board.QueueSource}, {@link dev.zvonok.server.board.TodayCountersSource}), scoped per
 * viewer ({@link dev.zvonok.server.board.BoardScope}) and delivered as a snapshot and coalesced, versioned changes
 * ({@link dev.zvonok.server.board.Board}).
 */
package dev.zvonok.server.board;
