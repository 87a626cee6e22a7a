package dev.zvonok.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.phone.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code expected-calls.json} beside the recordings: per trace, the calls tracking must yield. Fields it does not
 * name are left to the implementation; numbers are compared after normalization. Its {@code offers} are the phones
 * that rang; an operator who took the call by pickup has a part of their own (a card, notes) that is no ring, and is
 * checked apart.
 */
public final class ExpectedCalls {

    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();
    private static final List<JsonNode> ALL = load();

    private ExpectedCalls() {
    }

    /** The expected calls of a trace named as in {@link RecordedTraces} (e.g. {@code pjsip/10-pjsip-…}). */
    public static List<JsonNode> forTrace(String trace) {
        return ALL.stream().filter(call -> call.get("file").asText().equals(trace)).toList();
    }

    /** Asserts that {@code actual} holds exactly the expected calls of the trace, each once, in any order. */
    public static void assertMatches(String trace, List<CallRecord> actual) {
        List<JsonNode> expected = forTrace(trace);
        assertThat(expected).as("expectations for %s", trace).isNotEmpty();
        assertThat(actual).as("calls tracked from %s", trace).hasSameSizeAs(expected);
        List<CallRecord> unmatched = new ArrayList<>(actual);
        for (JsonNode call : expected) {
            CallRecord match = unmatched.stream()
                    .filter(record -> Objects.equals(record.caller(), NUMBERS.normalize(call.get("caller").asText())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(trace + ": no call from " + call.get("caller") + " in " + actual));
            unmatched.remove(match);
            assertCall(trace, call, match);
        }
    }

    private static void assertCall(String trace, JsonNode expected, CallRecord actual) {
        String what = trace + " call from " + actual.caller();
        assertThat(actual.dialed()).as(what + ": dialed").isEqualTo(NUMBERS.normalize(expected.get("dialed").asText()));
        assertThat(actual.direction().wireName()).as(what + ": direction").isEqualTo(expected.get("direction").asText());
        assertThat(actual.disposition().wireName()).as(what + ": disposition")
                .isEqualTo(expected.get("disposition").asText());
        if (expected.has("answeredBy")) {
            JsonNode answeredBy = expected.get("answeredBy");
            assertThat(actual.answeredBy()).as(what + ": answeredBy")
                    .isEqualTo(answeredBy.isNull() ? null : answeredBy.asText());
        }
        if (expected.has("transfers")) {
            List<String> transfers = new ArrayList<>();
            expected.get("transfers").forEach(t ->
                    transfers.add(t.get("from").asText() + "->" + t.get("to").asText() + ":" + t.get("kind").asText()));
            assertThat(actual.transfers()).as(what + ": transfers")
                    .extracting(t -> t.from() + "->" + t.to() + ":" + t.kind().wireName())
                    .containsExactlyElementsOf(transfers);
        }
        if (expected.has("offers")) {
            Map<String, String> offers = new LinkedHashMap<>();
            expected.get("offers").fields().forEachRemaining(e -> offers.put(e.getKey(), e.getValue().asText()));
            Map<String, String> actualOffers = new LinkedHashMap<>();
            actual.offers().stream().filter(o -> !o.pickedUp())
                    .forEach(o -> actualOffers.put(o.extension(), o.result().wireName()));
            assertThat(actualOffers).as(what + ": offers (phones that rang)").isEqualTo(offers);
            // a call pickup is the picker's part without a ring: answered, and they are who answered the call
            assertThat(actual.offers()).filteredOn(OfferRecord::pickedUp).as(what + ": pickups")
                    .allSatisfy(o -> {
                        assertThat(o.result()).isEqualTo(OfferResult.ANSWERED);
                        assertThat(o.extension()).isEqualTo(actual.answeredBy());
                    });
        }
    }

    private static List<JsonNode> load() {
        List<JsonNode> calls = new ArrayList<>();
        load("", calls);
        load("pjsip/", calls);
        return calls;
    }

    /** Each set's {@code expected-calls.json} names its files without their folder: the folder is added here. */
    private static void load(String folder, List<JsonNode> calls) {
        String resource = "/ami-traces/" + folder + "expected-calls.json";
        try (InputStream in = ExpectedCalls.class.getResourceAsStream(resource)) {
            for (JsonNode call : new ObjectMapper().readTree(Objects.requireNonNull(in, resource))) {
                ((ObjectNode) call).put("file", folder + call.get("file").asText());
                calls.add(call);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
