/**
 * The PBX's queues for the supervisors' board: who waits in which queue, since when, and which members (operators)
 * are in which state, paused or not.
 *
 * <ul>
 *   <li>{@link dev.zvonok.server.queues.QueueTracker}: pure; {@link dev.zvonok.server.queues.QueueEvent}s in,
 *       {@code List<BoardQueue>} out, a change listener and a listener for pauses made on the PBX (a feature code
 *       on the phone).</li>
 *   <li>{@link dev.zvonok.server.queues.QueueEventMapper}: asterisk-java's queue events to
 *       {@link dev.zvonok.server.queues.QueueEvent}s.</li>
 *   <li>{@link dev.zvonok.server.queues.AmiQueueTracking}: the tracker fed from the live
 *       {@link dev.zvonok.server.ami.AmiConnection}, rebuilt by {@code QueueStatus} after every (re)connect.</li>
 *   <li>{@link dev.zvonok.server.queues.AmiQueuePauser}: {@code QueuePause} of all of an operator's member
 *       interfaces ({@link dev.zvonok.server.queues.QueuePauser}).</li>
 *   <li>{@link dev.zvonok.server.queues.MemberInterfaces} and {@link dev.zvonok.server.queues.QueueDirectory}: which
 *       operator a member interface is ({@code zvonok.queues.member-interfaces}), and who a waiting caller is.</li>
 * </ul>
 *
 * <pre>{@code
 * QueueTracker tracker = new QueueTracker(InstantSource.system(), QueueDirectory.of(directory),
 *         config.queueMemberInterfaces(), countersByQueue)
 *         .onChange(changedQueues -> board.queuesChanged(changedQueues))
 *         .onMemberPause(pause -> workStatus.pausedOnPhone(pause.userId(), pause.paused(), pause.reason()));
 * AmiQueueTracking queues = new AmiQueueTracking(tracking.connection(), tracker, clock).start();
 * AmiQueuePauser pauser = new AmiQueuePauser(tracking.connection(), tracker);
 * }</pre>
 */
package dev.zvonok.server.queues;
