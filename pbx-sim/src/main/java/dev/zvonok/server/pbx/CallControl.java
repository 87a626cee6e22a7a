package dev.zvonok.server.pbx;

/**
 * What the PBX does about the actions that change calls: {@code Originate}, {@code Redirect}, {@code BlindTransfer},
 * {@code Atxfer} and {@code Hangup}. The endpoint handles everything else itself; a simulator plugs in here to make
 * calls happen.
 *
 * <p>An implementation answers through {@link CallControlRequest#respond} (exactly once; a late answer from another
 * thread is fine, as Asterisk answers a synchronous Originate only when the call is up), and may then publish the
 * events the action causes. Responding first keeps Asterisk's order: the client sees the Response before the events.
 * It is called on the client's reader thread, so long work belongs elsewhere.
 */
@FunctionalInterface
public interface CallControl {

    void handle(CallControlRequest request);
}
