package dev.zvonok.server.tracking;

import java.util.regex.Pattern;

/**
 * Operators' phones are the peers whose names look like extensions ({@code \d{2,6}} unless configured otherwise);
 * every other peer ({@code trunk}, {@code rostelecom}, {@code 1} on a DAHDI span...) is an outside line.
 */
public final class ExtensionPatternEndpoints implements OperatorEndpoints {

    public static final String DEFAULT_PATTERN = "\\d{2,6}";

    private final Pattern extension;

    public ExtensionPatternEndpoints(String pattern) {
        this.extension = Pattern.compile(pattern);
    }

    public static ExtensionPatternEndpoints standard() {
        return new ExtensionPatternEndpoints(DEFAULT_PATTERN);
    }

    @Override
    public String extensionOf(ChannelName channel) {
        if (channel.local() || channel.resource().isEmpty()) {
            return null;
        }
        return extension.matcher(channel.resource()).matches() ? channel.resource() : null;
    }
}
