/**
 * The simulated PBX: generates calls of every recorded shape as AMI event timelines of the same form as a real
 * Asterisk 20 (same events and fields in the same order, fresh ids, new times), for the demo, load benchmarks and
 * tests.
 *
 * <h2>How a call is made</h2>
 * <ul>
 *   <li>A {@link dev.zvonok.server.sim.Shape} is one call of a recording ({@code /ami-traces/NN-name.ami}), cut into
 *       <em>bursts</em> of events separated by idle gaps of at least 400 ms, the named
 *       {@link dev.zvonok.server.sim.Wait waits} (ring, talk, hold...). Its parties are
 *       {@link dev.zvonok.server.sim.Role roles} bound to the recording's tokens ({@code 777}, {@code 89271390907}).</li>
 *   <li>{@link dev.zvonok.server.sim.ShapeLibrary} compiles each recording once: every field value becomes literal
 *       text, text with holes (ids, parties), or a time tied to the recorded instants it is about.</li>
 *   <li>A {@link dev.zvonok.server.sim.CallSpec} chooses parties and waits; {@link dev.zvonok.server.sim.PbxSimulator}
 *       turns it into a {@link dev.zvonok.server.sim.SimulatedCall}: events inside a burst keep their recorded ms
 *       spacing, RTCP reports inside a wait keep their relative place in it, party tokens are replaced wherever they
 *       stand as whole tokens, and every Uniqueid, channel sequence, bridge UUID and SIP Call-ID is replaced by a
 *       fresh one (the same old id by the same new one). Times and durations in fields ({@code EventTV}, CDR times
 *       and durations, {@code HoldTime}/{@code TalkTime}, {@code ANSWEREDTIME}..., Uniqueid epochs) are the recorded
 *       value moved by as much as the new timeline moved the instants it measures, so the recording's own parameters
 *       give its values back exactly.</li>
 * </ul>
 *
 * <h2>Uses</h2>
 * <ul>
 *   <li>Tests: {@code simulator.call(CallSpec.of(Shape.QUEUE_ANSWERED).operator("1001"), 0).messages()}, and
 *       {@link dev.zvonok.server.sim.ShapeLibrary#reproduction(String)} for the parameters that rebuild a recording.</li>
 *   <li>The demo: {@link dev.zvonok.server.sim.DemoScenario}, endless rounds of five calls.</li>
 *   <li>Benchmarks: {@link dev.zvonok.server.sim.LoadGenerator}, Poisson arrivals over many operators, lazily
 *       merged so that memory holds only the calls in progress.</li>
 *   <li>Click-to-call: {@link dev.zvonok.server.sim.PbxSimulator#originate} answers an AMI Originate.</li>
 *   <li>A restricted login's view ({@code read=call,agent}): {@link dev.zvonok.server.sim.EventClasses}.</li>
 * </ul>
 */
package dev.zvonok.server.sim;
