package dev.zvonok.server.sim;

import static dev.zvonok.server.sim.Role.CALLED_OPERATOR;
import static dev.zvonok.server.sim.Role.DID;
import static dev.zvonok.server.sim.Role.EXTERNAL_NUMBER;
import static dev.zvonok.server.sim.Role.OPERATOR;
import static dev.zvonok.server.sim.Role.OTHER_MEMBER;
import static dev.zvonok.server.sim.Role.TRANSFER_TARGET;
import static dev.zvonok.server.sim.Wait.CONSULT_TALK;
import static dev.zvonok.server.sim.Wait.HOLD;
import static dev.zvonok.server.sim.Wait.NO_ANSWER_TIMEOUT;
import static dev.zvonok.server.sim.Wait.OPERATOR_RING;
import static dev.zvonok.server.sim.Wait.RING;
import static dev.zvonok.server.sim.Wait.TALK;
import static dev.zvonok.server.sim.Wait.TALK_AFTER_HOLD;
import static dev.zvonok.server.sim.Wait.TARGET_RING;
import static dev.zvonok.server.sim.Wait.TARGET_TALK;
import static dev.zvonok.server.sim.Wait.TRANSFER_DIGIT_TIMEOUT;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of call the simulator can generate, each cut from one call of a real Asterisk 20 recording (see
 * {@code /work/shared/ami-traces/README.md}): its events, fields and order come from that call, its parties are
 * {@link Role roles} and its human time is a list of named {@link Wait waits}.
 */
public enum Shape {
    /** 01: the caller dials an operator's DID, the operator answers, the caller hangs up. */
    DIRECT_ANSWERED("01-inbound-answered-caller-hangup", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(RING, TALK)),
    /** 11, call B: as {@link #DIRECT_ANSWERED}, but the operator hangs up. */
    DIRECT_ANSWERED_OPERATOR_HANGS_UP("11-two-overlapping-inbound", 2,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "888"), List.of(RING, TALK)),
    /** 02: nobody answers; the dialplan's 6 s Dial timeout ends the call ({@code DialEnd NOANSWER}). */
    DIRECT_NO_ANSWER("02-inbound-no-answer", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(NO_ANSWER_TIMEOUT)),
    /** 03: the operator's phone rejects the call with 486 Busy Here. */
    DIRECT_BUSY("03-inbound-busy-rejected", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(RING)),
    /** 04: the caller gives up while the operator's phone rings. */
    DIRECT_ABANDONED("04-inbound-caller-abandons-ringing", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(RING)),
    /** 05: queue {@code support} (ringall, SIP members); the operator answers, the other member loses; the operator hangs up. */
    QUEUE_ANSWERED("05-inbound-queue-answered-by-888", 1,
            parties(EXTERNAL_NUMBER, "89271390907", DID, "74951234567", OPERATOR, "888", OTHER_MEMBER, "777"),
            List.of(RING, TALK)),
    /** 06: ring group {@code Dial(SIP/a&SIP/b)}; the operator answers, the other member loses; the operator hangs up. */
    RING_GROUP_ANSWERED("06-inbound-ringgroup-777-answers", 1,
            parties(EXTERNAL_NUMBER, "89271390907", DID, "74951234500", OPERATOR, "777", OTHER_MEMBER, "888"),
            List.of(RING, TALK)),
    /** 07: the operator answers, then blind-transfers (AMI BlindTransfer) to the target, who answers. */
    BLIND_TRANSFER("07-inbound-blind-transfer-777-to-888", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777", TRANSFER_TARGET, "888"),
            List.of(RING, TALK, TARGET_RING, TARGET_TALK)),
    /** 08: the operator answers, then does an attended transfer (AMI Atxfer: DTMF *2 and the target's digits). */
    ATTENDED_TRANSFER("08-inbound-attended-transfer-777-to-888", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777", TRANSFER_TARGET, "888"),
            List.of(RING, TALK, TRANSFER_DIGIT_TIMEOUT, TARGET_RING, CONSULT_TALK, TARGET_TALK)),
    /** 09: AMI Originate rings the operator, then dials the outside number; the outside party hangs up. */
    CLICK_TO_CALL("09-click-to-call-originate", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(OPERATOR_RING, RING, TALK)),
    /** 10: one operator calls another; the caller hangs up. */
    INTERNAL("10-internal-777-to-888", 1,
            parties(OPERATOR, "777", CALLED_OPERATOR, "888"), List.of(RING, TALK)),
    /** 12: the operator answers, holds the caller, resumes, and hangs up. */
    HOLD_RESUME("12-inbound-hold-resume", 1,
            parties(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777"), List.of(RING, TALK, HOLD, TALK_AFTER_HOLD)),
    /** 14: FreePBX-style queue {@code sales} whose members are {@code Local/ext@from-queue/n}; the caller hangs up. */
    QUEUE_LOCAL_MEMBERS("14-queue-local-members", 1,
            parties(EXTERNAL_NUMBER, "89271390907", DID, "74951234568", OPERATOR, "777", OTHER_MEMBER, "888"),
            List.of(RING, TALK));

    private final String trace;
    private final int callNumber;
    private final Map<Role, String> recordedParties;
    private final List<Wait> waits;

    Shape(String trace, int callNumber, Map<Role, String> recordedParties, List<Wait> waits) {
        this.trace = trace;
        this.callNumber = callNumber;
        this.recordedParties = recordedParties;
        this.waits = waits;
    }

    /** The recording this shape is cut from, e.g. {@code 01-inbound-answered-caller-hangup}. */
    public String trace() {
        return trace;
    }

    /** Which call of the recording (1 = the first Linkedid to appear). */
    public int callNumber() {
        return callNumber;
    }

    /** The shape's roles with the tokens the recording uses for them. */
    public Map<Role, String> recordedParties() {
        return recordedParties;
    }

    /** The shape's waits, in the order they happen. */
    public List<Wait> waits() {
        return waits;
    }

    public boolean has(Role role) {
        return recordedParties.containsKey(role);
    }

    public boolean has(Wait wait) {
        return waits.contains(wait);
    }

    /** The recorded call this shape is cut from. */
    public Recording recording() {
        return new Recording(trace, callNumber, this, recordedParties);
    }

    private static Map<Role, String> parties(Object... roleTokenPairs) {
        Map<Role, String> parties = new EnumMap<>(Role.class);
        for (int i = 0; i < roleTokenPairs.length; i += 2) {
            parties.put((Role) roleTokenPairs[i], (String) roleTokenPairs[i + 1]);
        }
        return Collections.unmodifiableMap(parties);
    }
}
