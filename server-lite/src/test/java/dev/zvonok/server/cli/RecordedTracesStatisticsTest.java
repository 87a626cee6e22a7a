package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The statistics of every recording of a real Asterisk (both sets), replayed through the whole server, equal figures
 * worked out by hand from the recording's ground truth (its README) and its own clock: transfers, queues, ring
 * groups, pickups and voicemail counted right — a transferred call once, answered elsewhere nobody's miss, a pickup the
 * picker's answer.
 *
 * <p><b>Times.</b> Every time in the comments is {@code t}, the recording's own clock: {@code t_ms} of the event's
 * row in its {@code .timing.tsv} (ms since the recorder connected). The server dates a call by the PBX's clock, the
 * {@code Timestamp} Asterisk adds to every event with {@code timestampevents = yes}, and by its own receive time only
 * without one. The recordings were made without it, so a replay at 10x would compress every duration tenfold and add
 * the scheduler's jitter; instead the replay stamps each event with the {@code Timestamp} Asterisk would have sent
 * ({@link TraceTimeline#withPbxTimestamps}), and every duration is the recording's own, to the millisecond. Hence
 * the tolerance of ASA: half a millisecond, for the arithmetic of doubles only.
 *
 * <p><b>Which event marks what</b> (README, "How to read the events"): a call starts with its first leg's
 * {@code Newchannel}; an operator answers when their phone's leg goes {@code Newstate Up} (with {@code DialEnd
 * ANSWER} in the same millisecond, or a millisecond after; a pickup: the {@code Pickup}); an operator's part ends
 * with their leg's {@code Hangup}, or with the {@code BlindTransfer}/{@code AttendedTransfer} that passes the call on;
 * a missed call's wait ends when the last phone stops ringing; a call ends with its last leg's {@code Hangup}.
 * Talk is rounded to whole seconds as the API gives it: per operator from their parts' milliseconds, in the summary
 * from the sum of every part's milliseconds. The table's replays finish no card, so wrap-up is absent: 0 s, no AHT
 * (the calls ended seconds ago, under the 30 min cap that would count an open card as wrap-up); two tests of their own
 * finish a card, and leave one open past the cap. Hold is left to the work-figures tests.
 *
 * <p>13-resync-coreshowchannels-status is not here: its two calls began before the recording, so no figure of
 * theirs (start, ASA, wait) can be worked out from it.
 */
class RecordedTracesStatisticsTest {

    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();
    private static final Inbound NO_INBOUND = new Inbound(0, 0, 0, 0, 0, 0, null, null, 0);

