package dev.zvonok.server.sim;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one simulated call should look like: its shape, the value of each of its roles, the waits that differ from
 * the recording, and (click-to-call only) the ActionID its {@code OriginateResponse} echoes.
 *
 * <p>Immutable; each {@code with...} gives a changed copy. Parties start as the recording's own, waits as recorded.
 */
public record CallSpec(Shape shape, Map<Role, String> parties, Map<Wait, Duration> waits, String originateActionId) {

    /** What a party value may be: an extension or a number, as a dial string or caller id would carry it. */
    private static final Pattern PARTY_VALUE = Pattern.compile("[0-9A-Za-z+*#]{1,40}");

    public CallSpec {
        Objects.requireNonNull(shape, "shape");
        parties = Collections.unmodifiableMap(new EnumMap<>(parties));
        waits = waits.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(waits));
        if (!parties.keySet().equals(shape.recordedParties().keySet())) {
            throw new IllegalArgumentException(shape + " has the roles " + shape.recordedParties().keySet()
                    + ", not " + parties.keySet());
        }
        Set<String> distinct = new HashSet<>();
        for (Map.Entry<Role, String> party : parties.entrySet()) {
            if (!PARTY_VALUE.matcher(party.getValue()).matches()) {
                throw new IllegalArgumentException(party.getKey() + " must be an extension or a number, not '"
                        + party.getValue() + "'");
            }
            if (!distinct.add(party.getValue())) {
                throw new IllegalArgumentException("two roles of one call cannot share the value " + party.getValue());
            }
        }
        for (Map.Entry<Wait, Duration> wait : waits.entrySet()) {
            if (!shape.has(wait.getKey())) {
                throw new IllegalArgumentException(shape + " has no wait " + wait.getKey() + "; it has " + shape.waits());
            }
            if (wait.getValue().isNegative()) {
                throw new IllegalArgumentException(wait.getKey() + " cannot be negative");
            }
        }
        if (originateActionId != null && (originateActionId.contains("\r") || originateActionId.contains("\n"))) {
            throw new IllegalArgumentException("an ActionID is one line");
        }
    }

    /** The shape as recorded: the recording's parties and waits. */
    public static CallSpec of(Shape shape) {
        return new CallSpec(shape, shape.recordedParties(), Map.of(), null);
    }

    public CallSpec with(Role role, String value) {
        return withParties(Map.of(role, value));
    }

    /**
     * Several roles at once, e.g. to swap who answers a queue call: setting them one by one would pass through a
     * call where two roles have the same value.
     */
    public CallSpec withParties(Map<Role, String> values) {
        Map<Role, String> changed = new EnumMap<>(parties);
        for (Map.Entry<Role, String> party : values.entrySet()) {
            if (!shape.has(party.getKey())) {
                throw new IllegalArgumentException(shape + " has no role " + party.getKey() + "; it has "
                        + parties.keySet());
            }
            changed.put(party.getKey(), Objects.requireNonNull(party.getValue(), "value"));
        }
        return new CallSpec(shape, changed, waits, originateActionId);
    }

    public CallSpec with(Wait wait, Duration length) {
        Map<Wait, Duration> changed = new EnumMap<>(Wait.class);
        changed.putAll(waits);
        changed.put(wait, Objects.requireNonNull(length, "length"));
        return new CallSpec(shape, parties, changed, originateActionId);
    }

    public CallSpec withWaits(Map<Wait, Duration> lengths) {
        CallSpec spec = this;
        for (Map.Entry<Wait, Duration> wait : lengths.entrySet()) {
            spec = spec.with(wait.getKey(), wait.getValue());
        }
        return spec;
    }

    /** The ActionID the click-to-call's {@code OriginateResponse} carries (the originating client's own). */
    public CallSpec withOriginateActionId(String actionId) {
        if (shape != Shape.CLICK_TO_CALL) {
            throw new IllegalArgumentException("only " + Shape.CLICK_TO_CALL + " answers an Originate");
        }
        return new CallSpec(shape, parties, waits, Objects.requireNonNull(actionId, "actionId"));
    }

    public CallSpec external(String number) {
        return with(Role.EXTERNAL_NUMBER, number);
    }

    public CallSpec operator(String extension) {
        return with(Role.OPERATOR, extension);
    }

    public CallSpec ring(Duration length) {
        return with(Wait.RING, length);
    }

    public CallSpec talk(Duration length) {
        return with(Wait.TALK, length);
    }

    public String party(Role role) {
        String value = parties.get(role);
        if (value == null) {
            throw new IllegalArgumentException(shape + " has no role " + role);
        }
        return value;
    }

    /** The wait's length when this spec sets it; empty means "as recorded". */
    public Optional<Duration> wait(Wait wait) {
        return Optional.ofNullable(waits.get(wait));
    }
}
