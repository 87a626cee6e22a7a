package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Shapes generated with other parties and other waits: nothing of the recording's parties or ids is left over. */
class ShapeVariationTest {

    /** Every party token of every recording. */
    private static final Pattern OLD_TOKENS = Pattern.compile(
            "(?<![\\w+])(?:\\+79991234567|79991234567|89271390907|74951234567|74951234500|74951234568|777|888|999)(?!\\w)");
    private static final Map<Role, String> NEW_PARTIES = Map.of(
            Role.EXTERNAL_NUMBER, "+74959876543",
            Role.DID, "74950000042",
            Role.OPERATOR, "1001",
            Role.OTHER_MEMBER, "1002",
            Role.TRANSFER_TARGET, "345",
            Role.CALLED_OPERATOR, "1004");
    private static final Instant EPOCH = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final Set<String> TIME_KEYS = Set.of("EventTV", "SessionTV", "StartTime", "AnswerTime", "EndTime",
            "Duration", "BillableSeconds", "HoldTime", "RingTime", "TalkTime", "LastCall", "LoginTime", "SentNTP");

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    static CallSpec otherParties(Shape shape) {
        CallSpec spec = CallSpec.of(shape);
        for (Role role : shape.recordedParties().keySet()) {
            spec = spec.with(role, NEW_PARTIES.get(role));
        }
        return spec;
    }

