package dev.zvonok.server.amiwire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One AMI message as it travels on the wire: an ordered list of {@code Key: value} lines.
 *
 * <p>Order and duplicates are kept (Asterisk repeats keys such as {@code ChanVariable}), so a message parsed from a
 * recording serialises back to the very same bytes. Keys are looked up case-insensitively, as Asterisk does.
 */
public final class AmiMessage {

    public static final String CRLF = "\r\n";

    private final String[] keys;
    private final String[] values;

    private AmiMessage(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static AmiMessage of(String... keyValuePairs) {
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Builder builder = builder();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            builder.add(keyValuePairs[i], keyValuePairs[i + 1]);
        }
        return builder.build();
    }

    /**
     * Parses one message block: lines separated by CRLF (or LF), without the terminating blank line.
     *
     * @throws MalformedAmiMessageException when a line has no {@code ": "} separator
     */
    public static AmiMessage parse(String block) {
        Builder builder = builder();
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty()) {
                builder.addLine(line);
            }
        }
        return builder.build();
    }

    /** The value of the first line with this key, or null. */
    public String get(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equalsIgnoreCase(key)) {
                return values[i];
            }
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** {@code Event} name, or null for a response. */
    public String event() {
        return get("Event");
    }

    /** {@code Response} value ({@code Success}, {@code Error}, {@code Goodbye}...), or null for an event. */
    public String response() {
        return get("Response");
    }

    public String actionId() {
        return get("ActionID");
    }

    public boolean isEvent(String name) {
        return name.equalsIgnoreCase(event());
    }

    public int size() {
        return keys.length;
    }

    public String keyAt(int index) {
        return keys[index];
    }

    public String valueAt(int index) {
        return values[index];
    }

    public List<String> keys() {
        return List.of(keys);
    }

    /** A copy with the first line of this key set to the value (appended when absent). */
    public AmiMessage with(String key, String value) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equalsIgnoreCase(key)) {
                String[] newValues = values.clone();
                newValues[i] = value;
                return new AmiMessage(keys, newValues);
            }
        }
        String[] newKeys = Arrays.copyOf(keys, keys.length + 1);
        String[] newValues = Arrays.copyOf(values, values.length + 1);
        newKeys[keys.length] = key;
        newValues[values.length] = value;
        return new AmiMessage(newKeys, newValues);
    }

    /** A copy without any line of this key. */
    public AmiMessage without(String key) {
        Builder builder = builder();
        for (int i = 0; i < keys.length; i++) {
            if (!keys[i].equalsIgnoreCase(key)) {
                builder.add(keys[i], values[i]);
            }
        }
        return builder.build();
    }

    /** A copy whose values have all gone through the function (keys and order unchanged). */
    public AmiMessage mapValues(ValueMapper mapper) {
        String[] newValues = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            newValues[i] = mapper.map(keys[i], values[i]);
        }
        return new AmiMessage(keys, newValues);
    }

    /** A copy whose values have all gone through the function, whatever their key. */
    public AmiMessage mapValues(UnaryOperator<String> mapper) {
        return mapValues((key, value) -> mapper.apply(value));
    }

    /** The message in wire form: {@code Key: value} lines, each ending in CRLF, and the blank line after them. */
    public String toWire() {
        StringBuilder out = new StringBuilder(32 * keys.length + 2);
        for (int i = 0; i < keys.length; i++) {
            out.append(keys[i]).append(": ").append(values[i]).append(CRLF);
        }
        return out.append(CRLF).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmiMessage that && Arrays.equals(keys, that.keys) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(keys), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        String name = event() != null ? "Event " + event() : "Response " + response();
        return name + " " + (keys.length) + " fields";
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    @FunctionalInterface
    public interface ValueMapper {
        String map(String key, String value);
    }

    public static final class Builder {
        private final List<String> keys = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String key, Object value) {
            keys.add(Objects.requireNonNull(key, "key"));
            values.add(value == null ? "" : value.toString());
            return this;
        }

        /** Adds one wire line, {@code Key: value}; the single space after the colon is not part of the value. */
        public Builder addLine(String line) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedAmiMessageException("not a 'Key: value' line: " + abbreviate(line));
            }
            String value = line.substring(colon + 1);
            return add(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
        }

        public AmiMessage build() {
            return new AmiMessage(keys.toArray(String[]::new), values.toArray(String[]::new));
        }
    }
}
