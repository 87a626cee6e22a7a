package dev.zvonok.server.tracking;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells operators' devices from outside lines by configuration, never by a hard-wired technology: a device is a peer
 * of one of the device technologies ({@code SIP}, {@code PJSIP}, {@code IAX2} unless configured otherwise) whose name
 * looks like an extension ({@code \d{2,6}}) and is not listed as a trunk. Every other peer ({@code trunk},
 * {@code rostelecom}, a {@code DAHDI} span, an IAX2 trunk named {@code 500} listed in {@code trunks}...) is an
 * outside line; {@code Local} channels are plumbing that leads to one of the two.
 */
public final class ExtensionPatternEndpoints implements OperatorEndpoints {

    public static final String DEFAULT_PATTERN = "\\d{2,6}";
    public static final Set<String> DEFAULT_DEVICE_TECHNOLOGIES = Set.of("SIP", "PJSIP", "IAX2");

    private final Pattern extension;
    private final Set<String> deviceTechnologies;
    private final Set<String> trunks;

    public ExtensionPatternEndpoints(String pattern, Set<String> deviceTechnologies, Set<String> trunks) {
        this.extension = Pattern.compile(pattern);
        this.deviceTechnologies = deviceTechnologies.stream().map(ExtensionPatternEndpoints::key)
                .collect(Collectors.toUnmodifiableSet());
        this.trunks = Set.copyOf(trunks);
    }

    public ExtensionPatternEndpoints(String pattern) {
        this(pattern, DEFAULT_DEVICE_TECHNOLOGIES, Set.of());
    }

    public static ExtensionPatternEndpoints standard() {
        return new ExtensionPatternEndpoints(DEFAULT_PATTERN);
    }

    /** Whether a desk phone's number looks like the PBX's extensions: what the administration accepts as one. */
    public boolean isExtension(String number) {
        return number != null && extension.matcher(number).matches();
    }

    /** The pattern extensions match, for messages. */
    public String extensionPattern() {
        return extension.pattern();
    }

    @Override
    public String extensionOf(ChannelName channel) {
        if (channel.local() || channel.resource().isEmpty()
                || !deviceTechnologies.contains(key(channel.technology())) || trunks.contains(channel.resource())) {
            return null;
        }
        return extension.matcher(channel.resource()).matches() ? channel.resource() : null;
    }

    private static String key(String technology) {
        return technology.toUpperCase(Locale.ROOT);
    }
}