    /** Each wait different from the recording and from the others: 1.7 s, 3.4 s, ... plus odd ms. */
    static Map<Wait, Duration> otherWaits(Shape shape) {
        Map<Wait, Duration> waits = new EnumMap<>(Wait.class);
        List<Wait> names = shape.waits();
        for (int i = 0; i < names.size(); i++) {
            waits.put(names.get(i), Duration.ofMillis((i + 1) * 17_000L + 13 * i + 7));
        }
        return waits;
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void noRecordedPartyIsLeft(Shape shape) {
        List<TimedMessage> call = new PbxSimulator(shapes, EPOCH, 1).call(otherParties(shape), 0).messages();
        for (TimedMessage timed : call) {
            for (int i = 0; i < timed.message().size(); i++) {
                assertThat(OLD_TOKENS.matcher(timed.message().valueAt(i)).find())
                        .as("%s: %s", timed.message().event(), timed.message().keyAt(i) + ": " + timed.message().valueAt(i))
                        .isFalse();
            }
        }
        String wire = ShapeFidelityTest.wire(call);
        for (Role role : shape.recordedParties().keySet()) {
            assertThat(wire).contains(NEW_PARTIES.get(role));
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void otherPartiesAndWaitsKeepTheRecordedCallsStructureAndIdUse(Shape shape) {
        List<TimedMessage> recorded = ShapeFidelityTest.recordedCall(shape);
        List<TimedMessage> generated = new PbxSimulator(shapes, EPOCH, 2)
                .call(otherParties(shape).withWaits(otherWaits(shape)), 5_000).messages();

        assertThat(ShapeFidelityTest.names(generated)).isEqualTo(ShapeFidelityTest.names(recorded));
        Map<String, String> backToRecorded = new HashMap<>();
        shape.recordedParties().forEach((role, token) -> backToRecorded.put(NEW_PARTIES.get(role), token));
        IdNormalizer recordedIds = new IdNormalizer(false);
        IdNormalizer generatedIds = new IdNormalizer(false);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(withoutTimes(generatedIds, rename(generated.get(i).message(), backToRecorded)))
                    .as("message %d", i)
                    .isEqualTo(withoutTimes(recordedIds, recorded.get(i).message()));
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void waitsAreAsChosen(Shape shape) {
        Map<Wait, Duration> waits = otherWaits(shape);
        SimulatedCall call = new PbxSimulator(shapes, EPOCH, 3).call(otherParties(shape).withWaits(waits), 1_234);
        List<Long> gaps = gaps(call.messages());
        assertThat(gaps).containsExactlyElementsOf(shape.waits().stream().map(w -> waits.get(w).toMillis()).toList());
        assertThat(call.waits()).isEqualTo(waits);
        assertThat(call.startMillis()).isEqualTo(1_234);
        assertThat(call.messages().get(0).atMillis()).isEqualTo(1_234);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void timesAndDurationsFollowTheNewTimeline(Shape shape) {
        Map<Wait, Duration> waits = otherWaits(shape);
        List<TimedMessage> call = new PbxSimulator(shapes, EPOCH, 4)
                .call(otherParties(shape).withWaits(waits), 60_000).messages();
        TimelineClock clock = new TimelineClock(EPOCH);
        Map<String, Long> uniqueidFirstSeen = new HashMap<>();
        for (TimedMessage timed : call) {
            AmiMessage message = timed.message();
            long wallMillis = clock.wallMillis(timed);
            String eventTv = message.get("EventTV");
            if (eventTv != null) {
                assertThat(TimelineClock.parseEventTv(eventTv)).as("EventTV").isBetween(wallMillis - 25, wallMillis);
            }
            String ntp = message.get("SentNTP");
            if (ntp != null) {
                assertThat((long) (Double.parseDouble(ntp) * 1000)).as("SentNTP").isBetween(wallMillis - 100, wallMillis + 100);
            }
            String lastCall = message.get("LastCall");
            if (lastCall != null && !lastCall.equals("0")) {
                assertThat(Long.parseLong(lastCall) * 1000).as("LastCall").isLessThanOrEqualTo(wallMillis);
            }
            String uniqueid = message.get("Uniqueid");
            if (uniqueid != null) {
                uniqueidFirstSeen.putIfAbsent(uniqueid, wallMillis);
            }
            if (message.isEvent("Cdr")) {
                checkCdr(message, wallMillis);
            }
            if (message.isEvent("VarSet")) {
                checkDialplanDuration(message);
            }
        }
        uniqueidFirstSeen.forEach((uniqueid, seenAt) -> assertThat(Long.parseLong(uniqueid.substring(0, 10)))
                .as("epoch part of %s", uniqueid)
                .isBetween(Math.floorDiv(seenAt - 25, 1000), Math.floorDiv(seenAt, 1000)));
    }

    @Test
    void queueDurationsAreTheChosenWaits() {
        for (Shape shape : List.of(Shape.QUEUE_ANSWERED, Shape.QUEUE_LOCAL_MEMBERS)) {
            List<TimedMessage> call = new PbxSimulator(shapes, EPOCH, 5).call(otherParties(shape)
                    .ring(Duration.ofMillis(12_345)).talk(Duration.ofMillis(98_765)), 0).messages();
            AmiMessage connect = only(call, "AgentConnect");
            AmiMessage complete = only(call, "AgentComplete");
            assertThat(Long.parseLong(connect.get("HoldTime"))).isEqualTo(12);
            assertThat(Long.parseLong(connect.get("RingTime"))).isEqualTo(12);
            assertThat(Long.parseLong(complete.get("HoldTime"))).isEqualTo(12);
            assertThat(Long.parseLong(complete.get("TalkTime"))).isEqualTo(98);
        }
    }

    @Test
    void directCallCdrAndDialplanDurationsAreTheChosenWaits() {
        List<TimedMessage> call = new PbxSimulator(shapes, EPOCH, 6).call(CallSpec.of(Shape.DIRECT_ANSWERED)
                .ring(Duration.ofMillis(7_500)).talk(Duration.ofMillis(61_200)), 0).messages();
        AmiMessage cdr = only(call, "Cdr");
        assertThat(List.of(cdr.get("StartTime"), cdr.get("AnswerTime"), cdr.get("EndTime"), cdr.get("Duration"),
                cdr.get("BillableSeconds")))
                // 05.678 + 2 ms burst + 7.5 s ring = 13.180; + 1 ms burst + 61.2 s talk = 74.381
                .containsExactly("2030-01-02 03:04:05", "2030-01-02 03:04:13", "2030-01-02 03:05:14", "68", "61");
        Map<String, String> variables = lastVariables(call);
        assertThat(Long.parseLong(variables.get("ANSWEREDTIME_MS"))).isBetween(61_190L, 61_210L);
        assertThat(variables.get("ANSWEREDTIME")).isEqualTo("61");
        assertThat(Long.parseLong(variables.get("DIALEDTIME_MS"))).isBetween(68_690L, 68_715L);
        assertThat(variables.get("DIALEDTIME")).isEqualTo("68");
    }

    @Test
    void attendedTransferDialsEveryDigitOfTheTarget() {
        List<TimedMessage> call = new PbxSimulator(shapes, EPOCH, 7)
                .call(CallSpec.of(Shape.ATTENDED_TRANSFER).with(Role.TRANSFER_TARGET, "10034"), 0).messages();
        List<String> digits = call.stream().filter(t -> t.message().isEvent("DTMFEnd"))
                .map(t -> t.message().get("Digit")).toList();
        assertThat(digits).containsExactly("*", "2", "1", "0", "0", "3", "4");
        List<Long> dtmfTimes = call.stream().filter(t -> t.message().isEvent("DTMFEnd"))
                .map(TimedMessage::atMillis).toList();
        assertThat(dtmfTimes).isSorted();
        Map<Wait, Duration> recorded = shapes.recordedWaits(Shape.ATTENDED_TRANSFER);
        assertThat(gaps(call)).containsExactlyElementsOf(
                Shape.ATTENDED_TRANSFER.waits().stream().map(w -> recorded.get(w).toMillis()).toList());
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void twoCallsOfOneSimulatorShareNoIdAndNoChannel(Shape shape) {
        PbxSimulator simulator = new PbxSimulator(shapes, EPOCH, 8);
        List<TimedMessage> first = simulator.call(CallSpec.of(shape), 0).messages();
        List<TimedMessage> second = simulator.call(CallSpec.of(shape), 0).messages();
        List<String> firstIds = ShapeFidelityTest.ids(first);
        assertThat(ShapeFidelityTest.ids(second)).doesNotContainAnyElementsOf(firstIds);
        assertThat(channels(second)).doesNotContainAnyElementsOf(channels(first));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void sameSeedSameBytes(Shape shape) {
        CallSpec spec = otherParties(shape).withWaits(otherWaits(shape));
        String once = ShapeFidelityTest.wire(new PbxSimulator(shapes, EPOCH, 42).call(spec, 10).messages());
        String again = ShapeFidelityTest.wire(new PbxSimulator(shapes, EPOCH, 42).call(spec, 10).messages());
        String otherSeed = ShapeFidelityTest.wire(new PbxSimulator(shapes, EPOCH, 43).call(spec, 10).messages());
        assertThat(again).isEqualTo(once);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    // ---- helpers

    /** Idle gaps of at least 400 ms between non-RTCP messages. */
    static List<Long> gaps(List<TimedMessage> call) {
        List<Long> gaps = new ArrayList<>();
        Long previous = null;
        for (TimedMessage timed : call) {
            if (timed.message().event().startsWith("RTCP")) {
                continue;
            }
            if (previous != null && timed.atMillis() - previous >= Bursts.MIN_GAP_MILLIS) {
                gaps.add(timed.atMillis() - previous);
            }
            previous = timed.atMillis();
        }
        return gaps;
    }

    private static void checkCdr(AmiMessage cdr, long arrivedAt) {
        long start = cdrSeconds(cdr.get("StartTime"));
        long end = cdrSeconds(cdr.get("EndTime"));
        long duration = Long.parseLong(cdr.get("Duration"));
        assertThat(end - start).as("CDR %s Duration", cdr.get("Channel")).isBetween(duration, duration + 1);
        assertThat(end * 1000).as("CDR EndTime").isLessThanOrEqualTo(arrivedAt);
        if (!cdr.get("AnswerTime").isEmpty()) {
            long answer = cdrSeconds(cdr.get("AnswerTime"));
            long billable = Long.parseLong(cdr.get("BillableSeconds"));
            assertThat(answer).isBetween(start, end);
            assertThat(end - answer).as("CDR %s BillableSeconds", cdr.get("Channel")).isBetween(billable, billable + 1);
        }
    }

    /** {@code X} and {@code X_MS} agree, whichever durations the dialplan reports. */
    private static void checkDialplanDuration(AmiMessage varSet) {
        String variable = varSet.get("Variable");
        String value = varSet.get("Value");
        if (variable.endsWith("TIME_MS") && !value.isEmpty()) {
            assertThat(Long.parseLong(value)).as(variable).isNotNegative();
        }
    }

    private static Map<String, String> lastVariables(List<TimedMessage> call) {
        Map<String, String> variables = new HashMap<>();
        call.stream().filter(t -> t.message().isEvent("VarSet") && !t.message().get("Value").isEmpty())
                .forEach(t -> variables.put(t.message().get("Variable"), t.message().get("Value")));
        return variables;
    }

    private static AmiMessage only(List<TimedMessage> call, String event) {
        List<AmiMessage> found = call.stream().map(TimedMessage::message).filter(m -> m.isEvent(event)).toList();
        assertThat(found).as(event).hasSize(1);
        return found.get(0);
    }

    private static long cdrSeconds(String value) {
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toEpochSecond(ZoneOffset.UTC);
    }

    private static Set<String> channels(List<TimedMessage> call) {
        Set<String> channels = new java.util.HashSet<>();
        call.forEach(t -> {
            String channel = t.message().get("Channel");
            if (channel != null) {
                channels.add(channel);
            }
        });
        return channels;
    }

    private static AmiMessage rename(AmiMessage message, Map<String, String> tokens) {
        Pattern pattern = Pattern.compile("(?<![\\w+])(?:" + String.join("|", tokens.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")(?!\\w)");
        return message.mapValues(value -> {
            Matcher matcher = pattern.matcher(value);
            return matcher.replaceAll(match -> Matcher.quoteReplacement(tokens.get(match.group())));
        });
    }

    private static String withoutTimes(IdNormalizer ids, AmiMessage message) {
        boolean durationVariable = message.isEvent("VarSet") && message.get("Variable").matches(
                "(ANSWEREDTIME|DIALEDTIME|RINGTIME|PROGRESSTIME|QUEUEWAIT)(_MS)?");
        AmiMessage masked = message.mapValues((key, value) -> TIME_KEYS.contains(key)
                || (durationVariable && key.equals("Value")) ? "<time>" : key.equals("Digit") ? "<digit>" : value);
        return ids.normalize(masked);
    }

    /** Wall-clock ms of a timeline message. */
    record TimelineClock(Instant epoch) {
        long wallMillis(TimedMessage timed) {
            return epoch.toEpochMilli() + timed.atMillis();
        }

        static long parseEventTv(String value) {
            return OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx"))
                    .toInstant().toEpochMilli();
        }
    }
}
