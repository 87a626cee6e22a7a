/**
 * Zvonok's own AMI server: a stand-in for an Asterisk 20 PBX (or 22, {@link dev.zvonok.server.pbx.AsteriskIdentity})
 * that speaks the manager protocol byte for byte as the real one does, and plays recorded or generated event
 * timelines to its clients. Used by tests, the demo, benchmarks and {@code ami-replay}.
 *
 * <ul>
 *   <li>{@link dev.zvonok.server.pbx.AmiEndpoint}: the TCP server, its sessions, {@code publish}, the
 *       {@link dev.zvonok.server.pbx.ChannelTable} and the test controls (drop connections, refuse them, await
 *       logins).</li>
 *   <li>{@link dev.zvonok.server.pbx.TimelinePlayer}: plays {@code List<TimedMessage>} timelines through
 *       {@code publish} at a {@link dev.zvonok.server.pbx.PlaybackSpeed}, merging timelines scheduled later.</li>
 *   <li>{@link dev.zvonok.server.pbx.TraceTimeline}: a recording of {@code /ami-traces} as a timeline plus the
 *       channels that were up when it started.</li>
 *   <li>{@link dev.zvonok.server.pbx.CallControl}: where a simulator makes Originate, Redirect, transfers and
 *       Hangup do something; the default only answers as Asterisk does.</li>
 *   <li>{@link dev.zvonok.server.pbx.PbxReplay}: endpoint and player wired together.</li>
 * </ul>
 *
 * <pre>{@code
 * try (PbxReplay replay = PbxReplay.start(AmiEndpoint.builder().port(5038), PlaybackSpeed.parse("2x"))) {
 *     Playback playback = replay.playAfterFirstLogin(
 *             TraceTimeline.of(AmiTrace.load(Path.of("13-resync-coreshowchannels-status.ami"))),
 *             Duration.ofSeconds(1));
 *     playback.finished().join();
 * }
 * }</pre>
 */
package dev.zvonok.server.pbx;