    /** Per recording, its figures by hand. */
    static final List<Truth> TRUTH = List.of(
            // 01: 89271390907 → DID 777. Caller leg Newchannel t=1004; 777 answers (SIP/777 Up, DialEnd ANSWER)
            // t=4007; the caller hangs up, last Hangup t=9011.
            // ASA = 4007 − 1004 = 3003 ms ≤ 20 s: service level 1/1; longest wait round(3.003 s) = 3 s.
            // Talk (777) = 9011 − 4007 = 5004 ms → 5 s.
            new Truth("01-inbound-answered-caller-hangup",
                    new Inbound(1, 1, 0, 0, 0, 0, 3.003, 1.0, 3), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 5004)),
            // 02: → 777, nobody answers; Newchannel t=1003, Dial timeout DialEnd NOANSWER and both Hangups t=7010.
            // Missed; service level 0 answered / (1 − 0 short abandons) = 0; longest wait 7010 − 1003 = 6007 ms → 6.
            // Not called back (no later answered call with 89271390907): 1 pending. 777's offer missed.
            new Truth("02-inbound-no-answer",
                    new Inbound(1, 0, 1, 0, 0, 0, null, 0.0, 6), 0, 0, 0, 0, 0, 1,
                    op("ivanov", 1, 0, 1, 0, 0, 0, 0)),
            // 03: → 777, the phone answers 486 at t=3507 (DialEnd BUSY, Hangups cause 17): busy, in the service
            // level's denominator (0/1 = 0), no wait counted (neither answered nor missed nor abandoned: 0), not a
            // call-back (only missed and abandoned are). 777's offer is rejected: an offer, not a miss.
            new Truth("03-inbound-busy-rejected",
                    new Inbound(1, 0, 0, 0, 1, 0, null, 0.0, 0), 0, 0, 0, 0, 0, 0,
                    op("ivanov", 1, 0, 0, 0, 0, 0, 0)),
            // 04: → 777, the caller CANCELs while it rings: Newchannel t=1003, caller's Hangup t=4503.
            // Abandoned after 3500 ms < 5 s: a short abandon, so the service level is 0 / (1 − 1): none;
            // longest wait round(3.5 s) = 4 s; abandon rate 1/1; 1 call-back pending. 777's offer: not a miss.
            new Truth("04-inbound-caller-abandons-ringing",
                    new Inbound(1, 0, 0, 1, 0, 0, null, null, 4), 0, 0, 0, 0, 0, 1,
                    op("ivanov", 1, 0, 0, 0, 0, 0, 0)),
            // 05: queue support, ringall 777 + 888. Newchannel t=1002; 888 answers t=4016 (777 cancelled, cause 26:
            // answered elsewhere); 888 hangs up, Hangups t=9018.
            // ASA = 4016 − 1002 = 3014 ms (queue wait included); longest wait 3 s; talk (888) 9018 − 4016 = 5002 ms.
            new Truth("05-inbound-queue-answered-by-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 3.014, 1.0, 3), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0),
                    op("petrov", 1, 1, 0, 0, 0, 0, 5002)),
            // 06: ring group 777 & 888. Newchannel t=1002; 777 answers t=4006 (888 cancelled, cause 26); 777 hangs
            // up t=8008 (its Hangup), the caller leg t=8009.
            // ASA = 4006 − 1002 = 3004 ms; talk (777) = 8008 − 4006 = 4002 ms → 4 s.
            new Truth("06-inbound-ringgroup-777-answers",
                    new Inbound(1, 1, 0, 0, 0, 0, 3.004, 1.0, 3), 0, 0, 0, 0, 4, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4002),
                    op("petrov", 1, 0, 0, 1, 0, 0, 0)),
            // 07: → 777, blind transfer to 888. Newchannel t=1002; 777 answers t=3505; BlindTransfer t=6507 ends
            // 777's part; 888 answers t=9512; the caller hangs up, Hangups t=13515. One call, two parts.
            // ASA = 3505 − 1002 = 2503 ms; 777: 6507 − 3505 = 3002 ms (out 1); 888: 13515 − 9512 = 4003 ms (in 1);
            // talk = round((3002 + 4003) / 1000) = 7 s.
            new Truth("07-inbound-blind-transfer-777-to-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.503, 1.0, 3), 0, 0, 0, 0, 7, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 3002),
                    op("petrov", 1, 1, 0, 0, 1, 0, 4003)),
            // 08: → 777, attended transfer to 888. Newchannel t=1003; 777 answers t=3505; 888 answers the
            // consultation t=12393; 777 hangs up, completing it: AttendedTransfer t=15395; the caller hangs up t=19399.
            // ASA = 3505 − 1003 = 2502 ms; 777: 15395 − 3505 = 11890 ms (holding and consulting included);
            // 888: 19399 − 12393 = 7006 ms; talk = round(18896 / 1000) = 19 s (777 and 888 both worked the
            // 3002 ms of the consultation).
            new Truth("08-inbound-attended-transfer-777-to-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.502, 1.0, 3), 0, 0, 0, 0, 19, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 11890),
                    op("petrov", 1, 1, 0, 0, 1, 0, 7006)),
            // 09: click-to-call 777 → 89271390907: outbound, answered. 777's leg Up t=3005 (its DialEnd ANSWER
            // t=3006), the external party answers t=6009 and hangs up, Hangups t=11010.
            // 777's part: 11010 − 3005 = 8005 ms (from the operator's own answer) → 8 s. No inbound figures.
            new Truth("09-click-to-call-originate",
                    NO_INBOUND, 1, 1, 0, 0, 8, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 8005)),
            // 10: 777 → 888, internal: 888 answers t=4006, Hangup of 888's leg t=9011: 5005 ms → 5 s. The caller
            // 777 places it: only 888 has an offer.
            new Truth("10-internal-777-to-888",
                    NO_INBOUND, 0, 0, 1, 1, 5, 0,
                    op("petrov", 1, 1, 0, 0, 0, 0, 5005)),
            // 11: A +79991234567 → 777: Newchannel t=1002, answer t=3504, 777's Hangup t=9509;
            //     B 89271390907 → 888: Newchannel t=2503, answer t=5508, Hangups t=12511.
            // ASA = ((3504 − 1002) + (5508 − 2503)) / 2 = (2502 + 3005) / 2 = 2753.5 ms; longest round(3.005) = 3;
            // 777: 9509 − 3504 = 6005 ms; 888: 12511 − 5508 = 7003 ms; talk round(13008 / 1000) = 13 s.
            new Truth("11-two-overlapping-inbound",
                    new Inbound(2, 2, 0, 0, 0, 0, 2.7535, 1.0, 3), 0, 0, 0, 0, 13, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 6005),
                    op("petrov", 1, 1, 0, 0, 0, 0, 7003)),
            // 12: → 777: Newchannel t=1002, answer t=3506, (Hold t=5506, Unhold t=9507), 777's Hangup t=12508.
            // ASA = 3506 − 1002 = 2504 ms; 777's part 12508 − 3506 = 9002 ms → 9 s (talk includes the hold).
            new Truth("12-inbound-hold-resume",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.504, 1.0, 3), 0, 0, 0, 0, 9, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 9002)),
            // 14: queue sales, Local members (FreePBX). Newchannel t=1004; 777's phone SIP/777-0000005a Up t=4021
            // (DialEnd ANSWER t=4022); 888's member cancelled (26); the caller hangs up t=8026, 777's phone leg last
            // t=8028. ASA = 4021 − 1004 = 3017 ms; 777: 8028 − 4021 = 4007 ms → 4 s.
            new Truth("14-queue-local-members",
                    new Inbound(1, 1, 0, 0, 0, 0, 3.017, 1.0, 3), 0, 0, 0, 0, 4, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4007),
                    op("petrov", 1, 0, 0, 1, 0, 0, 0)),
            // 15 (login with read = call,agent): A → 777: Newchannel t=1004, answer t=4007, 777's Hangup t=9010;
            // B → queue support: Newchannel t=12213, 888 answers t=15223 (777 cancelled, 26), Hangups t=20224.
            // ASA = ((4007 − 1004) + (15223 − 12213)) / 2 = (3003 + 3010) / 2 = 3006.5 ms;
            // 777: 9010 − 4007 = 5003 ms, 2 offers (A answered, B elsewhere); 888: 20224 − 15223 = 5001 ms;
            // talk round(10004 / 1000) = 10 s.
            new Truth("15-restricted-manager-user",
                    new Inbound(2, 2, 0, 0, 0, 0, 3.0065, 1.0, 3), 0, 0, 0, 0, 10, 0,
                    op("ivanov", 2, 1, 0, 1, 0, 0, 5003),
                    op("petrov", 1, 1, 0, 0, 0, 0, 5001)),

            // Asterisk 22, chan_pjsip (pjsip/README.md, its ground-truth table P01-P18, Q1-Q2). The table's times
            // come from the SIP user agents' log, within 50 ms of the AMI events; the figures use the AMI events.
            // P01: → 777: Newchannel t=1015 (table: start 1.008), 777 Up t=3620 (3.619), Hangups t=9123 (9.122).
            // ASA = 3620 − 1015 = 2605 ms; talk 9123 − 3620 = 5503 ms → 6 s.
            new Truth("pjsip/01-pjsip-direct-answered-caller-hangup",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.605, 1.0, 3), 0, 0, 0, 0, 6, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 5503)),
            // P02: → 999, no answer: Newchannel t=1003, DialEnd NOANSWER and Hangups t=7011 (7.012).
            // Missed, longest wait 7011 − 1003 = 6008 ms → 6 s, 1 call-back pending; 999's offer missed.
            new Truth("pjsip/02-pjsip-direct-999-no-answer",
                    new Inbound(1, 0, 1, 0, 0, 0, null, 0.0, 6), 0, 0, 0, 0, 0, 1,
                    op("sidorov", 1, 0, 1, 0, 0, 0, 0)),
            // P03: → 777, 486 Busy Here t=2807: busy; as 03.
            new Truth("pjsip/03-pjsip-direct-777-busy",
                    new Inbound(1, 0, 0, 0, 1, 0, null, 0.0, 0), 0, 0, 0, 0, 0, 0,
                    op("ivanov", 1, 0, 0, 0, 0, 0, 0)),
            // P04: → 888, the caller CANCELs: Newchannel t=1003, Hangup t=4204 (4.203): abandoned after 3201 ms,
            // a short abandon (service level none), longest wait 3 s, 1 call-back pending.
            new Truth("pjsip/04-pjsip-caller-abandons-888-ringing",
                    new Inbound(1, 0, 0, 1, 0, 0, null, null, 3), 0, 0, 0, 0, 0, 1,
                    op("petrov", 1, 0, 0, 0, 0, 0, 0)),
            // P05: queue support: Newchannel t=1003, 888 Up t=4423 (4.422), 777 cancelled (26), Hangups t=9206.
            // ASA = 4423 − 1003 = 3420 ms; 888: 9206 − 4423 = 4783 ms → 5 s.
            new Truth("pjsip/05-pjsip-queue-answered-by-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 3.420, 1.0, 3), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0),
                    op("petrov", 1, 1, 0, 0, 0, 0, 4783)),
            // P06: ring group: Newchannel t=1003, 777 Up t=3908 (3.906), 888 cancelled (26), Hangups t=8110.
            // ASA = 3908 − 1003 = 2905 ms; 777: 8110 − 3908 = 4202 ms → 4 s.
            new Truth("pjsip/06-pjsip-ringgroup-777-answers",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.905, 1.0, 3), 0, 0, 0, 0, 4, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4202),
                    op("petrov", 1, 0, 0, 1, 0, 0, 0)),
            // P07: blind transfer by AMI: Newchannel t=1003, 777 Up t=3205 (3.204), BlindTransfer t=6707, 888 Up
            // t=9411 (9.410), Hangups t=13216 (13.213). ASA = 3205 − 1003 = 2202 ms → longest 2 s;
            // 777: 6707 − 3205 = 3502 ms → 4 s; 888: 13216 − 9411 = 3805 ms → 4 s; talk round(7307 / 1000) = 7 s.
            new Truth("pjsip/07-pjsip-blind-transfer-777-to-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.202, 1.0, 2), 0, 0, 0, 0, 7, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 3502),
                    op("petrov", 1, 1, 0, 0, 1, 0, 3805)),
            // P08: attended transfer by AMI: Newchannel t=1006, 777 Up t=3413 (3.411), 888 Up t=12402 (12.400),
            // AttendedTransfer t=15404, Hangups t=19607 (19.606). ASA = 3413 − 1006 = 2407 ms;
            // 777: 15404 − 3413 = 11991 ms → 12 s; 888: 19607 − 12402 = 7205 ms → 7 s; talk round(19196/1000) = 19.
            new Truth("pjsip/08-pjsip-attended-transfer-777-to-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.407, 1.0, 2), 0, 0, 0, 0, 19, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 11991),
                    op("petrov", 1, 1, 0, 0, 1, 0, 7205)),
            // P09: click-to-call 888 → 89099990109: outbound, answered; 888 Up t=3104 (3.103), Hangups t=11615
            // (11.615): 8511 ms → 9 s.
            new Truth("pjsip/09-pjsip-click-to-call-888",
                    NO_INBOUND, 1, 1, 0, 0, 9, 0,
                    op("petrov", 1, 1, 0, 0, 0, 0, 8511)),
            // P10: → 777's two devices, the softphone answers: one offer, answered. Newchannel t=1002, softphone Up
            // t=3807 (3.805), Hangups t=9410 (9.408). ASA 2805 ms; 777: 9410 − 3807 = 5603 ms → 6 s.
            new Truth("pjsip/10-pjsip-two-devices-softphone-answers",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.805, 1.0, 3), 0, 0, 0, 0, 6, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 5603)),
            // P11: → 777, 888 picks it up with *8: Newchannel t=1002, Pickup t=3524 (the table's 3.506 is the PBX
            // answering 888's *8, before the pickup), Hangups t=8828 (8.827). ASA = 3524 − 1002 = 2522 ms;
            // 888 answered 8828 − 3524 = 5304 ms → 5 s (an offer of its own); 777 answered elsewhere.
            new Truth("pjsip/11-pjsip-group-pickup-by-888",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.522, 1.0, 3), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0),
                    op("petrov", 1, 1, 0, 0, 0, 0, 5304)),
            // P12: → 999, 777 picks it up with **999: Newchannel t=1005, Pickup and DialEnd ANSWER t=3230 (table
            // 3.211: the PBX answering **999), Hangups t=7918 (7.919). ASA = 3230 − 1005 = 2225 ms → longest 2 s;
            // 777: 7918 − 3230 = 4688 ms → 5 s; 999 answered elsewhere.
            new Truth("pjsip/12-pjsip-directed-pickup-by-777",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.225, 1.0, 2), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4688),
                    op("sidorov", 1, 0, 0, 1, 0, 0, 0)),
            // P13: → reception with voicemail: Newchannel t=1009, 999 rings until DialEnd NOANSWER t=7015, then the
            // PBX answers for voicemail; the caller hangs up t=12019. Missed (no operator answered), 1 call-back
            // pending; longest wait = the ringing, 7015 − 1009 = 6006 ms → 6 s (not the 11 s of the whole call).
            new Truth("pjsip/13-pjsip-voicemail-after-no-answer",
                    new Inbound(1, 0, 1, 0, 0, 0, null, 0.0, 6), 0, 0, 0, 0, 0, 1,
                    op("sidorov", 1, 0, 1, 0, 0, 0, 0)),
            // P14: 999 → 777, internal: 777 Up t=3309 (3.308), Hangups t=7714 (7.711): 4405 ms → 4 s.
            new Truth("pjsip/14-pjsip-internal-999-to-777",
                    NO_INBOUND, 0, 0, 1, 1, 4, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4405)),
            // P16: as P10, the desk phone answers: Newchannel t=1003, desk Up t=3408 (3.407), Hangups t=8412
            // (8.410). ASA 2405 ms → longest 2 s; 777: 8412 − 3408 = 5004 ms → 5 s.
            new Truth("pjsip/16-pjsip-two-devices-desk-answers",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.405, 1.0, 2), 0, 0, 0, 0, 5, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 5004)),
            // P17: blind transfer by the phone (REFER): Newchannel t=1007, 777 Up t=3309 (3.308), BlindTransfer
            // t=6513, 888 Up t=9317 (9.316), Hangups t=13423 (13.421). ASA 2302 ms → longest 2 s;
            // 777: 6513 − 3309 = 3204 ms → 3 s; 888: 13423 − 9317 = 4106 ms → 4 s; talk round(7310 / 1000) = 7 s.
            new Truth("pjsip/17-pjsip-phone-blind-transfer-refer",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.302, 1.0, 2), 0, 0, 0, 0, 7, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 3204),
                    op("petrov", 1, 1, 0, 0, 1, 0, 4106)),
            // P18: attended transfer by the phone (REFER/Replaces), the consultation a call of its own Linkedid,
            // merged: Newchannel t=1002, 777 Up t=3111 (3.107), 888 answers the consultation t=9521 (9.520),
            // AttendedTransfer t=12535, Hangups t=16939 (16.938). ASA 2109 ms → longest 2 s;
            // 777: 12535 − 3111 = 9424 ms → 9 s; 888: 16939 − 9521 = 7418 ms → 7 s; talk round(16842 / 1000) = 17.
            new Truth("pjsip/18-pjsip-phone-attended-transfer-refer",
                    new Inbound(1, 1, 0, 0, 0, 0, 2.109, 1.0, 2), 0, 0, 0, 0, 17, 0,
                    op("ivanov", 1, 1, 0, 0, 0, 1, 9424),
                    op("petrov", 1, 1, 0, 0, 1, 0, 7418)),
            // Q1, Q2: queue sales, Local members ringing 777's two devices (one offer) and 888 (answered elsewhere).
            // Q1: Newchannel t=1004, 777's desk phone Up t=4033 (4.031), its Hangup t=8809 (8.805);
            // Q2: Newchannel t=10813 (10.812), 777's softphone Up t=13526 (13.524), its Hangup t=17730 (17.730).
            // ASA = ((4033 − 1004) + (13526 − 10813)) / 2 = (3029 + 2713) / 2 = 2871 ms; longest round(3.029) = 3;
            // 777: 2 offers, (8809 − 4033) + (17730 − 13526) = 4776 + 4204 = 8980 ms → 9 s, 4.490 s each.
            new Truth("pjsip/20-pjsip-local-queue-two-devices",
                    new Inbound(2, 2, 0, 0, 0, 0, 2.871, 1.0, 3), 0, 0, 0, 0, 9, 0,
                    op("ivanov", 2, 2, 0, 0, 0, 0, 8980),
                    op("petrov", 2, 0, 0, 2, 0, 0, 0)));

    /**
     * The number to call back, for the recordings with one pending (E.164 of the README's caller): the missed 02, P02
     * and P13 (voicemail), the abandoned 04 and P04.
     */
    static final Map<String, String> TO_CALL_BACK = Map.of(
            "02-inbound-no-answer", "+79271390907",
            "04-inbound-caller-abandons-ringing", "+79271390907",
            "pjsip/02-pjsip-direct-999-no-answer", "+79265550102",
            "pjsip/04-pjsip-caller-abandons-888-ringing", "+79035550104",
            "pjsip/13-pjsip-voicemail-after-no-answer", "+79605550113");

    /** The recordings whose calls came through a queue: the figures of that queue alone, by hand. */
    static final List<QueueTruth> QUEUES = List.of(
            // 05: its one call, through support: ASA 4016 − 1002 = 3014 ms; 777 answered elsewhere, 888 5002 ms
            new QueueTruth("05-inbound-queue-answered-by-888", "support", 1, 1, 3.014,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0), op("petrov", 1, 1, 0, 0, 0, 0, 5002)),
            // 14: through sales (Local members): ASA 4021 − 1004 = 3017 ms
            new QueueTruth("14-queue-local-members", "sales", 1, 1, 3.017,
                    op("ivanov", 1, 1, 0, 0, 0, 0, 4007), op("petrov", 1, 0, 0, 1, 0, 0, 0)),
            // 15: only call B came through support (A went straight to DID 777): ASA 15223 − 12213 = 3010 ms;
            // 777's one offer there answered elsewhere, 888 answered 20224 − 15223 = 5001 ms
            new QueueTruth("15-restricted-manager-user", "support", 1, 1, 3.010,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0), op("petrov", 1, 1, 0, 0, 0, 0, 5001)),
            // P05: support: ASA 4423 − 1003 = 3420 ms
            new QueueTruth("pjsip/05-pjsip-queue-answered-by-888", "support", 1, 1, 3.420,
                    op("ivanov", 1, 0, 0, 1, 0, 0, 0), op("petrov", 1, 1, 0, 0, 0, 0, 4783)),
            // Q1, Q2: sales, both calls: ASA (3029 + 2713) / 2 = 2871 ms
            new QueueTruth("pjsip/20-pjsip-local-queue-two-devices", "sales", 2, 2, 2.871,
                    op("ivanov", 2, 2, 0, 0, 0, 0, 8980), op("petrov", 2, 0, 0, 2, 0, 0, 0)));

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    @Test
    void everyRecordingButTheResyncOneHasItsFiguresByHand() {
        assertThat(TRUTH).extracting(Truth::trace).containsExactlyInAnyOrderElementsOf(LiveDeliveryTest.TRACES);
    }

    @ParameterizedTest
    @FieldSource("TRUTH")
    void theFiguresOfEveryRecordingAreThoseWorkedOutByHand(Truth truth) throws Exception {
        String days = replay(truth.trace(), truth.calls());

        JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + days);
        Inbound in = truth.inbound();
        assertThat(counts(summary.get("inbound"), "total", "answered", "missed", "abandoned", "busy", "failed"))
                .as("inbound").isEqualTo(List.of(in.total(), in.answered(), in.missed(), in.abandoned(), in.busy(),
                        in.failed()));
        assertThat(rate(summary, "/inbound/acceptanceRate")).as("acceptance rate").isEqualTo(in.acceptanceRate());
        assertThat(rate(summary, "/inbound/abandonRate")).as("abandon rate").isEqualTo(in.abandonRate());
        if (in.asaSeconds() == null) {
            assertThat(summary.at("/inbound/asaSeconds").isNull()).as("no ASA without an answer").isTrue();
        } else {
            assertThat(summary.at("/inbound/asaSeconds").asDouble()).as("ASA")
                    .isCloseTo(in.asaSeconds(), within(0.0005));
        }
        assertThat(rate(summary, "/inbound/serviceLevel")).as("service level").isEqualTo(in.serviceLevel());
        assertThat(summary.at("/inbound/longestWaitSeconds").asLong()).as("longest wait")
                .isEqualTo(in.longestWaitSeconds());
        assertThat(counts(summary.get("outbound"), "total", "answered")).as("outbound")
                .isEqualTo(List.of(truth.outbound(), truth.outboundAnswered()));
        assertThat(counts(summary.get("internal"), "total", "answered")).as("internal")
                .isEqualTo(List.of(truth.internal(), truth.internalAnswered()));
        assertThat(summary.get("talkSeconds").asLong()).as("talk").isEqualTo(truth.talkSeconds());
        assertThat(summary.get("wrapupSeconds").asLong()).as("no card finished: no wrap-up").isZero();
        assertThat(summary.get("ahtSeconds").isNull()).as("no card finished: no AHT").isTrue();
        assertThat(summary.at("/callbacks/pending").asLong()).as("not called back")
                .isEqualTo(truth.callbacksPending());
        List<String> toCallBack = new ArrayList<>();
        replayed.http().json("admin", "/api/stats/callbacks?" + days).get("items")
                .forEach(item -> toCallBack.add(NUMBERS.normalize(item.get("number").asText())));
        assertThat(toCallBack).as("the numbers to call back").isEqualTo(
                TO_CALL_BACK.containsKey(truth.trace()) ? List.of(TO_CALL_BACK.get(truth.trace())) : List.of());

        Map<String, String> operators = new TreeMap<>();
        replayed.http().json("admin", "/api/stats/operators?" + days).get("operators")
                .forEach(o -> operators.put(o.get("login").asText(), figures(o)));
        assertThat(operators).as("operators").isEqualTo(truth.operators());
    }

    @ParameterizedTest
    @FieldSource("QUEUES")
    void eachQueueHasTheFiguresOfTheCallsThatCameThroughIt(QueueTruth truth) throws Exception {
        String days = replay(truth.trace(), TRUTH.stream().filter(t -> t.trace().equals(truth.trace()))
                .findFirst().orElseThrow().calls());
        String query = days + "&queue=" + truth.queue();

        JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + query);
        assertThat(counts(summary.get("inbound"), "total", "answered")).as("inbound")
                .isEqualTo(List.of(truth.total(), truth.answered()));
        assertThat(summary.at("/inbound/asaSeconds").asDouble()).as("ASA")
                .isCloseTo(truth.asaSeconds(), within(0.0005));
        Map<String, String> operators = new TreeMap<>();
        replayed.http().json("admin", "/api/stats/operators?" + query).get("operators")
                .forEach(o -> operators.put(o.get("login").asText(), figures(o)));
        assertThat(operators).as("operators").isEqualTo(truth.operators());
    }

    /**
     * 01 again, its PBX clock set a minute back, and Иванов finishes the card: wrap-up = his "Finish and close" (the
     * server's clock, as it answered) − the call's end (t=9011, 9009 ms after the events-on response at t=2).
     */
    @Test
    void wrapUpRunsFromTheCallsEndToFinishAndClose() throws Exception {
        Instant zero = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant end = zero.plusMillis(9011 - 2);
        try (OperatorClient ivanov = replayed.server().operator("ivanov")) {
            String days = replay("01-inbound-answered-caller-hangup", 1, zero);
            String callId = ivanov.await(ServerMessage.IncomingCall.class).callId();
            ivanov.await(ServerMessage.CallEnded.class);

            ivanov.send(new ClientMessage.FinishCall("f1", callId));
            Instant finished = ivanov.await(ServerMessage.CallFinished.class).finishedAt();
            long wrapUpMs = Duration.between(end, finished).toMillis();
            assertThat(wrapUpMs).as("finished after the call ended, under the 30 min cap")
                    .isBetween(50_000L, 1_800_000L);

            JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + days);
            assertThat(summary.get("wrapupSeconds").asLong()).isEqualTo(Math.round(wrapUpMs / 1000.0));
            // AHT = (talk 5004 ms + wrap-up) ÷ 1 answered part
            assertThat(summary.get("ahtSeconds").asDouble()).isCloseTo((5004 + wrapUpMs) / 1000.0, within(0.0015));
            assertThat(summary.at("/inbound/ahtSeconds").asDouble())
                    .isCloseTo((5004 + wrapUpMs) / 1000.0, within(0.0015));
            JsonNode operator = replayed.http().json("admin", "/api/stats/operators?" + days).get("operators").get(0);
            assertThat(operator.get("wrapupSeconds").asLong()).isEqualTo(Math.round(wrapUpMs / 1000.0));
        }
    }

    /** 01 with its PBX clock 40 minutes back, the card never finished: past the 30 min cap, wrap-up is the cap. */
    @Test
    void aCardLeftOpenPastTheCapCountsTheCap() throws Exception {
        String days = replay("01-inbound-answered-caller-hangup", 1,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(40)));

        JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + days);
        assertThat(summary.get("wrapupSeconds").asLong()).isEqualTo(1800);
        // AHT = (talk 9011 − 4007 = 5004 ms + 1,800,000 ms) ÷ 1 = 1805.004 s
        assertThat(summary.get("ahtSeconds").asDouble()).isCloseTo(1805.004, within(0.0005));
        assertThat(summary.at("/inbound/ahtSeconds").asDouble()).isCloseTo(1805.004, within(0.0005));
    }

    /**
     * Plays a recording stamped with the PBX's clock from now on, waits for its calls in the database; the days they
     * fall on, as a query.
     */
    private String replay(String trace, int calls) {
        return replay(trace, calls, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The same, the PBX's clock showing {@code zero} when the recorder switched events on. */
    private String replay(String trace, int calls, Instant zero) {
        return replayed.playStamped(trace, zero, all -> true, calls);
    }

    private static List<Long> counts(JsonNode node, String... names) {
        return Arrays.stream(names).map(name -> node.get(name).asLong()).toList();
    }

    /** A share; null when the API gives none (nothing to divide by). */
    private static Double rate(JsonNode summary, String pointer) {
        JsonNode value = summary.at(pointer);
        return value.isNull() || value.isMissingNode() ? null : value.asDouble();
    }

    private static String figures(JsonNode operator) {
        return "offers=" + operator.get("offers").asLong() + " answered=" + operator.get("answered").asLong()
                + " missed=" + operator.get("missed").asLong() + " elsewhere="
                + operator.get("answeredElsewhere").asLong() + " in=" + operator.get("transfersIn").asLong()
                + " out=" + operator.get("transfersOut").asLong() + " talk=" + operator.get("talkSeconds").asLong()
                + " avgTalk=" + (operator.get("avgTalkSeconds").isNull() ? "none"
                        : String.format(Locale.ROOT, "%.3f", operator.get("avgTalkSeconds").asDouble()));
    }

    /** An operator's figures: their parts' talk in ms, shown as the API rounds it (whole s, average to the ms). */
    private static Map.Entry<String, String> op(String login, int offers, int answered, int missed, int elsewhere,
                                                int transfersIn, int transfersOut, long talkMs) {
        return Map.entry(login, "offers=" + offers + " answered=" + answered + " missed=" + missed
                + " elsewhere=" + elsewhere + " in=" + transfersIn + " out=" + transfersOut
                + " talk=" + Math.round(talkMs / 1000.0)
                + " avgTalk=" + (answered == 0 ? "none"
                        : String.format(Locale.ROOT, "%.3f", talkMs / 1000.0 / answered)));
    }

    /** The inbound figures; acceptance and abandon rates follow from the counts (answered or abandoned ÷ total). */
    record Inbound(long total, long answered, long missed, long abandoned, long busy, long failed,
                   Double asaSeconds, Double serviceLevel, long longestWaitSeconds) {

        Double acceptanceRate() {
            return total == 0 ? null : (double) answered / total;
        }

        Double abandonRate() {
            return total == 0 ? null : (double) abandoned / total;
        }
    }

    record QueueTruth(String trace, String queue, long total, long answered, double asaSeconds,
                      Map<String, String> operators) {

        @SafeVarargs
        QueueTruth(String trace, String queue, long total, long answered, double asaSeconds,
                   Map.Entry<String, String>... operators) {
            this(trace, queue, total, answered, asaSeconds, Arrays.stream(operators).collect(Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        }

        @Override
        public String toString() {
            return trace + " " + queue;
        }
    }

    record Truth(String trace, Inbound inbound, long outbound, long outboundAnswered, long internal,
                 long internalAnswered, long talkSeconds, long callbacksPending, Map<String, String> operators) {

        @SafeVarargs
        Truth(String trace, Inbound inbound, long outbound, long outboundAnswered, long internal,
              long internalAnswered, long talkSeconds, long callbacksPending,
              Map.Entry<String, String>... operators) {
            this(trace, inbound, outbound, outboundAnswered, internal, internalAnswered, talkSeconds,
                    callbacksPending, Arrays.stream(operators).collect(Collectors.toMap(Map.Entry::getKey,
                            Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        }

        int calls() {
            return (int) (inbound.total() + outbound + internal);
        }

        @Override
        public String toString() {
            return trace;
        }
    }
}
